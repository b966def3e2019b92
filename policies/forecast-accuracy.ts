// How good the forecast has been on this group: each recent slot forecast from what was known a lead time before it,
// compared with what happened. WAPE = sum |actual - forecast| / sum actual, the error in units of the load itself.
import { forecastAt, SLOT_MS, type BaseCache, type HistoryIndex } from './forecast';

export interface Accuracy {
  /** null when no slot could be evaluated. */
  readonly wape: number | null;
  /** Slots compared. */
  readonly evaluated: number;
}

/** WAPE over pairs. All-zero actuals: 0 if the forecast was zero too, otherwise unbounded. */
export const wape = (pairs: readonly { readonly actual: number; readonly forecast: number }[]): number | null => {
  if (pairs.length === 0) return null;
  let error = 0;
  let total = 0;
  for (const p of pairs) {
    error += Math.abs(p.actual - p.forecast);
    total += Math.abs(p.actual);
  }
  if (total === 0) return error === 0 ? 0 : Infinity;
  return error / total;
};

/**
 * Backtests the last `points` complete slots before `now` with the same lead time the live forecast uses, so the
 * measured error is the error of the decision the forecast would have made. Slots without history are skipped.
 */
export const measureAccuracy = (idx: HistoryIndex, now: number, leadMs: number, points: number): Accuracy => {
  const lastComplete = Math.floor(now / SLOT_MS) - 1;
  const pairs: { actual: number; forecast: number }[] = [];
  const cache: BaseCache = new Map();
  for (let k = lastComplete; k > lastComplete - points && k >= idx.first; k -= 1) {
    const actual = idx.values.get(k);
    if (actual === undefined) continue;
    const f = forecastAt(idx, k * SLOT_MS - leadMs, k * SLOT_MS, cache);
    if (f !== undefined) pairs.push({ actual, forecast: f.value });
  }
  return { wape: wape(pairs), evaluated: pairs.length };
};
