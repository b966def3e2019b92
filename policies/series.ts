// Reading metric series: the latest fresh value, and the largest value over a window.
import type { Series } from './snapshot';

/** The newest datapoint not older than maxAgeMs, or undefined: stale data is no data. */
export const latest = (series: Series, now: number, maxAgeMs: number): number | undefined => {
  let best: { t: number; v: number } | undefined;
  for (const p of series) if (p.t <= now && (best === undefined || p.t > best.t)) best = p;
  return best !== undefined && now - best.t <= maxAgeMs ? best.v : undefined;
};

/** The largest value with a timestamp in (now - windowMs, now]. */
export const maxOver = (series: Series, now: number, windowMs: number): number | undefined => {
  let max: number | undefined;
  for (const p of series) if (p.t <= now && p.t > now - windowMs && (max === undefined || p.v > max)) max = p.v;
  return max;
};
