// The simulator's answer to the forecast's history read: RequestCount per 5-minute slot from the metric store,
// complete published slots only, up to 14 days, built incrementally (each slot once) so a run stays linear.
import { declareSlid } from '../policies/forecast-memo';
import type { DataPoint, Series } from '../policies/snapshot';
import type { MetricStore } from './metric-store';

const SLOT_MS = 300_000;
/** As aws/request-history.ts: a slot is read once its last minute can have been published. */
const PUBLISH_MARGIN_MS = 180_000;

export interface RequestHistory {
  /** What the controller's history read returns at `now` for `days` days. */
  readonly at: (now: number, days: number) => Series;
}

export const createRequestHistory = (store: MetricStore): RequestHistory => {
  const slots: DataPoint[] = [];
  let view: { end: number; days: number; series: Series; from: number } | undefined;
  /** The first slot of the last view: windows only move on, so the next one starts here or later. */
  let from0 = 0;
  return {
    at: (now, days) => {
      const end = Math.floor((now - PUBLISH_MARGIN_MS) / SLOT_MS) * SLOT_MS;
      if (view && view.end === end && view.days === days) return view.series;
      const from = slots.length > 0 ? slots[slots.length - 1]!.t + SLOT_MS : end - 12 * SLOT_MS;
      if (from < end) {
        // Only the slots not yet built: the store answers a short look-back cheaply.
        const points = store.visible('requests', now, now - from + 1);
        for (let s = from; s < end; s += SLOT_MS) {
          let sum = 0;
          let n = 0;
          for (const p of points) if (p.t >= s && p.t < s + SLOT_MS) { sum += p.v; n += 1; }
          // A slot with no datapoint at all is a slot before the trace began: left out, as CloudWatch has nothing.
          if (n > 0) slots.push({ t: s, v: sum / 5 });
        }
      }
      const start = end - days * 86_400_000;
      // Slots are in time order: the window's first is found by stepping on from the last one's (a slot or two), not
      // by reading back through 14 days of points each slot.
      let k = from0 > 0 && slots[from0 - 1]!.t >= start ? 0 : from0;
      while (k < slots.length && slots[k]!.t < start) k += 1;
      from0 = k;
      const series = slots.slice(k);
      // Both slices of one append-only array, the new one starting no earlier: the old one slid on, said to the memo.
      if (view && k >= view.from) declareSlid(series, view.series);
      view = { end, days, series, from: k };
      return series;
    },
  };
};
