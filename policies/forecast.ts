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
export const LEVEL_SLOTS = 12;
/** Every lag a seasonal base reads, in slots: what forecast-memo.ts must know to tell which bases a change touches. */
export const LAG_SLOTS: readonly number[] = [...DAILY_LAGS.map((l) => l * SLOTS_PER_DAY), ...WEEKLY_LAGS.map((l) => l * SLOTS_PER_WEEK)];
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
export const denseValues = (first: number, dense: Float64Array): SlotValues => ({
  get: (k: number): number | undefined => {
    const v = dense[k - first];
    return v === undefined || Number.isNaN(v) ? undefined : v;
  },
});

/** An index with its dense array (slot first + i at i, NaN: no value) and the latest usable point's time. */
export interface DenseIndex {
  readonly idx: HistoryIndex;
  readonly dense: Float64Array;
  /** At least the latest time of a point the index holds (-Infinity: none): the index is the same for any `before` above it. */
  readonly latest: number;
  /** By slot as dense: the position in the history of the point whose value it holds (the last one wins). */
  readonly writer: Float64Array;
}

/** indexHistory with its dense array: two plain loops over the points, no closure per point. */
export const denseIndex = (history: Series, before = Infinity): DenseIndex => {
  let first = Infinity;
  let last = -Infinity;
  let latest = -Infinity;
  const points = history.length;
  for (let i = 0; i < points; i += 1) {
    const p = history[i]!;
    const t = p.t;
    const v = p.v;
    if (!(t < before) || !Number.isFinite(v) || !(v >= 0)) continue;
    const k = Math.floor(t / SLOT_MS);
    if (k < first) first = k;
    if (k > last) last = k;
    if (t > latest) latest = t;
  }
  const n = last >= first ? last - first + 1 : 0;
  const dense = new Float64Array(n).fill(NaN);
  const writer = new Float64Array(n).fill(NaN);
  for (let i = 0; i < points; i += 1) {
    const p = history[i]!;
    const t = p.t;
    const v = p.v;
    if (!(t < before) || !Number.isFinite(v) || !(v >= 0)) continue;
    const j = Math.floor(t / SLOT_MS) - first;
    dense[j] = v;
    writer[j] = i;
  }
  return { idx: { values: denseValues(first, dense), first, last }, dense, latest, writer };
};

/**
 * Points are slot starts; a point inside a slot counts for that slot (the last one wins). Points at or after
 * `before` (when given) are left out: a slot not yet complete is not history.
 */
export const indexHistory = (history: Series, before = Infinity): HistoryIndex => denseIndex(history, before).idx;

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
export interface BaseCache {
  has(j: number): boolean;
  get(j: number): number | undefined;
  set(j: number, base: number | undefined): unknown;
}

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

/** Hours covered by the history, first slot to last. */
export const historyHours = (idx: HistoryIndex): number => (idx.last < idx.first ? 0 : ((idx.last - idx.first + 1) * SLOT_MS) / 3_600_000);
