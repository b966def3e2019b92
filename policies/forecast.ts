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

/** History by slot index (epoch ms / 5 min): requests per minute averaged over the slot. */
export interface HistoryIndex {
  readonly values: ReadonlyMap<number, number>;
  readonly first: number;
  readonly last: number;
}

export interface Forecast {
  /** Requests per minute. */
  readonly value: number;
  readonly seasonal: number;
  readonly level: number;
}

/** Points are slot starts; a point inside a slot counts for that slot (the last one wins). */
export const indexHistory = (history: Series): HistoryIndex => {
  const values = new Map<number, number>();
  let first = Infinity;
  let last = -Infinity;
  for (const p of history) {
    if (!Number.isFinite(p.v) || p.v < 0) continue;
    const k = Math.floor(p.t / SLOT_MS);
    values.set(k, p.v);
    if (k < first) first = k;
    if (k > last) last = k;
  }
  return { values, first, last };
};

const mean = (xs: readonly number[]): number | undefined => (xs.length === 0 ? undefined : xs.reduce((a, b) => a + b, 0) / xs.length);

/** The seasonal base of slot k from slots up to `limit` (inclusive): half weekly, half daily, or whichever exists. */
export const seasonalBase = (idx: HistoryIndex, k: number, limit: number): number | undefined => {
  const lagged = (lags: readonly number[], period: number): number[] => {
    const out: number[] = [];
    for (const n of lags) {
      const j = k - n * period;
      const v = j <= limit ? idx.values.get(j) : undefined;
      if (v !== undefined) out.push(v);
    }
    return out;
  };
  const daily = mean(lagged(DAILY_LAGS, SLOTS_PER_DAY));
  const weekly = mean(lagged(WEEKLY_LAGS, SLOTS_PER_WEEK));
  if (daily !== undefined && weekly !== undefined) return 0.5 * weekly + 0.5 * daily;
  return weekly ?? daily;
};

/** How the last hour up to `limit` ran against its own seasonal base, clamped; 1 when it cannot tell. */
export const levelRatio = (idx: HistoryIndex, limit: number): number => {
  let actual = 0;
  let base = 0;
  for (let j = limit - LEVEL_SLOTS + 1; j <= limit; j += 1) {
    const a = idx.values.get(j);
    const b = a === undefined ? undefined : seasonalBase(idx, j, limit);
    if (a === undefined || b === undefined) continue;
    actual += a;
    base += b;
  }
  if (base <= 0) return 1;
  return Math.min(LEVEL_CLAMP.max, Math.max(LEVEL_CLAMP.min, actual / base));
};

/**
 * The forecast for the slot holding `at`, made at `madeAt` from complete slots only (a slot ending after madeAt
 * was not yet known). undefined when no same-slot history exists.
 */
export const forecastAt = (idx: HistoryIndex, madeAt: number, at: number): Forecast | undefined => {
  const limit = Math.floor(madeAt / SLOT_MS) - 1;
  const seasonal = seasonalBase(idx, Math.floor(at / SLOT_MS), limit);
  if (seasonal === undefined) return undefined;
  const level = levelRatio(idx, limit);
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
