// The per-slot memos of the forecast (slotIndex, slotAccuracy) give exactly what the plain functions give, and only
// reuse a result where the inputs cannot have changed: the same history array, the same 5-minute slot.
import fc from 'fast-check';
import { indexHistory, slotIndex, SLOT_MS } from '../../policies/forecast';
import { measureAccuracy, slotAccuracy } from '../../policies/forecast-accuracy';
import type { Series } from '../../policies/snapshot';

const SLOT0 = 5_900_000; // a slot index in 2026

/** `days` of published slots ending at the start of slot `end`, valued by a seeded pattern. */
const published = (end: number, days: number, seed: number): Series =>
  Array.from({ length: days * 288 }, (_, i) => ({ t: (end - days * 288 + i) * SLOT_MS, v: 100 + ((i * 37 + seed) % 400) }));

const same = (a: ReturnType<typeof indexHistory>, b: ReturnType<typeof indexHistory>, from: number, to: number): boolean => {
  if (a.first !== b.first || a.last !== b.last) return false;
  for (let k = from; k <= to; k += 1) if (a.values.get(k) !== b.values.get(k)) return false;
  return true;
};

describe('forecast memos', () => {
  it('slotIndex equals indexHistory at every minute of a slot, and is built once for it (same object)', () => {
    // Prepare: 3 days of published slots, up to the start of slot SLOT0
    const h = published(SLOT0, 3, 1);
    const minutes = [0, 1, 2, 3, 4].map((m) => SLOT0 * SLOT_MS + m * 60_000);
    // Act
    const got = minutes.map((now) => slotIndex(h, now));
    // Assess
    for (const [i, now] of minutes.entries()) expect(same(got[i]!, indexHistory(h, now), SLOT0 - 3 * 288, SLOT0)).toBe(true);
    expect(new Set(got).size).toBe(1);
  });

  it('rebuilds the index each minute when the history holds a point inside now\'s slot (the filter by now matters)', () => {
    // Prepare: a point at 2 minutes into slot SLOT0
    const h: Series = [...published(SLOT0, 1, 2), { t: SLOT0 * SLOT_MS + 120_000, v: 999 }];
    // Act
    const early = slotIndex(h, SLOT0 * SLOT_MS + 60_000);
    const late = slotIndex(h, SLOT0 * SLOT_MS + 180_000);
    // Assess: at minute 1 the point is in the future and left out; at minute 3 it is in
    expect(early.values.get(SLOT0)).toBeUndefined();
    expect(late.values.get(SLOT0)).toBe(999);
  });

  it('slotAccuracy equals measureAccuracy for any minute, lead and window, and a new history is never served an old answer', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 50 }),
      (minute, leadMin, points, seed) => {
        const h = published(SLOT0, 3, seed);
        const now = SLOT0 * SLOT_MS + minute * 60_000;
        const idx = indexHistory(h, now);
        const first = slotAccuracy(h, idx, now, leadMin * 60_000, points);
        const other = published(SLOT0, 3, seed + 1);
        return JSON.stringify(first) === JSON.stringify(measureAccuracy(idx, now, leadMin * 60_000, points))
          && JSON.stringify(slotAccuracy(other, indexHistory(other, now), now, leadMin * 60_000, points))
            === JSON.stringify(measureAccuracy(indexHistory(other, now), now, leadMin * 60_000, points));
      }), { numRuns: 1000 });
  });
});
