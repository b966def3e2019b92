// Reading metric series: the newest fresh value, and the largest value over a window, whatever the array order.
import type { Series } from './snapshot';

/** Values a metric can physically take; anything else is a broken source, not a measurement. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

export const inRange = (v: number, range: Range): boolean => Number.isFinite(v) && v >= range.min && v <= range.max;

export type Latest =
  | { readonly kind: 'none' }
  | { readonly kind: 'value'; readonly t: number; readonly v: number }
  | { readonly kind: 'rejected'; readonly t: number; readonly v: number };

/**
 * The newest datapoint not after now and not older than maxAgeMs (stale data is no data). Several datapoints at
 * that one timestamp count as their largest (the safe side for scale-out, and order-independent); when any of
 * them is out of range the reading is rejected, since the source that wrote it cannot be trusted this minute.
 */
export const latest = (series: Series, now: number, maxAgeMs: number, range: Range = { min: -Infinity, max: Infinity }): Latest => {
  let t: number | undefined;
  for (const p of series) if (p.t <= now && (t === undefined || p.t > t)) t = p.t;
  if (t === undefined || now - t > maxAgeMs) return { kind: 'none' };
  let best: number | undefined;
  let bad: number | undefined;
  for (const p of series) {
    if (p.t !== t) continue;
    if (!inRange(p.v, range)) bad = bad === undefined || Number.isNaN(p.v) ? p.v : Math.max(bad, p.v);
    else if (best === undefined || p.v > best) best = p.v;
  }
  return bad !== undefined ? { kind: 'rejected', t, v: bad } : { kind: 'value', t, v: best as number };
};

/** The largest in-range value with a timestamp in (now - windowMs, now]. */
export const maxOver = (series: Series, now: number, windowMs: number, range: Range = { min: -Infinity, max: Infinity }): number | undefined => {
  let max: number | undefined;
  for (const p of series) if (p.t <= now && p.t > now - windowMs && inRange(p.v, range) && (max === undefined || p.v > max)) max = p.v;
  return max;
};

/** How many datapoints in (now - windowMs, now] are out of range. */
export const countOutOfRange = (series: Series, now: number, windowMs: number, range: Range): number => {
  let n = 0;
  for (const p of series) if (p.t <= now && p.t > now - windowMs && !inRange(p.v, range)) n += 1;
  return n;
};

/** The smallest in-range value with a timestamp in [from, to] (both ends in: 60 s back from a datapoint is two datapoints). */
export const minBetween = (series: Series, from: number, to: number, range: Range = { min: -Infinity, max: Infinity }): number | undefined => {
  let min: number | undefined;
  for (const p of series) if (p.t <= to && p.t >= from && inRange(p.v, range) && (min === undefined || p.v < min)) min = p.v;
  return min;
};
