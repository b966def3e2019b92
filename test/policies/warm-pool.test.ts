import fc from 'fast-check';
import type { Series } from '../../policies/snapshot';
import { p95Increase, planWarmPool, warmPoolSupport, type WarmPoolPolicy } from '../../policies/warm-pool';

const RUNS = { numRuns: 1000 };
const NOW = Date.UTC(2025, 5, 16, 12, 0);
const minutes = (values: readonly number[]): Series => values.map((v, i) => ({ t: NOW - (values.length - 1 - i) * 60_000, v }));
const policy: WarmPoolPolicy = { targetPerInstance: 100, minSize: 1, maxSize: 5, volatilityMinutes: 1 };
const supported = { supported: true, reason: null };

describe('warm pool support', () => {
  it.each([
    ['a plain launch template', true, null, false],
    ['a mixed instances policy of On-Demand types only (allowed since November 2025)', true, { onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: 100 }, false],
    ['30 % Spot above the base', false, { onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: 70 }, false],
    ['a launch template that requests Spot', false, null, true],
  ] as const)('%s -> supported: %s', (_what, expected, mixedInstances, launchTemplateRequestsSpot) => {
    // Act
    const s = warmPoolSupport({ mixedInstances, launchTemplateRequestsSpot });
    // Assess
    expect(s.supported).toBe(expected);
    expect(s.reason?.code ?? null).toBe(expected ? null : 'WARM_POOL_UNSUPPORTED');
  });

  it('names the Spot share: 100 - 70 = 30 %', () => {
    const s = warmPoolSupport({ mixedInstances: { onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: 70 }, launchTemplateRequestsSpot: false });
    expect(s.reason).toMatchObject({ data: { spotShare: 30 } });
  });

  it('keeps the pre-November-2025 rule on request: any mixed instances policy is refused', () => {
    const s = warmPoolSupport({ mixedInstances: { onDemandBaseCapacity: 0, onDemandPercentageAboveBaseCapacity: 100 }, launchTemplateRequestsSpot: false }, false);
    expect(s).toMatchObject({ supported: false, reason: { code: 'WARM_POOL_UNSUPPORTED' } });
  });
});

describe('recent volatility', () => {
  it('is the p95 by nearest rank of the minute-to-minute rises: rises 10, 0, 25, 0, 60 -> rank ceil(4.75) = 5 -> 60', () => {
    expect(p95Increase(minutes([100, 110, 105, 130, 130, 190]), NOW)).toBe(60);
  });

  it('with 20 rises of 1..20 takes rank ceil(19) = 19 -> 19', () => {
    expect(p95Increase(minutes(Array.from({ length: 21 }, (_, i) => (i * (i + 1)) / 2)), NOW)).toBe(19);
  });

  it('does not count a gap in the data as a rise, nor data older than an hour', () => {
    const gap: Series = [{ t: NOW - 180_000, v: 100 }, { t: NOW, v: 900 }];
    const old: Series = [{ t: NOW - 7_200_000, v: 0 }, { t: NOW - 7_140_000, v: 900 }, { t: NOW - 60_000, v: 5 }, { t: NOW, v: 5 }];
    expect(p95Increase(gap, NOW)).toBe(0);
    expect(p95Increase(old, NOW)).toBe(0);
  });
});

describe('warm pool size', () => {
  const rising = minutes([100, 110, 105, 130, 130, 190]); // p95 rise 60

  it('takes the larger of the forecast rise and the volatility: max(ceil(750 / 100) - 4, ceil(60 / 100)) = max(4, 1) = 4', () => {
    // Act
    const plan = planWarmPool(policy, { desired: 4, max: 10 }, supported, null, 750, rising, NOW);
    // Assess
    expect(plan.put).toEqual({ minSize: 4, maxGroupPreparedCapacity: 4, poolState: 'Stopped' });
    expect(plan.reasons).toEqual([expect.objectContaining({ code: 'WARM_POOL_RESIZE', data: expect.objectContaining({ size: 4, forecastNeed: 4, volatilityNeed: 1, p95Rise: 60 }) })]);
  });

  it('holds when the pool already has that size and state, and writes nothing', () => {
    const plan = planWarmPool(policy, { desired: 4, max: 10 }, supported, { minSize: 4, maxGroupPreparedCapacity: 4, poolState: 'Stopped' }, 750, rising, NOW);
    expect(plan.put).toBeUndefined();
    expect(plan.reasons.map((r) => r.code)).toEqual(['WARM_POOL_HOLD']);
  });

  it('keeps the configured minimum when nothing is rising: max(1, 0, 0) = 1', () => {
    expect(planWarmPool(policy, { desired: 4, max: 10 }, supported, null, null, minutes([100, 100, 90]), NOW).size).toBe(1);
  });

  it('caps at the configured maximum: one rise of 900 asks ceil(900 / 100) = 9 -> 5', () => {
    expect(planWarmPool(policy, { desired: 2, max: 20 }, supported, null, null, minutes([0, 900]), NOW).size).toBe(5);
  });

  it('never holds more than the group could bring in: desired 9 of max 10 leaves room for 1', () => {
    expect(planWarmPool(policy, { desired: 9, max: 10 }, supported, null, 2000, rising, NOW)).toMatchObject({ size: 1, put: { minSize: 1 } });
  });

  it('falls back with WARM_POOL_UNSUPPORTED and writes nothing when the group cannot have a pool', () => {
    const support = warmPoolSupport({ mixedInstances: { onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: 0 }, launchTemplateRequestsSpot: false });
    const plan = planWarmPool(policy, { desired: 4, max: 10 }, support, null, 750, rising, NOW);
    expect(plan).toEqual({ size: 0, reasons: [expect.objectContaining({ code: 'WARM_POOL_UNSUPPORTED' })] });
  });

  it('stays within [0, min(maxSize, max - desired)] and writes only a change (fast-check, 1,000 runs)', () => {
    const arb = fc.record({
      desired: fc.integer({ min: 0, max: 50 }), room: fc.integer({ min: 0, max: 50 }),
      minSize: fc.integer({ min: 0, max: 10 }), span: fc.integer({ min: 0, max: 20 }), target: fc.integer({ min: 1, max: 1000 }),
      peak: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true })), values: fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 70 }),
      existing: fc.option(fc.integer({ min: 0, max: 30 })),
    });
    fc.assert(fc.property(arb, (a) => {
      const p: WarmPoolPolicy = { targetPerInstance: a.target, minSize: a.minSize, maxSize: a.minSize + a.span, volatilityMinutes: 1 };
      const existing = a.existing === null ? null : { minSize: a.existing, maxGroupPreparedCapacity: a.existing, poolState: 'Stopped' as const };
      const plan = planWarmPool(p, { desired: a.desired, max: a.desired + a.room }, supported, existing, a.peak, minutes(a.values), NOW);
      const inRange = plan.size >= 0 && plan.size <= p.maxSize && plan.size <= a.room;
      const writesOnlyChange = (plan.put === undefined) === (a.existing === plan.size);
      return inRange && writesOnlyChange;
    }), RUNS);
  });
});
