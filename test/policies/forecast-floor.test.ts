import fc from 'fast-check';
import { SLOT_MS } from '../../policies/forecast';
import { applyForecastFloor, decideForecast, type ForecastDecision, type ForecastPolicy } from '../../policies/forecast-floor';
import type { Series } from '../../policies/snapshot';

const RUNS = { numRuns: 1000 };
const policy: ForecastPolicy = {
  mode: 'act', targetPerInstance: 100, leadMinutes: 7, minHistoryHours: 24, evaluationPoints: 288, minEvaluationPoints: 36, maxWape: 0.25,
};

/** Every day 600 req/min from 09:00 to 18:00 UTC and 100 otherwise, for `hours` before `end`. */
const businessHours = (end: number, hours: number): Series => {
  const out: { t: number; v: number }[] = [];
  for (let t = end - hours * 3_600_000; t < end; t += SLOT_MS) {
    const minute = (t / 60_000) % 1440;
    out.push({ t, v: minute >= 540 && minute < 1080 ? 600 : 100 });
  }
  return out;
};

describe('forecast floor', () => {
  const beforeTheRise = Date.UTC(2025, 5, 16, 8, 55); // Monday 08:55 UTC; the rise is at 09:00

  it('raises capacity ahead of a predicted rise: at 08:55 the 09:02 slot forecasts 600 -> floor ceil(600 / 100) = 6', () => {
    // Prepare
    const history = businessHours(beforeTheRise, 15 * 24);
    // Act
    const decision = decideForecast(history, policy, beforeTheRise);
    const applied = applyForecastFloor(1, decision);
    // Assess: the reactive policies see 100 req/min and want 1; the history repeats, so the backtest is exact.
    expect(decision).toMatchObject({ active: true, floor: 6, forecast: 600, actual: 100, wape: 0, evaluated: 288 });
    expect(applied.target).toBe(6);
    expect(applied.reasons.map((r) => r.code)).toEqual(['FORECAST_FLOOR']);
    expect(applied.reasons[0]!.data).toMatchObject({ target: 1, floor: 6, forecast: 600, wape: 0 });
  });

  it('is never a reason to scale in: at 12:00 the floor 6 leaves a reactive 8 alone (FORECAST_NO_RAISE)', () => {
    const noon = Date.UTC(2025, 5, 16, 12, 0);
    const applied = applyForecastFloor(8, decideForecast(businessHours(noon, 15 * 24), policy, noon));
    expect(applied).toEqual({ target: 8, reasons: [expect.objectContaining({ code: 'FORECAST_NO_RAISE', data: expect.objectContaining({ floor: 6 }) })] });
  });

  it('in forecast-only mode logs forecast, actual and WAPE and changes nothing', () => {
    // Act
    const decision = decideForecast(businessHours(beforeTheRise, 15 * 24), { ...policy, mode: 'observe' }, beforeTheRise);
    const applied = applyForecastFloor(1, decision);
    // Assess
    expect(decision.active).toBe(false);
    expect(applied.target).toBe(1);
    expect(applied.reasons).toEqual([expect.objectContaining({
      code: 'FORECAST_ONLY', data: expect.objectContaining({ mode: 'observe', forecast: 600, floor: 6, actual: 100, forecastOfActual: 100, wape: 0, evaluated: 288 }),
    })]);
  });

  it('turns itself off with 20 h of history (needs 24 h)', () => {
    const decision = decideForecast(businessHours(beforeTheRise, 20), policy, beforeTheRise);
    expect(decision.active).toBe(false);
    expect(decision.reasons.map((r) => r.code)).toEqual(['FORECAST_OFF_SHORT_HISTORY']);
    expect(applyForecastFloor(2, decision).target).toBe(2);
  });

  it('turns itself off with 25 h of history but only 12 slots it could have forecast (needs 36 to measure)', () => {
    // 25 h: a slot has its yesterday only in the last hour, so 12 slots can be backtested.
    const decision = decideForecast(businessHours(beforeTheRise, 25), policy, beforeTheRise);
    expect(decision).toMatchObject({ active: false, evaluated: 12, reasons: [{ code: 'FORECAST_OFF_SHORT_HISTORY' }] });
  });

  it('turns itself off when its measured error is poor: history with no seasonality at all', () => {
    // Prepare: pseudo-random load in [0, 1000) with no daily or weekly shape.
    let s = 42;
    const noise = businessHours(beforeTheRise, 15 * 24).map((p) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return { t: p.t, v: s % 1000 }; });
    // Act
    const decision = decideForecast(noise, policy, beforeTheRise);
    // Assess
    expect(decision.active).toBe(false);
    expect(decision.wape!).toBeGreaterThan(0.25);
    expect(decision.reasons.map((r) => r.code)).toEqual(['FORECAST_OFF_INACCURATE']);
  });

  it('ignores history stamped at or after now (a clock skew must not leak the future in)', () => {
    const history = [...businessHours(beforeTheRise, 15 * 24), { t: beforeTheRise + 60_000, v: 99_999 }];
    expect(decideForecast(history, policy, beforeTheRise)).toMatchObject({ active: true, floor: 6 });
  });

  it('never lowers the target, whatever the decision (fast-check, 1,000 runs)', () => {
    const decisionArb = fc.record({
      active: fc.boolean(), floor: fc.option(fc.integer({ min: 0, max: 1000 })), forecast: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true })),
      actual: fc.constant(null), forecastOfActual: fc.constant(null), wape: fc.option(fc.double({ min: 0, max: 5, noNaN: true })),
      evaluated: fc.nat(288), reasons: fc.constant([]), peak: fc.constant(null), trusted: fc.boolean(),
    });
    fc.assert(fc.property(decisionArb, fc.integer({ min: 0, max: 1000 }), (d, target) => {
      const applied = applyForecastFloor(target, d as ForecastDecision);
      return applied.target >= target && (applied.target === target || (d.active && applied.target === d.floor));
    }), RUNS);
  });
});
