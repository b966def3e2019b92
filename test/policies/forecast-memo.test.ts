// The forecast's memo (forecastMemo) gives exactly what the plain functions give (indexHistory, measureAccuracy,
// forecastAt, forecastPeak) for any history at any minute, however the history came about: built afresh, slid on from
// the previous one as the shell slides it, edited, or unrelated; and only reuses work whose inputs did not change.
import fc from 'fast-check';
import { forecastAt, forecastPeak, indexHistory, SLOT_MS, type HistoryIndex } from '../../policies/forecast';
import { measureAccuracy } from '../../policies/forecast-accuracy';
import { declareSlid, forecastMemo } from '../../policies/forecast-memo';
import type { DataPoint, Series } from '../../policies/snapshot';

const SLOT0 = 5_900_000; // a slot index in 2026

/** `days` of published slots ending at the start of slot `end`, valued by a seeded pattern. */
const published = (end: number, days: number, seed: number): Series =>
  Array.from({ length: days * 288 }, (_, i) => ({ t: (end - days * 288 + i) * SLOT_MS, v: 100 + ((i * 37 + seed) % 400) }));

const same = (a: HistoryIndex, b: HistoryIndex): boolean => {
  if (a.first !== b.first || a.last !== b.last) return false;
  for (let k = a.first; k <= a.last; k += 1) if (!Object.is(a.values.get(k), b.values.get(k))) return false;
  return true;
};

/** Every answer of the memo against the plain function's, at `now` with a lead and a backtest window. */
const agrees = (h: Series, now: number, leadMs: number, points: number): boolean => {
  const memo = forecastMemo(h, now);
  const idx = indexHistory(h, now);
  const lastK = Math.min(Math.floor(now / SLOT_MS) - 1, Number.isFinite(idx.last) ? idx.last : -1);
  return same(memo.idx, idx)
    && JSON.stringify(memo.accuracy(now, leadMs, points)) === JSON.stringify(measureAccuracy(idx, now, leadMs, points))
    && JSON.stringify(memo.forecastAt(now, now + leadMs)) === JSON.stringify(forecastAt(idx, now, now + leadMs))
    && JSON.stringify(memo.forecastAt(lastK * SLOT_MS - leadMs, lastK * SLOT_MS)) === JSON.stringify(forecastAt(idx, lastK * SLOT_MS - leadMs, lastK * SLOT_MS))
    && memo.peak(now, now, now + leadMs) === forecastPeak(idx, now, now, now + leadMs);
};

/** A value as the forecast may meet it: mostly ordinary, sometimes zero, repeated, or unusable (dropped by the index). */
const valueArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 2_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 500, -1, Number.NaN, Infinity) },
);

/** What happens between two histories of a line. */
const stepArb = fc.record({
  drop: fc.integer({ min: 0, max: 3 }),
  // Appended points: slots ahead of the last (gaps allowed), back inside the window (a late or duplicate point), or
  // into the oldest points' slots (so a later drop leaves a slot a kept point wrote last).
  append: fc.array(fc.record({
    ahead: fc.oneof(fc.integer({ min: -300, max: 3 }), fc.constantFrom('oldest' as const, 'second' as const)), minute: fc.integer({ min: 0, max: 4 }), v: valueArb,
  }), { maxLength: 3 }),
  // Replace one kept point by a new object (an edited value) at this position (as a fraction), or not.
  edit: fc.option(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), v: valueArb })),
  // A fresh, unrelated history instead.
  fresh: fc.boolean(),
  // The history's maker declares it slid on (when it is: not fresh, not edited), as the simulator's does.
  declare: fc.boolean(),
  // Minutes after the last slot's start at which the history is asked (0-1: a point may be in now's future).
  minutes: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 2 }),
});

/** A history over `span` slots ending at SLOT0 - 1, a point in each slot with probability `density`, values by seed. */
const historyOf = (span: number, density: number, seed: number): DataPoint[] => {
  let s = seed >>> 0;
  const next = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out: DataPoint[] = [];
  for (let k = SLOT0 - span; k < SLOT0; k += 1) {
    if (next() >= density) continue;
    const r = next();
    out.push({ t: k * SLOT_MS, v: r < 0.05 ? 0 : r < 0.07 ? Number.NaN : Math.floor(r * 1_000) });
  }
  return out;
};

const lastSlot = (h: readonly DataPoint[]): number => h.reduce((m, p) => (Number.isFinite(p.t) && p.t > m ? p.t : m), (SLOT0 - 1) * SLOT_MS) / SLOT_MS;

describe('forecast memo', () => {
  it('answers every minute of a slot from one index built once for the history (same object), equal to indexHistory', () => {
    // Prepare: 3 days of published slots, up to the start of slot SLOT0
    const h = published(SLOT0, 3, 1);
    const minutes = [0, 1, 2, 3, 4, 5, 6].map((m) => SLOT0 * SLOT_MS + m * 60_000);
    // Act
    const got = minutes.map((now) => forecastMemo(h, now).idx);
    // Assess
    for (const [i, now] of minutes.entries()) expect(same(got[i]!, indexHistory(h, now))).toBe(true);
    expect(new Set(got).size).toBe(1);
  });

  it('indexes afresh each minute when the history holds a point inside now\'s slot (the filter by now matters)', () => {
    // Prepare: a point at 2 minutes into slot SLOT0
    const h: Series = [...published(SLOT0, 1, 2), { t: SLOT0 * SLOT_MS + 120_000, v: 999 }];
    // Act
    const early = forecastMemo(h, SLOT0 * SLOT_MS + 60_000);
    const late = forecastMemo(h, SLOT0 * SLOT_MS + 180_000);
    // Assess: at minute 1 the point is in the future and left out; at minute 3 it is in
    expect(early.idx.values.get(SLOT0)).toBeUndefined();
    expect(late.idx.values.get(SLOT0)).toBe(999);
  });

  it('equals the plain functions along a line of histories slid, edited, or replaced, at any minute, lead and window (fast-check)', () => {
    fc.assert(fc.property(
      // Up to 15.6 days (every lag), at most ~1,000 points: a long span is sparse, so a run stays cheap.
      fc.integer({ min: 1, max: 4_500 }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.integer(), fc.array(stepArb, { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 300 }),
      (span, density, seed, steps, leadMin, points) => {
        // Prepare: a first history; then each step makes the next one from it
        const d = Math.min(density, 1_000 / span);
        let h = historyOf(span, d, seed);
        for (const step of steps) {
          if (step.fresh) h = historyOf(span, d, seed + 1);
          else {
            const prev = h;
            const end = lastSlot(h) + 1;
            h = h.slice(Math.min(step.drop, h.length));
            if (step.edit && h.length > 0) {
              const i = Math.min(h.length - 1, Math.floor(step.edit.at * h.length));
              h = [...h.slice(0, i), { t: h[i]!.t, v: step.edit.v }, ...h.slice(i + 1)];
            }
            const slotOf = (a: (typeof step.append)[number]): number => {
              if (typeof a.ahead === 'number') return end + a.ahead;
              const p = h[a.ahead === 'oldest' ? 0 : 1] ?? h[0];
              return p ? Math.floor(p.t / SLOT_MS) : end;
            };
            h = [...h, ...step.append.map((a) => ({ t: slotOf(a) * SLOT_MS + a.minute * 60_000, v: a.v }))];
            if (step.declare && !step.edit) declareSlid(h, prev);
          }
          // Act and Assess: the memo of this history, asked at each minute, against the plain functions
          const top = lastSlot(h);
          for (const m of step.minutes) if (!agrees(h, (top + 1) * SLOT_MS + (m - 1) * 60_000, leadMin * 60_000, points)) return false;
        }
        return true;
      }), { numRuns: 1000 });
  });

  it('answers right when asked again after a newer history took over its work (the old one is worked out afresh)', () => {
    // Prepare: a memo, then the history slid on by one slot (which takes over the first memo's arrays)
    const h = published(SLOT0, 3, 3);
    const now = SLOT0 * SLOT_MS + 60_000;
    const old = forecastMemo(h, now);
    old.accuracy(now, 7 * 60_000, 288);
    const next: Series = [...h.slice(1), { t: SLOT0 * SLOT_MS, v: 4_000 }];
    forecastMemo(next, now + SLOT_MS).accuracy(now + SLOT_MS, 7 * 60_000, 288);
    // Act
    const again = old.accuracy(now - SLOT_MS, 7 * 60_000, 288);
    // Assess
    expect(again).toEqual(measureAccuracy(indexHistory(h, now), now - SLOT_MS, 7 * 60_000, 288));
    expect(agrees(h, now, 7 * 60_000, 288)).toBe(true);
  });
});
