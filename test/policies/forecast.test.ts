import fc from 'fast-check';
import { forecastAt, forecastPeak, indexHistory, levelRatio, seasonalBase, SLOT_MS, type HistoryIndex } from '../../policies/forecast';
import { measureAccuracy, wape } from '../../policies/forecast-accuracy';
import type { Series } from '../../policies/snapshot';

const RUNS = { numRuns: 1000 };
const DAY = 288; // slots
const WEEK = 7 * DAY;
const K = 100_000; // an arbitrary slot index for hand-built indexes

const indexOf = (entries: [number, number][]): HistoryIndex => ({
  values: new Map(entries), first: Math.min(...entries.map(([k]) => k)), last: Math.max(...entries.map(([k]) => k)),
});

/** 15 days of slots ending just before `end` (a slot boundary), valued by slot index. */
const history = (end: number, days: number, value: (k: number) => number): Series => {
  const last = end / SLOT_MS - 1;
  const out: { t: number; v: number }[] = [];
  for (let k = last - days * DAY + 1; k <= last; k += 1) out.push({ t: k * SLOT_MS, v: value(k) });
  return out;
};

describe('seasonal forecast', () => {
  describe('seasonal base', () => {
    const lags: [number, number][] = [[K - DAY, 100], [K - 2 * DAY, 120], [K - 3 * DAY, 140], [K - WEEK, 200]];

    it('blends half the weekly lags and half the daily lags: 0.5 * 200 + 0.5 * mean(100, 120, 140) = 160', () => {
      expect(seasonalBase(indexOf(lags), K, K - 1)).toBeCloseTo(160, 9);
    });

    it('uses only what was known by the limit: without yesterday, 0.5 * 200 + 0.5 * mean(120, 140) = 165', () => {
      expect(seasonalBase(indexOf(lags), K, K - DAY - 1)).toBeCloseTo(165, 9);
    });

    it('falls back to whichever seasonality exists: daily only 120, weekly only 200, none undefined', () => {
      expect(seasonalBase(indexOf(lags.slice(0, 3)), K, K - 1)).toBeCloseTo(120, 9);
      expect(seasonalBase(indexOf([[K - WEEK, 200], [K - 2 * WEEK, 100]]), K, K - 1)).toBeCloseTo(150, 9);
      expect(seasonalBase(indexOf([[K - 5, 200]]), K, K - 1)).toBeUndefined();
    });
  });

  describe('level ratio over the last hour', () => {
    // Flat 100 for 15 days, then the last 12 slots (one hour) at `recent`: each slot's base is 100.
    const flatThen = (recent: number): HistoryIndex => {
      const entries: [number, number][] = [];
      for (let k = K - 15 * DAY; k < K; k += 1) entries.push([k, k >= K - 12 ? recent : 100]);
      return indexOf(entries);
    };

    it.each([
      [150, 1.5], // 12 * 150 / (12 * 100)
      [100, 1],
      [1000, 2], // 10x is clamped to 2x: a flash crowd is not extrapolated
      [10, 0.5], // clamped below too
    ])('the last hour at %i against a base of 100 gives %f', (recent, ratio) => {
      expect(levelRatio(flatThen(recent), K - 1)).toBeCloseTo(ratio, 9);
    });

    it('is 1 when there is no history to compare with', () => {
      expect(levelRatio(indexOf([[K - 1, 50]]), K - 1)).toBe(1);
    });
  });

  it('forecasts base * level: flat 100 with the target slot lags giving 160, last hour on its base -> 160', () => {
    // Prepare
    const entries: [number, number][] = [];
    const special = new Map([[K - 2 * DAY, 120], [K - 3 * DAY, 140], [K - WEEK, 200], [K - 2 * WEEK, 200]]);
    for (let k = K - 15 * DAY; k < K - 1; k += 1) entries.push([k, special.get(k) ?? 100]);
    // Act: made at the start of slot K - 1, for slot K
    const f = forecastAt(indexOf(entries), (K - 1) * SLOT_MS, K * SLOT_MS + 60_000);
    // Assess: weekly mean(200, 200) = 200, daily mean(100, 120, 140) = 120 -> 160; level 1
    expect(f).toEqual({ value: expect.closeTo(160, 9), seasonal: expect.closeTo(160, 9), level: 1 });
  });

  it('the peak over a horizon is the largest slot forecast: business hours 600 from 09:00, else 100', () => {
    // Prepare: a Monday 08:30 UTC; every day 600 req/min from 09:00 to 18:00 and 100 otherwise
    const now = Date.UTC(2025, 5, 16, 8, 30);
    const busy = (k: number) => { const m = ((k * 5) % 1440); return m >= 540 && m < 1080 ? 600 : 100; };
    const idx = indexHistory(history(now, 15, busy));
    // Act / Assess: 08:30..08:55 stays 100; 08:30..09:10 reaches 600
    expect(forecastPeak(idx, now, now, now + 25 * 60_000)).toBeCloseTo(100, 9);
    expect(forecastPeak(idx, now, now, now + 40 * 60_000)).toBeCloseTo(600, 9);
  });
});

describe('forecast accuracy', () => {
  it('WAPE is sum |error| / sum actual: (10 + 20 + 10) / (100 + 200 + 0) = 0.1333', () => {
    expect(wape([{ actual: 100, forecast: 90 }, { actual: 200, forecast: 220 }, { actual: 0, forecast: 10 }])).toBeCloseTo(40 / 300, 9);
  });

  it('WAPE of nothing is unknown; of all-zero actuals, 0 when the forecast was zero too and unbounded otherwise', () => {
    expect(wape([])).toBeNull();
    expect(wape([{ actual: 0, forecast: 0 }])).toBe(0);
    expect(wape([{ actual: 0, forecast: 5 }])).toBe(Infinity);
  });

  it('measures zero error on a history that repeats exactly every day, over the last 288 slots', () => {
    const now = Date.UTC(2025, 5, 16, 8, 30);
    const idx = indexHistory(history(now, 10, (k) => 100 + (k % DAY)));
    expect(measureAccuracy(idx, now, 7 * 60_000, 288)).toEqual({ wape: 0, evaluated: 288 });
  });

  it('charges the hour the level takes to catch up when the last day ran at twice the usual: WAPE 850 / 57,600', () => {
    // Prepare: 100 in every slot, except the last day (288 slots) at 200.
    const now = Date.UTC(2025, 5, 16, 0, 0);
    const idx = indexHistory(history(now, 15, (k) => (k >= now / SLOT_MS - DAY ? 200 : 100)));
    // Act: each slot of the last day forecast 10 minutes ahead, i.e. from slots up to k - 3.
    const acc = measureAccuracy(idx, now, 10 * 60_000, 288);
    // Assess, by hand: slot i of the day has base 100 (all its lags are older) and a level window k-14..k-3 holding
    // n = clamp(i - 2, 0, 12) slots at 200, so level 1 + n / 12 and error 100 * (12 - n) / 12.
    // i = 0, 1, 2: 100 each; i = 3..13: n = 1..11, errors sum (100 / 12) * 66 = 550; i >= 14: exact.
    // Sum of errors 850 over actuals 288 * 200 = 57,600.
    expect(acc.evaluated).toBe(288);
    expect(acc.wape!).toBeCloseTo(850 / 57_600, 9);
  });
});

describe('forecast invariants (fast-check, 1,000 runs each)', () => {
  const NOW = Date.UTC(2025, 5, 16, 12, 0);
  // 8 days of pseudo-random history from a seed: cheap to build, and anything at all may happen in it.
  const randomHistory = (seed: number, days: number): Series => {
    let s = seed >>> 0;
    return history(NOW, days, () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % 1000; });
  };

  it('never looks ahead: changing the data at or after madeAt does not change the forecast', () => {
    fc.assert(fc.property(fc.integer(), fc.integer({ min: 1, max: 287 }), fc.integer({ min: 1, max: 120 }), (seed, back, leadMin) => {
      const h = randomHistory(seed, 8);
      const madeAt = NOW - back * SLOT_MS;
      const changed = h.map((p) => (p.t + SLOT_MS > madeAt ? { t: p.t, v: p.v * 3 + 7 } : p));
      const a = forecastAt(indexHistory(h), madeAt, madeAt + leadMin * 60_000);
      const b = forecastAt(indexHistory(changed), madeAt, madeAt + leadMin * 60_000);
      return a?.value === b?.value;
    }), RUNS);
  });

  it('stays within [0, 2 * the largest value seen]: a blend of history times a clamped level', () => {
    fc.assert(fc.property(fc.integer(), fc.integer({ min: 1, max: 120 }), (seed, leadMin) => {
      const h = randomHistory(seed, 8);
      const max = Math.max(...h.map((p) => p.v));
      const f = forecastAt(indexHistory(h), NOW, NOW + leadMin * 60_000);
      return f !== undefined && f.value >= 0 && f.value <= 2 * max + 1e-9;
    }), RUNS);
  });
});
