// A seasonal forecast of requests per minute at 5-minute resolution, from the group's own history (up to 14 days):
// the same slot on recent days and a week back, scaled by how the last hour compares with its own seasonal base.
import type { Series } from './snapshot';

export const SLOT_MS = 5 * 60_000;
const SLOTS_PER_DAY = 288;
const SLOTS_PER_WEEK = 7 * SLOTS_PER_DAY;
/** Same slot 1..3 days back: the recent shape of a day. */
const DAILY_LAGS = [1, 2, 3] as const;
/** Same slot 1 and 2 weeks back: the weekday (a Monday morning is not a Sunday morning). */
const WEEKLY_LAGS = [1, 2] as const;
/** The level is read over the last hour (12 slots). */
const LEVEL_SLOTS = 12;
/**
 * The level ratio is clamped: the forecast follows a day that runs 2x hotter or colder than usual, but does not
 * extrapolate a flash crowd. Flash crowds are the reactive policies' job (request rate sees them whole).
 */
export const LEVEL_CLAMP = { min: 0.5, max: 2 } as const;

/** A slot's value by slot index; a Map does, and indexHistory builds a dense array for speed. */
export interface SlotValues {
  get(k: number): number | undefined;
}

/** History by slot index (epoch ms / 5 min): requests per minute averaged over the slot. */
export interface HistoryIndex {
  readonly values: SlotValues;
  readonly first: number;
  readonly last: number;
}

export interface Forecast {
  /** Requests per minute. */
  readonly value: number;
  readonly seasonal: number;
  readonly level: number;
}

/** Slots first..last in one array (NaN: no value), read every minute thousands of times: no hashing. */
const denseValues = (first: number, dense: Float64Array): SlotValues => ({
  get: (k: number): number | undefined => {
    const v = dense[k - first];
    return v === undefined || Number.isNaN(v) ? undefined : v;
  },
});

/**
 * Points are slot starts; a point inside a slot counts for that slot (the last one wins). Points at or after
 * `before` (when given) are left out: a slot not yet complete is not history.
 */
export const indexHistory = (history: Series, before = Infinity): HistoryIndex => {
  const usable = (p: Series[number]): boolean => p.t < before && Number.isFinite(p.v) && p.v >= 0;
  let first = Infinity;
  let last = -Infinity;
  for (const p of history) {
    if (!usable(p)) continue;
    const k = Math.floor(p.t / SLOT_MS);
    if (k < first) first = k;
    if (k > last) last = k;
  }
  const dense = new Float64Array(last >= first ? last - first + 1 : 0).fill(NaN);
  for (const p of history) if (usable(p)) dense[Math.floor(p.t / SLOT_MS) - first] = p.v;
  return { values: denseValues(first, dense), first, last };
};

/** Mean of the slots `lags` periods before k that are known by `limit`; undefined when none is. A loop, not a closure
 * and arrays: the WAPE backtest calls this thousands of times a decision. */
const lagMean = (idx: HistoryIndex, k: number, limit: number, lags: readonly number[], period: number): number | undefined => {
  let sum = 0;
  let n = 0;
  for (const lag of lags) {
    const j = k - lag * period;
    const v = j <= limit ? idx.values.get(j) : undefined;
    if (v !== undefined) {
      sum += v;
      n += 1;
    }
  }
  return n === 0 ? undefined : sum / n;
};

/** The seasonal base of slot k from slots up to `limit` (inclusive): half weekly, half daily, or whichever exists. */
export const seasonalBase = (idx: HistoryIndex, k: number, limit: number): number | undefined => {
  const daily = lagMean(idx, k, limit, DAILY_LAGS, SLOTS_PER_DAY);
  const weekly = lagMean(idx, k, limit, WEEKLY_LAGS, SLOTS_PER_WEEK);
  if (daily !== undefined && weekly !== undefined) return 0.5 * weekly + 0.5 * daily;
  return weekly ?? daily;
};

/**
 * Seasonal bases of past slots, shared by the forecasts of one decision. For a slot j at or before the limit, every
 * lag (a day or more back) is known, so its base does not depend on the limit and one value per slot is exact.
 */
export type BaseCache = Map<number, number | undefined>;

const pastBase = (idx: HistoryIndex, j: number, cache: BaseCache | undefined): number | undefined => {
  if (!cache) return seasonalBase(idx, j, j);
  if (cache.has(j)) return cache.get(j);
  const b = seasonalBase(idx, j, j);
  cache.set(j, b);
  return b;
};

/** How the last hour up to `limit` ran against its own seasonal base, clamped; 1 when it cannot tell. */
export const levelRatio = (idx: HistoryIndex, limit: number, cache?: BaseCache): number => {
  let actual = 0;
  let base = 0;
  for (let j = limit - LEVEL_SLOTS + 1; j <= limit; j += 1) {
    const a = idx.values.get(j);
    const b = a === undefined ? undefined : pastBase(idx, j, cache);
    if (a === undefined || b === undefined) continue;
    actual += a;
    base += b;
  }
  if (base <= 0) return 1;
  return Math.min(LEVEL_CLAMP.max, Math.max(LEVEL_CLAMP.min, actual / base));
};

/**
 * The forecast for the slot holding `at`, made at `madeAt` from complete slots only (a slot ending after madeAt
 * was not yet known). undefined when no same-slot history exists. `cache` shares past slots' bases between the
 * forecasts of one decision (the accuracy backtest).
 */
export const forecastAt = (idx: HistoryIndex, madeAt: number, at: number, cache?: BaseCache): Forecast | undefined => {
  const limit = Math.floor(madeAt / SLOT_MS) - 1;
  const seasonal = seasonalBase(idx, Math.floor(at / SLOT_MS), limit);
  if (seasonal === undefined) return undefined;
  const level = levelRatio(idx, limit, cache);
  return { value: seasonal * level, seasonal, level };
};

/** The largest forecast over the slots of [from, to], made at madeAt; undefined when no slot can be forecast. */
export const forecastPeak = (idx: HistoryIndex, madeAt: number, from: number, to: number): number | undefined => {
  let peak: number | undefined;
  for (let k = Math.floor(from / SLOT_MS); k <= Math.floor(to / SLOT_MS); k += 1) {
    const f = forecastAt(idx, madeAt, k * SLOT_MS);
    if (f !== undefined && (peak === undefined || f.value > peak)) peak = f.value;
  }
  return peak;
};

/**
 * indexHistory(history, now), built once per history and slot when every point is before the slot's start (the
 * shell reads published slots only): then the filter by `now` keeps every point for every minute of the slot, and
 * the index is the same. Otherwise it is built afresh. Keyed by the (immutable) history array; dies with it.
 */
const indexes = new WeakMap<Series, { readonly slot: number; readonly idx: HistoryIndex }>();

export const slotIndex = (history: Series, now: number): HistoryIndex => {
  const slot = Math.floor(now / SLOT_MS);
  const hit = indexes.get(history);
  if (hit && hit.slot === slot) return hit.idx;
  const idx = indexHistory(history, now);
  let latest = -Infinity;
  for (const p of history) if (p.t > latest) latest = p.t;
  if (latest < slot * SLOT_MS) indexes.set(history, { slot, idx });
  return idx;
};

/** Hours covered by the history, first slot to last. */
export const historyHours = (idx: HistoryIndex): number => (idx.last < idx.first ? 0 : ((idx.last - idx.first + 1) * SLOT_MS) / 3_600_000);
