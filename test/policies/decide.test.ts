import { distributionFor } from '../../policies/capacity-mode';
import { decide } from '../../policies/decide';
import { MANUAL_ONLY_CODES, REASON_CODES, SPOT_HANDLER_CODES } from '../../policies/reasons';
import { groupConfig, instances, NOW, snapshot } from '../fixtures/builders';
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
    expect(plan.capacityRebalance).toBe(s.expect.capacityRebalance);
    expect(plan.warmPool?.put?.minSize).toBe(s.expect.warmPool?.put);
    expect(plan.warmPool?.delete).toBe(s.expect.warmPool?.delete);
    for (const r of plan.reasons) expect(r.message.length).toBeGreaterThan(0);
  });

  it('has a scenario for every reason code in the catalogue', () => {
    expect(REASON_CODES.filter((c) => !MANUAL_ONLY_CODES.includes(c) && !SPOT_HANDLER_CODES.includes(c) && !SCENARIOS.some((s) => s.code === c))).toEqual([]);
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

  it('lets a scale-out through while a scale-in is still draining, and says so', () => {
    const draining = [{ startedAt: NOW - 2 * 60_000, status: 'InProgress', description: 'Terminating EC2 instance: i-00000009' }];
    const plan = decide(snapshot({ cpu: 90, activities: draining }), groupConfig(), NOW);
    expect(plan.desired).toBe(5); // ceil(3 * 90 / 60)
    expect(plan.reasons.find((r) => r.code === 'HOLD_ACTIVITY_IN_PROGRESS')?.data).toMatchObject({ scaleOutProceeds: true });
  });

  it('holds mode and narrower bounds while an activity is in progress', () => {
    const launching = [{ startedAt: NOW - 60_000, status: 'InProgress', description: 'Launching a new EC2 instance: i-00000009' }];
    const night = { name: 'night', days: ['wed' as const], start: '00:00', end: '23:59', capacity: { max: 4 }, mode: 'spot' as const };
    const plan = decide(snapshot({ desired: 6, activities: launching }), groupConfig({ windows: [night] }), NOW);
    expect(plan).toMatchObject({ replace: [] });
    expect(plan.desired).toBeUndefined();
    expect(plan.bounds).toBeUndefined();
    expect(plan.distribution).toBeUndefined();
  });

  it('does not let a latency step add again while instances warm up (AWS warm-up semantics)', () => {
    const insts = [...instances(3), { ...instances(1)[0]!, id: 'i-000000aa', launchedAt: NOW - 2 * 60_000 }];
    const plan = decide(snapshot({ desired: 4, instances: insts, latency: 2.5, cpu: 60 }), groupConfig(), NOW);
    expect(plan.desired).toBeUndefined();
    expect(plan.recommendations.find((r) => r.policy === 'latency')).toMatchObject({ vote: 'hold', reason: { code: 'VOTE_WARMING_UP' } });
  });

  it('treats stale data (older than 300 s) as no data', () => {
    const old = [{ t: NOW - 10 * 60_000, v: 5 }];
    expect(decide(snapshot({ desired: 5, cpu: old, memory: old, latency: old, errorRate: old }), groupConfig(), NOW).reasons[0]?.code).toBe('HOLD_NO_DATA');
  });
});
