// The warm-pool stage of decide(): the pool sized from recent volatility alone (no forecast may act), from the forecast
// when one may, and the fallback where the plan's distribution runs Spot.
import fc from 'fast-check';
import type { WarmPoolSettings } from '../../policies/config';
import type { InstancesDistribution, Series } from '../../policies/snapshot';
import { forecastPeakForPool, warmPoolStage, type WarmPoolStageInput } from '../../policies/warm-pool-stage';
import { NOW, snapshot } from '../fixtures/builders';

const RUNS = { numRuns: 1000 };
const minutes = (values: readonly number[]): Series => values.map((v, i) => ({ t: NOW - (values.length - 1 - i) * 60_000, v }));
const settings: WarmPoolSettings = { minSize: 0, maxSize: 10, targetPerInstance: 100, volatilityMinutes: 3, reuseOnScaleIn: true, mixedInstancesAllowed: true };
const onDemand: InstancesDistribution = { onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: 100, spotAllocationStrategy: 'price-capacity-optimized' };
const spot: InstancesDistribution = { onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: 0, spotAllocationStrategy: 'price-capacity-optimized' };
// Rises 100, 0, 250, 0, 200, 0 -> sorted [0, 0, 0, 100, 200, 250]; p95 nearest rank ceil(0.95 * 6) = 6 -> 250.
const requests = minutes([1000, 1100, 1050, 1300, 1300, 1500, 1450]);

const input = (o: Partial<WarmPoolStageInput> = {}): WarmPoolStageInput => ({
  settings, group: snapshot({ desired: 5, max: 20, warmPool: null }).group, distribution: onDemand,
  desired: 5, max: 20, forecastPeak: null, requests, now: NOW, ...o,
});

describe('warm-pool stage, volatility only (no forecast may act)', () => {
  it('puts ceil(p95 rise 250 * 3 min / 100) = ceil(7.5) = 8 stopped instances, room min(10, 20 - 5) = 10', () => {
    // Act
    const stage = warmPoolStage(input());
    // Assess
    expect(stage.warmPool).toEqual({ size: 8, put: { minSize: 8, maxGroupPreparedCapacity: 8, poolState: 'Stopped' }, reuseOnScaleIn: true });
    expect(stage.reasons).toEqual([expect.objectContaining({ code: 'WARM_POOL_RESIZE', data: expect.objectContaining({ size: 8, volatilityNeed: 8, forecastNeed: 0, p95Rise: 250, ceiling: 10 }) })]);
  });

  it('is capped by the room the group has: desired 5 of max 10 leaves min(10, 5) = 5', () => {
    expect(warmPoolStage(input({ max: 10 })).warmPool).toMatchObject({ size: 5, put: { minSize: 5, maxGroupPreparedCapacity: 5 } });
  });

  it('holds 0 (never negative) when the desired capacity is above the maximum, whatever the minimum asks', () => {
    // Prepare: an operator lowered the maximum below the running desired capacity; minSize 2 cannot be honoured.
    const stage = warmPoolStage(input({ desired: 12, max: 10, settings: { ...settings, minSize: 2 } }));
    // Assess
    expect(stage.warmPool).toMatchObject({ size: 0, put: { minSize: 0, maxGroupPreparedCapacity: 0 } });
  });

  it('keeps the configured minimum on a flat load: max(minSize 2, 0) = 2', () => {
    expect(warmPoolStage(input({ settings: { ...settings, minSize: 2 }, requests: minutes([900, 900, 900]) })).warmPool?.size).toBe(2);
  });

  it('writes nothing when the group already holds that pool: WARM_POOL_HOLD', () => {
    const group = snapshot({ desired: 5, max: 20, warmPool: { minSize: 8, maxGroupPreparedCapacity: 8, poolState: 'Stopped' } }).group;
    const stage = warmPoolStage(input({ group }));
    expect(stage.warmPool).toEqual({ size: 8, reuseOnScaleIn: true });
    expect(stage.reasons.map((r) => r.code)).toEqual(['WARM_POOL_HOLD']);
  });

  it('does nothing at all for a group without warm-pool settings', () => {
    expect(warmPoolStage(input({ settings: undefined }))).toEqual({ reasons: [] });
  });
});

describe('warm-pool stage, with the forecast', () => {
  it('takes the forecast rise when larger: ceil(1800 / 100) - 5 = 13 -> capped at maxSize 10', () => {
    const stage = warmPoolStage(input({ forecastPeak: forecastPeakForPool({ active: true, peak: 1800 }) }));
    expect(stage.warmPool?.size).toBe(10);
    expect(stage.reasons[0]).toMatchObject({ code: 'WARM_POOL_RESIZE', data: { forecastNeed: 13, volatilityNeed: 8 } });
  });

  it('takes the volatility when the forecast rise is smaller: max(ceil(1100 / 100) - 5 = 6, 8) = 8', () => {
    expect(warmPoolStage(input({ forecastPeak: forecastPeakForPool({ active: true, peak: 1100 }) })).warmPool?.size).toBe(8);
  });

  it.each([
    ['no forecast configured', undefined],
    ['a forecast in observe mode or distrusted (not active)', { active: false, peak: 5000 }],
    ['an active forecast without a peak', { active: true, peak: null }],
  ] as const)('reads no peak from %s', (_what, forecast) => {
    expect(forecastPeakForPool(forecast)).toBeNull();
  });
});

describe('warm-pool stage, where the plan runs Spot', () => {
  it('puts nothing and says WARM_POOL_UNSUPPORTED when the group has no pool', () => {
    const stage = warmPoolStage(input({ distribution: spot }));
    expect(stage.warmPool).toEqual({ size: 0, reuseOnScaleIn: true });
    expect(stage.reasons).toEqual([expect.objectContaining({ code: 'WARM_POOL_UNSUPPORTED', data: expect.objectContaining({ spotShare: 100 }) })]);
  });

  it('deletes an existing pool before the Spot distribution is written', () => {
    const group = snapshot({ desired: 5, max: 20, warmPool: { minSize: 4, maxGroupPreparedCapacity: 4, poolState: 'Stopped' } }).group;
    const stage = warmPoolStage(input({ group, distribution: spot }));
    expect(stage.warmPool).toEqual({ size: 0, delete: true, reuseOnScaleIn: true });
    expect(stage.reasons[0]).toMatchObject({ code: 'WARM_POOL_UNSUPPORTED', data: { deleted: 4 } });
  });
});

describe('warm-pool stage invariants (fast-check, 1,000 runs each)', () => {
  const arb = fc.record({
    desired: fc.integer({ min: 0, max: 60 }), max: fc.integer({ min: 0, max: 60 }),
    minSize: fc.integer({ min: 0, max: 10 }), span: fc.integer({ min: 0, max: 20 }), target: fc.integer({ min: 1, max: 1000 }),
    volatilityMinutes: fc.integer({ min: 1, max: 15 }), values: fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 70 }),
    existing: fc.option(fc.integer({ min: 0, max: 30 })),
  });
  type Case = typeof arb extends fc.Arbitrary<infer T> ? T : never;
  const run = (a: Case, forecastPeak: number | null) => {
    const s: WarmPoolSettings = { ...settings, minSize: a.minSize, maxSize: a.minSize + a.span, targetPerInstance: a.target, volatilityMinutes: a.volatilityMinutes };
    const warmPool = a.existing === null ? null : { minSize: a.existing, maxGroupPreparedCapacity: a.existing, poolState: 'Stopped' as const };
    return { s, stage: warmPoolStage(input({ settings: s, group: snapshot({ desired: a.desired, max: a.max, warmPool }).group, desired: a.desired, max: a.max, forecastPeak, requests: minutes(a.values) })) };
  };

  it('sizes the volatility-only pool as a whole number within [0, max - desired] and within maxSize, never negative', () => {
    fc.assert(fc.property(arb, (a) => {
      const { s, stage } = run(a, null);
      const size = stage.warmPool!.size;
      return Number.isInteger(size) && size >= 0 && size <= Math.max(0, a.max - a.desired) && size <= s.maxSize;
    }), RUNS);
  });

  it('writes the pool only when its size changes, and then as the absolute size (MinSize = MaxGroupPreparedCapacity)', () => {
    fc.assert(fc.property(arb, (a) => {
      const { stage } = run(a, null);
      const w = stage.warmPool!;
      const put = w.put;
      return (put === undefined) === (a.existing === w.size) && (put === undefined || (put.minSize === w.size && put.maxGroupPreparedCapacity === w.size));
    }), RUNS);
  });

  it('never sizes the pool smaller with a forecast than without one, and stays within the same bounds', () => {
    fc.assert(fc.property(arb, fc.double({ min: 0, max: 1e6, noNaN: true }), (a, peak) => {
      const without = run(a, null).stage.warmPool!.size;
      const { s, stage } = run(a, peak);
      const size = stage.warmPool!.size;
      return size >= without && size >= 0 && size <= Math.max(0, a.max - a.desired) && size <= s.maxSize;
    }), RUNS);
  });
});
