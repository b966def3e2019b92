// Issue 8, items 1-8 and 13: each defect the review found, as a specification through decide(), with its neighbours.
import { decide } from '../../policies/decide';
import type { Plan } from '../../policies/plan';
import type { Series } from '../../policies/snapshot';
import { TAGS } from '../../policies/tags';
import { flat, groupConfig, instances, MIN, NOW, snapshot } from '../fixtures/builders';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc';
const codes = (p: Plan): string[] => p.reasons.map((r) => r.code);
const later = new Date(NOW + 3_600_000).toISOString();
/** Everything low: every policy would agree to scale in. */
const quiet = { cpu: 20, memory: 30, latency: 0.2, errorRate: 0.1 };
const unhealthyTargets = (n: number, total: number) =>
  instances(total).map((i, k) => ({ instanceId: i.id, targetGroupArn: TG, state: (k < n ? 'unhealthy' : 'healthy') as 'healthy' }));

describe('item 1: no scale-in during a 5xx incident, an open breaker or unhealthy targets', () => {
  it('holds 6 when errors are 40 % with CPU, memory and latency low (the error policy abstains from scale-out, not from the veto)', () => {
    // Prepare
    const s = snapshot({ desired: 6, ...quiet, errorRate: 40 });
    // Act
    const plan = decide(s, groupConfig(), NOW);
    // Assess
    expect(plan.desired).toBeUndefined();
    expect(codes(plan)).toEqual(expect.arrayContaining(['HOLD_SCALE_IN_VETOED', 'ERRORS_WITHOUT_SATURATION']));
    expect(codes(plan)).not.toContain('SCALE_IN');
    expect(plan.recommendations.find((r) => r.policy === 'errorRate')).toMatchObject({ vote: 'hold' });
  });

  it('holds 6 when errors are 3 %: between the scale-in threshold and the first step', () => {
    const plan = decide(snapshot({ desired: 6, ...quiet, errorRate: 3 }), groupConfig(), NOW);
    expect(plan.desired).toBeUndefined();
    expect(codes(plan)).toContain('HOLD_SCALE_IN_VETOED');
  });

  it('holds when the error rate was above its threshold within the stabilization window, though low now', () => {
    // Prepare: 40 % errors three minutes ago, 0.1 % since
    const errorRate: Series = [...flat(40, 3, NOW - 3 * MIN), ...flat(0.1, 3)];
    // Act
    const plan = decide(snapshot({ desired: 6, ...quiet, errorRate }), groupConfig(), NOW);
    // Assess
    expect(plan.desired).toBeUndefined();
    expect(codes(plan)).toContain('HOLD_STABILIZATION');
  });

  it('holds while the breaker is open (a dependency outage): BREAKER_OPEN never comes with SCALE_IN', () => {
    const plan = decide(snapshot({ desired: 6, ...quiet, targets: unhealthyTargets(4, 6) }), groupConfig(), NOW);
    expect(plan.desired).toBeUndefined();
    expect(codes(plan)).toEqual(expect.arrayContaining(['BREAKER_OPEN', 'HOLD_UNHEALTHY_TARGETS']));
    expect(codes(plan)).not.toContain('SCALE_IN');
    expect(plan.reasons.find((r) => r.code === 'HOLD_UNHEALTHY_TARGETS')?.data).toMatchObject({ unhealthy: 4, breakerOpen: true });
  });

  it('holds while one target is unhealthy and being replaced: the replacement goes ahead, the scale-in waits', () => {
    const plan = decide(snapshot({ desired: 6, ...quiet, targets: unhealthyTargets(1, 6) }), groupConfig(), NOW);
    expect(plan.desired).toBeUndefined();
    expect(plan.replace).toEqual(['i-00000001']);
    expect(codes(plan)).toEqual(expect.arrayContaining(['REPLACE_UNHEALTHY', 'HOLD_UNHEALTHY_TARGETS']));
  });

  it('still scales out on CPU with an unhealthy target: the veto is on scale-in only', () => {
    const plan = decide(snapshot({ desired: 4, cpu: 75, targets: unhealthyTargets(1, 4) }), groupConfig(), NOW);
    expect(plan.desired).toBe(5); // ceil(4 * 75 / 60) = 5
  });
});

describe('item 2: only a canonical decimal integer is a capacity, only an ISO 8601 time with an offset is a time', () => {
  const withOverride = (value: string, until = later): Plan =>
    decide(snapshot({ tags: { [TAGS.overrideDesired]: value, [TAGS.overrideUntil]: until } }), groupConfig(), NOW);

  it.each(['', '  ', '0x8', '+5', '5.0', '1e1', '05', '-1', ' 5', '5 ', '5\n', 'Infinity', '9007199254740993', '٥'])(
    'ignores override-desired %j as TAG_INVALID and changes nothing', (value) => {
      const plan = withOverride(value);
      expect(plan.desired).toBeUndefined();
      expect(codes(plan)).toContain('TAG_INVALID');
      expect(codes(plan)).not.toContain('OVERRIDE_ACTIVE');
    });

  it.each([['8', 8], ['0', 2], ['10', 10]])('reads override-desired %j (bounded by the group: 0 -> its minimum 2)', (value, want) => {
    expect(withOverride(value).desired).toBe(want);
  });

  it.each(['2026-03-04T16:00:00', '2026-03-04 16:00:00Z', '2026-03-05', 'Wed, 04 Mar 2026 16:00:00 GMT', '1772640000000', '2026-03-04T16:00:00+0100', '2026-02-30T16:00:00Z'])(
    'rejects override-until %j (no offset, or not ISO 8601)', (until) => {
      const plan = withOverride('7', until);
      expect(plan.desired).toBeUndefined();
      expect(codes(plan)).toContain('TAG_INVALID');
    });

  it.each(['2026-03-04T16:00:00Z', '2026-03-04T17:00:00+01:00', '2026-03-04T11:00:00.000-05:00', '2026-03-04T16:00Z'])('accepts override-until %j', (until) => {
    expect(withOverride('7', until).desired).toBe(7);
  });

  it('does not pause on a paused-until without an offset: it is reported and ignored', () => {
    const plan = decide(snapshot({ cpu: 90, tags: { [TAGS.pausedUntil]: '2026-03-04T16:00:00' } }), groupConfig(), NOW);
    expect(codes(plan)).toEqual(expect.arrayContaining(['TAG_INVALID', 'SCALE_OUT_CPU']));
    expect(plan.desired).toBe(5);
  });
});

describe('item 3: overloaded-but-unhealthy is sized against ready capacity, so it does not add again while instances boot', () => {
  it('goes 5 -> 7 and then holds at 7 while the two new instances warm up', () => {
    // Prepare: CPU at its alarm (80 %), two of five targets unhealthy
    const cfg = groupConfig();
    const booting = (n: number, minutesAgo: number) => instances(n).map((i, k) => ({ ...i, id: `i-new${k}`, launchedAt: NOW - minutesAgo * MIN }));
    const run1 = snapshot({ desired: 5, cpu: 80, targets: unhealthyTargets(2, 5) });
    const later2 = (m: number) => snapshot({ desired: 7, cpu: 80, instances: [...instances(5), ...booting(2, m)], targets: unhealthyTargets(2, 5) });
    // Act
    const plans = [decide(run1, cfg, NOW), decide(later2(1), cfg, NOW), decide(later2(2), cfg, NOW)];
    // Assess
    expect(plans.map((p) => p.desired)).toEqual([7, undefined, undefined]);
    expect(plans[0]!.recommendations.find((r) => r.policy === 'health')).toMatchObject({ vote: 'out', desired: 7 }); // ready 5 + 2
    expect(plans[1]!.recommendations.find((r) => r.policy === 'health')).toMatchObject({ vote: 'hold', desired: 7 });
  });
});

describe('item 4: a metric above its target never means scale in', () => {
  it('holds 6 with CPU 90 % on 3 ready and nothing pending (failed launches)', () => {
    // Prepare: ceil(3 * 90 / 60) = 5 < 6, but CPU is above its target
    const s = snapshot({ desired: 6, ...quiet, cpu: 90, instances: instances(3) });
    // Act
    const plan = decide(s, groupConfig(), NOW);
    // Assess
    expect(plan.desired).toBeUndefined();
    expect(plan.recommendations.find((r) => r.policy === 'cpu')).toMatchObject({ vote: 'hold' });
    expect(codes(plan)).not.toContain('SCALE_IN');
  });

  it('counts missing instances at 100 % when scaling in (HPA\'s missing pods): CPU 10 % on 5 ready of 6 -> ceil((5 * 10 + 1 * 100) / 60) = 3', () => {
    const plan = decide(snapshot({ desired: 6, ...quiet, cpu: 10, instances: instances(5) }), groupConfig({ stepLimits: { out: { instances: 4, percent: 100 }, in: { instances: 5, percent: 0 } } }), NOW);
    expect(plan.recommendations.find((r) => r.policy === 'cpu')).toMatchObject({ vote: 'in', desired: 3 });
  });

  it('holds when the missing instances at 100 % leave no surplus: CPU 20 % on 3 ready of 6 -> (3 * 20 + 3 * 100) / (6 * 60) = 1.0', () => {
    const plan = decide(snapshot({ desired: 6, ...quiet, instances: instances(3) }), groupConfig({ stepLimits: { out: { instances: 4, percent: 100 }, in: { instances: 5, percent: 0 } } }), NOW);
    expect(plan.recommendations.find((r) => r.policy === 'cpu')).toMatchObject({ vote: 'hold', desired: 6 });
  });
});

describe('item 5: a configured tracking metric that goes silent holds scale-in (HPA skips scale-down on a missing metric)', () => {
  const silentMemory = snapshot({ desired: 4, ...quiet, memory: [] });

  it('holds 4 when the memory agent stops and CPU alone would scale in', () => {
    const plan = decide(silentMemory, groupConfig(), NOW);
    expect(plan.desired).toBeUndefined();
    expect(codes(plan)).toEqual(expect.arrayContaining(['HOLD_METRIC_MISSING', 'POLICY_NO_DATA']));
  });

  it('scales in on CPU alone when the group opts out with scaleInRequiresAllMetrics: false', () => {
    const plan = decide(silentMemory, groupConfig({ scaleInRequiresAllMetrics: false }), NOW);
    expect(plan.desired).toBe(3);
  });

  it('still scales out on CPU while memory is silent', () => {
    expect(decide(snapshot({ cpu: 90, memory: [] }), groupConfig(), NOW).desired).toBe(5);
  });

  it('does not hold for a silent latency or error-rate series: an idle ALB publishes none', () => {
    expect(decide(snapshot({ desired: 4, ...quiet, latency: [], errorRate: [] }), groupConfig(), NOW).desired).toBe(3);
  });
});

describe('item 6: impossible metric values are rejected with METRIC_OUT_OF_RANGE and count as no data', () => {
  it.each([
    ['cpu', -10], ['cpu', 150], ['cpu', Number.NaN], ['cpu', Number.POSITIVE_INFINITY],
    ['memory', -1], ['memory', 100.5], ['errorRate', -0.1], ['errorRate', 101], ['latency', -0.5], ['latency', Number.POSITIVE_INFINITY],
  ] as const)('%s %d: rejected, and the group does not scale in', (metric, v) => {
    // Prepare
    const s = snapshot({ desired: 6, ...quiet, [metric]: v });
    // Act
    const plan = decide(s, groupConfig(), NOW);
    // Assess
    expect(plan.desired).toBeUndefined();
    expect(plan.reasons.find((r) => r.code === 'METRIC_OUT_OF_RANGE')?.data).toMatchObject({ metric });
    expect(plan.recommendations.find((r) => r.policy === metric)).toMatchObject({ vote: 'abstain', value: null });
  });

  it('does not scale out on CPU 150 %', () => {
    expect(decide(snapshot({ cpu: 150 }), groupConfig(), NOW).desired).toBeUndefined();
  });

  it('accepts the edges 0 and 100 %', () => {
    const plan = decide(snapshot({ cpu: 100 }), groupConfig(), NOW);
    expect(codes(plan)).not.toContain('METRIC_OUT_OF_RANGE');
    expect(plan.desired).toBe(5);
  });
});

describe('item 7: same-timestamp datapoints give one answer, whatever their order (the largest counts)', () => {
  it('scales out to 5 on CPU 95 % whether 20 % or 95 % comes first at the same minute', () => {
    const a = [...flat(60, 5, NOW - MIN), { t: NOW, v: 20 }, { t: NOW, v: 95 }];
    const b = [...flat(60, 5, NOW - MIN), { t: NOW, v: 95 }, { t: NOW, v: 20 }];
    const pa = decide(snapshot({ cpu: a }), groupConfig(), NOW);
    const pb = decide(snapshot({ cpu: b }), groupConfig(), NOW);
    expect(pa).toEqual(pb);
    expect(pa.desired).toBe(5); // ceil(3 * 95 / 60)
  });
});

describe('item 8: a cooldown never reports more time than it has', () => {
  it('caps a 60 s scale-out cooldown at 60 s when the activity ends in the future', () => {
    const future = [{ startedAt: NOW - 60_000, endedAt: NOW + 3_600_000, status: 'Successful', description: 'Launching' }];
    const plan = decide(snapshot({ cpu: 90, activities: future }), groupConfig(), NOW);
    expect(plan.desired).toBeUndefined();
    expect(plan.reasons.find((r) => r.code === 'HOLD_COOLDOWN')?.data).toMatchObject({ remainingSeconds: 60, cooldownSeconds: 60 });
    expect(plan.reasons.find((r) => r.code === 'HOLD_COOLDOWN')?.message).toContain('60 s left');
  });
});

describe('item 13: reason messages round their numbers, data keeps them raw', () => {
  it('prints latency 2.34 s and keeps 2.3382108552308307 in data', () => {
    const plan = decide(snapshot({ latency: 2.3382108552308307 }), groupConfig(), NOW);
    const r = plan.reasons.find((x) => x.code === 'SCALE_OUT_LATENCY')!;
    expect(r.message).toContain('2.34 s');
    expect(r.message).not.toContain('2.3382');
    expect(r.data.value).toBe(2.3382108552308307);
  });

  it('prints error rates and CPU rounded in ERRORS_WITHOUT_SATURATION', () => {
    const plan = decide(snapshot({ errorRate: 33.333333333, cpu: 55.55555555, latency: 0.2 }), groupConfig(), NOW);
    const r = plan.reasons.find((x) => x.code === 'ERRORS_WITHOUT_SATURATION')!;
    expect(r.message).toMatch(/error rate 33\.33 % with cpu 55\.56 %/);
    expect(r.data.errorRate).toBe(33.333333333);
  });
});

describe('issue 11: decision codes are distinct from votes, and the plan leads with its action', () => {
  it('prints SCALE_IN once, as the decision; each policy votes VOTE_SCALE_IN', () => {
    const plan = decide(snapshot({ desired: 4, ...quiet }), groupConfig(), NOW);
    expect(codes(plan).filter((c) => c === 'SCALE_IN')).toHaveLength(1);
    expect(plan.recommendations.map((r) => r.reason.code)).toEqual(['VOTE_SCALE_IN', 'VOTE_SCALE_IN', 'VOTE_SCALE_IN', 'VOTE_SCALE_IN']);
    expect(plan.action).toEqual({ kind: 'scale', from: 4, to: 3, code: 'SCALE_IN' });
  });

  it('carries no SCALE_IN when a cooldown holds the scale-in', () => {
    const done = [{ startedAt: NOW - 5 * MIN, endedAt: NOW - 2 * MIN, status: 'Successful', description: 'Launching' }];
    const plan = decide(snapshot({ desired: 4, ...quiet, activities: done }), groupConfig(), NOW);
    expect(codes(plan)[0]).toBe('HOLD_COOLDOWN');
    expect(codes(plan)).not.toContain('SCALE_IN');
    expect(plan.action).toEqual({ kind: 'hold', code: 'HOLD_COOLDOWN' });
  });

  it('holds with one HOLD_WITHIN_TOLERANCE; each policy votes VOTE_HOLD', () => {
    const plan = decide(snapshot({ errorRate: 2 }), groupConfig(), NOW);
    expect(codes(plan).filter((c) => c === 'HOLD_WITHIN_TOLERANCE')).toHaveLength(1);
    expect(plan.recommendations.map((r) => r.reason.code)).toEqual(['VOTE_HOLD', 'VOTE_HOLD', 'VOTE_HOLD', 'VOTE_HOLD']);
    expect(plan.action).toEqual({ kind: 'hold', code: 'HOLD_WITHIN_TOLERANCE' });
  });

  it('names a replacement and an open breaker as actions', () => {
    expect(decide(snapshot({ desired: 4, targets: unhealthyTargets(1, 4) }), groupConfig(), NOW).action).toEqual({ kind: 'replace', instanceIds: ['i-00000001'], code: 'REPLACE_UNHEALTHY' });
    expect(decide(snapshot({ desired: 4, targets: unhealthyTargets(3, 4) }), groupConfig(), NOW).action).toEqual({ kind: 'breaker-open', replaced: 0, code: 'BREAKER_OPEN' });
  });

  it('names a pause as a hold', () => {
    expect(decide(snapshot({ cpu: 95, tags: { [TAGS.pausedUntil]: later } }), groupConfig(), NOW).action).toEqual({ kind: 'hold', code: 'PAUSED' });
  });
});
