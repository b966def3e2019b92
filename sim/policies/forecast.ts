// The hourly load forecast behind the predictive scaling baseline. AWS does not publish its model; it documents
// the inputs and outputs (User Guide, "How predictive scaling works"): at least 24 hours of the load metric, up to
// the past 14 days, an hourly forecast for the next 48 hours. This stand-in is a seasonal mean: each future hour
// gets the mean load of the same hour of day over the days of history available (at most 14).
export interface HourlyLoad {
  /** Epoch ms of the hour's start (UTC). */
  readonly hour: number;
  readonly load: number;
}

export const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const MIN_HISTORY_MS = DAY_MS;
export const MAX_HISTORY_MS = 14 * DAY_MS;
export const HORIZON_HOURS = 48;

export const hourOf = (t: number): number => Math.floor(t / HOUR_MS) * HOUR_MS;

/**
 * The forecast issued at `issuedAt` from complete hours before it; empty when the history spans less than 24 h.
 * Hours older than 14 days before `issuedAt` are ignored.
 */
export const forecastHours = (history: readonly HourlyLoad[], issuedAt: number, horizonHours = HORIZON_HOURS): HourlyLoad[] => {
  const usable = history.filter((h) => h.hour + HOUR_MS <= issuedAt && h.hour >= issuedAt - MAX_HISTORY_MS);
  if (usable.length === 0) return [];
  const first = Math.min(...usable.map((h) => h.hour));
  if (issuedAt - first < MIN_HISTORY_MS) return [];
  const byHourOfDay = new Map<number, { sum: number; n: number }>();
  for (const h of usable) {
    const k = (h.hour % DAY_MS) / HOUR_MS;
    const acc = byHourOfDay.get(k) ?? { sum: 0, n: 0 };
    acc.sum += h.load;
    acc.n += 1;
    byHourOfDay.set(k, acc);
  }
  const start = hourOf(issuedAt);
  const out: HourlyLoad[] = [];
  for (let k = 0; k < horizonHours; k += 1) {
    const hour = start + k * HOUR_MS;
    const acc = byHourOfDay.get((hour % DAY_MS) / HOUR_MS);
    out.push({ hour, load: acc ? acc.sum / acc.n : 0 });
  }
  return out;
};
