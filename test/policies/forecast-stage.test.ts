// The forecast stage inside decide(): a floor that only ever raises capacity, within the group's bounds, and that
// changes nothing in forecast-only mode. Properties over random groups and random seasonal histories.
import fc from 'fast-check';
import type { ForecastConfig, GroupConfig } from '../../policies/config';
import { decide } from '../../policies/decide';
import type { Plan } from '../../policies/plan';
import type { Series, Snapshot } from '../../policies/snapshot';
import { readOverrides } from '../../policies/tags';
import { inputsArb } from '../fixtures/arbitraries';
import { groupConfig, NOW, slots, snapshot } from '../fixtures/builders';

const RUNS = { numRuns: 1000 };
const MIN = 60_000;
const SLOT = 5 * MIN;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const finalDesired = (plan: Plan): number => plan.desired ?? plan.current.desired;
const FORECAST: ForecastConfig = { mode: 'act', leadMinutes: 7, historyDays: 14, minHistoryHours: 24, evaluationPoints: 288, minEvaluationPoints: 36, maxWape: 0.25 };

/** Up to 15 days of 5-minute slots ending before now: an hourly daily profile, a weekend factor and some noise. */
const historyArb = (now: number): fc.Arbitrary<Series> =>
  fc.record({
    hours: fc.integer({ min: 0, max: 15 * 24 }),
    profile: fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 24, maxLength: 24 }),
    weekend: fc.double({ min: 0.2, max: 1.5, noNaN: true }),
    noise: fc.integer({ min: 0, max: 1000 }),
    seed: fc.integer({ min: 1, max: 1 << 30 }),
  }).map(({ hours, profile, weekend, noise, seed }) => {
    let s = seed;
    const end = Math.floor(now / SLOT) * SLOT;
    // Up to 4,320 points a case, 3,000 cases: the UTC hour and weekday by arithmetic, not two Dates a point (under
    // jest, 1.9 CPU-s per 1,000 cases against 0.1). The same values: t > 0, and 1970-01-01 was a Thursday (day 4).
    const out: { t: number; v: number }[] = new Array(hours * 12);
    for (let i = 0; i < hours * 12; i += 1) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const t = end - (hours * 12 - i) * SLOT;
      const day = (Math.floor(t / DAY) + 4) % 7;
      const v = profile[Math.floor(t / HOUR) % 24]! * (day === 0 || day === 6 ? weekend : 1) + (s % (noise + 1));
      out[i] = { t, v };
    }
    return out;
  });

const withForecast = (config: GroupConfig, target: number, mode: 'act' | 'observe'): GroupConfig =>
  ({ ...config, policies: { ...config.policies, requestRate: { targetPerInstance: target } }, forecast: { ...FORECAST, mode } });
const withoutForecast = (config: GroupConfig, target: number): GroupConfig =>
  ({ ...config, policies: { ...config.policies, requestRate: { targetPerInstance: target } } });

const casesArb = inputsArb({ minuteGrid: true }).chain((inputs) => fc.record({
  inputs: fc.constant(inputs),
  history: historyArb(inputs.now),
  // Small targets and light current load half the time, so the floor often sits above the reactive answer.
  target: fc.integer({ min: 20, max: 1000 }),
  requests: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 20_000 })),
}));

const snapshotOf = (s: Snapshot, history: Series, requests: number, now: number): Snapshot =>
  ({ ...s, history, metrics: { ...s.metrics, requests: [{ t: now - MIN, v: requests }] } });

describe('forecast stage in decide', () => {
  it('is a floor with a plain peak for the warm pool: 15:05 forecasts 600 -> desired 6, peakInstances 6', () => {
    // Prepare: 600 req/min from 15:00 to 23:00 every day, 100 otherwise; 300 req/min now on 3 at 100 per instance.
    const history = slots(15 * 24, (m) => (m >= 900 && m < 1380 ? 600 : 100));
    const config = groupConfig({ policies: { ...groupConfig().policies, requestRate: { targetPerInstance: 100 } }, forecast: FORECAST });
    // Act
    const plan = decide(snapshot({ requests: 300, history }), config, NOW);
    // Assess: the slots of [15:00, 15:07] are the rise, 600 each, so the peak is 600 and ceil(600 / 100) = 6.
    expect(plan.desired).toBe(6);
    expect(plan.forecast).toMatchObject({ mode: 'act', active: true, trusted: true, forecast: 600, peak: 600, peakInstances: 6, floor: 6, leadMinutes: 7 });
  });

  describe('invariants (fast-check, 1,000 runs each)', () => {
    it('never lowers what the reactive policies decide, and stays within the effective bounds', () => {
      fc.assert(fc.property(casesArb, ({ inputs, history, target, requests }) => {
        const { snapshot: s, config, now } = inputs;
        if (readOverrides(s.group.tags, now).desired) return true;
        const snap = snapshotOf(s, history, requests, now);
        const reactive = decide(snap, withoutForecast(config, target), now);
        const plan = decide(snap, withForecast(config, target, 'act'), now);
        const inBounds = s.group.desired < plan.effectiveBounds.min || s.group.desired > plan.effectiveBounds.max
          || (finalDesired(plan) >= plan.effectiveBounds.min && finalDesired(plan) <= plan.effectiveBounds.max);
        return finalDesired(plan) >= finalDesired(reactive) && inBounds;
      }), RUNS);
    });

    it('in forecast-only mode changes no write: the plan asks what the reactive policies ask', () => {
      fc.assert(fc.property(casesArb, ({ inputs, history, target, requests }) => {
        const { snapshot: s, config, now } = inputs;
        const snap = snapshotOf(s, history, requests, now);
        const reactive = decide(snap, withoutForecast(config, target), now);
        const plan = decide(snap, withForecast(config, target, 'observe'), now);
        return plan.desired === reactive.desired && plan.action.kind === reactive.action.kind && plan.forecast?.active !== true;
      }), RUNS);
    });

    it('a peak, when there is one, is at least the forecast at now + lead, and peakInstances is ceil(peak / target)', () => {
      fc.assert(fc.property(casesArb, ({ inputs, history, target, requests }) => {
        const { snapshot: s, config, now } = inputs;
        const f = decide(snapshotOf(s, history, requests, now), withForecast(config, target, 'act'), now).forecast;
        if (!f || f.peak === null) return f === undefined || f.peakInstances === null;
        return (f.forecast === null || f.peak >= f.forecast - 1e-9) && f.peakInstances === Math.ceil(f.peak / target - 1e-9);
      }), RUNS);
    });
  });
});
