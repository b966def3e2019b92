import { distributionFor } from '../../policies/capacity-mode';
import { decide } from '../../policies/decide';
import { MANUAL_ONLY_CODES, REASON_CODES } from '../../policies/reasons';
import { groupConfig, NOW, snapshot } from '../fixtures/builders';
import { SCENARIOS } from '../fixtures/scenarios';

describe('decide', () => {
  it.each(SCENARIOS.map((s) => [s.code, s.title, s] as const))('%s: %s', (code, _title, s) => {
    // Act
    const plan = decide(s.snapshot, s.config, s.now);
    // Assess
    expect(plan.reasons.map((r) => r.code)).toContain(code);
    expect(plan.desired).toBe(s.expect.desired);
    expect(plan.bounds).toEqual(s.expect.bounds);
    expect(plan.distribution).toEqual(s.expect.distribution ? distributionFor(s.expect.distribution, s.config.capacityMode) : undefined);
    expect(plan.replace).toEqual(s.expect.replace ?? []);
    for (const r of plan.reasons) expect(r.message.length).toBeGreaterThan(0);
  });

  it('has a scenario for every reason code in the catalogue', () => {
    expect(REASON_CODES.filter((c) => !MANUAL_ONLY_CODES.includes(c) && !SCENARIOS.some((s) => s.code === c))).toEqual([]);
  });

  it('replaces nothing while paused, even an unhealthy target', () => {
    const s = SCENARIOS.find((x) => x.code === 'REPLACE_UNHEALTHY')!;
    const paused = { ...s.snapshot, group: { ...s.snapshot.group, tags: { 'autoscaler:paused-until': new Date(NOW + 60_000).toISOString() } } };
    expect(decide(paused, s.config, NOW)).toMatchObject({ replace: [], reasons: [{ code: 'PAUSED' }] });
  });

  it('in health scope plans only replacements, not capacity', () => {
    const s = snapshot({ cpu: 95, desired: 4, targets: ['healthy', 'unhealthy', 'healthy', 'healthy'].map((st, i) => ({ instanceId: `i-0000000${i + 1}`, targetGroupArn: 'tg', state: st as 'healthy' })) });
    const plan = decide(s, groupConfig(), NOW, 'health');
    expect(plan.desired).toBeUndefined();
    expect(plan.reasons.map((r) => r.code)).toEqual(['SCALE_OUT_OVERLOADED_UNHEALTHY']);
  });

  it('keeps the numbers behind the decision: ready, value, target', () => {
    const plan = decide(snapshot({ cpu: 90 }), groupConfig(), NOW);
    expect(plan.reasons[0]).toMatchObject({ code: 'SCALE_OUT_CPU', data: { ready: 3, value: 90, target: 60, desired: 5 } });
    expect(plan.recommendations.map((r) => [r.policy, r.vote])).toEqual([['cpu', 'out'], ['memory', 'hold'], ['latency', 'hold'], ['errorRate', 'in']]);
  });

  it('treats stale data (older than 300 s) as no data', () => {
    const old = [{ t: NOW - 10 * 60_000, v: 5 }];
    expect(decide(snapshot({ desired: 5, cpu: old, memory: old, latency: old, errorRate: old }), groupConfig(), NOW).reasons[0]?.code).toBe('HOLD_NO_DATA');
  });
});
