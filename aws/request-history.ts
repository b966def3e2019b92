// The forecast's history: ALB RequestCount per 5-minute slot, up to 14 days, for the groups that configure a
// forecast. GetMetricData takes one StartTime/EndTime per call, so the 14 days cannot ride in the minute's call
// (it would stretch every one-minute query to 14 days): they are one more call per observe batch, for every
// forecast group of the batch at once, and at most once per 5-minute slot per container (warm-memory cache).
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { Series } from '../policies/snapshot';
import type { TargetDims } from './metric-queries';

export const SLOT_SECONDS = 300;
const SLOT_MS = SLOT_SECONDS * 1000;
/** A slot is read once its last minute is published: CloudWatch publishes ALB metrics about 2 minutes late. */
export const PUBLISH_MARGIN_MS = 180_000;

/**
 * RequestCount Sum per 300 s for each target group (CloudWatch User Guide for ELB, "CloudWatch metrics for your
 * Application Load Balancer": RequestCount, statistic Sum, dimensions LoadBalancer + TargetGroup), summed over the
 * group's target groups and divided by 5: requests per minute averaged over the slot, the unit of the forecast.
 * FILL(..., 0): ELB publishes no RequestCount for a period without requests, and a quiet night is load 0, not a gap.
 */
export const historyQueries = (index: number, targets: readonly TargetDims[]): MetricDataQuery[] => {
  const p = `g${index}_`;
  const queries: MetricDataQuery[] = targets.map((t, k) => ({
    Id: `${p}hreq${k}`,
    MetricStat: {
      Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'RequestCount', Dimensions: [{ Name: 'LoadBalancer', Value: t.loadBalancer }, { Name: 'TargetGroup', Value: t.targetGroup }] },
      Period: SLOT_SECONDS,
      Stat: 'Sum',
    },
    ReturnData: false,
  }));
  const filled = targets.map((_, k) => `FILL(${p}hreq${k}, 0)`);
  const sum = filled.length === 1 ? filled[0]! : `SUM([${filled.join(', ')}])`;
  return [...queries, { Id: `${p}history`, Expression: `${sum} / 5`, Label: 'history', ReturnData: true }];
};

/** The read window: complete, published slots only, historyDays back. */
export const historyWindow = (now: number, historyDays: number): { readonly start: number; readonly end: number } => {
  const end = Math.floor((now - PUBLISH_MARGIN_MS) / SLOT_MS) * SLOT_MS;
  return { start: end - historyDays * 86_400_000, end };
};

export interface HistoryCache {
  /** The history read for this key and window end, if this container has it. */
  readonly get: (key: string, end: number) => Series | undefined;
  readonly set: (key: string, end: number, series: Series) => void;
}

/**
 * Keyed by the group's dimensions and read window, holding the last slot only: a past slot's sum no longer changes
 * once published, so within a slot every run of a warm container reads the same 14 days, and a new slot (or a cold
 * container) reads them again. Memory stays at one series per forecast group (4,032 points for 14 days).
 */
export const createHistoryCache = (): HistoryCache => {
  const entries = new Map<string, { readonly end: number; readonly series: Series }>();
  return {
    get: (key, end) => {
      const e = entries.get(key);
      return e !== undefined && e.end === end ? e.series : undefined;
    },
    set: (key, end, series) => void entries.set(key, { end, series }),
  };
};

export const historyKey = (targets: readonly TargetDims[], historyDays: number): string =>
  `${historyDays}|${targets.map((t) => `${t.loadBalancer}/${t.targetGroup}`).join(',')}`;
