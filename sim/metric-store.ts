// CloudWatch as the controller sees it: one-minute datapoints that appear only after the publication delay,
// and alarms with evaluation periods and datapoints-to-alarm.
import type { Metrics, Series } from '../policies/snapshot';

/**
 * The controller's metrics, plus the target group's host counts (UnHealthyHostCount, HealthyHostCount) and
 * ALBRequestCountPerTarget: the ALB's RequestCount divided by the healthy targets (ELB User Guide, "CloudWatch
 * metrics for your Application Load Balancer", RequestCountPerTarget; the predefined metric of target tracking).
 */
export type MetricName = keyof Metrics | 'unhealthyHosts' | 'healthyHosts' | 'requestCountPerTarget';

export interface MetricStore {
  /** The datapoint for the minute starting at t (published at t + 60 s + delay). */
  readonly record: (name: MetricName, t: number, v: number) => void;
  /** What GetMetricData returns at `now` for the last `lookbackMs`. */
  readonly visible: (name: MetricName, now: number, lookbackMs: number) => Series;
  /**
   * The values of the last `count` datapoints `visible` would return, newest first, written into `out`; returns how
   * many. Alarms are evaluated every minute: this reads them without building the points.
   */
  readonly latest: (name: MetricName, now: number, lookbackMs: number, count: number, out: number[]) => number;
  /** The newest datapoint `visible` would return, if any: what a policy reading the last value needs, one object. */
  readonly newest: (name: MetricName, now: number, lookbackMs: number) => { readonly t: number; readonly v: number } | undefined;
  /** The value of the datapoint for minute `t` if `visible` would return it. */
  readonly valueAt: (name: MetricName, t: number, now: number, lookbackMs: number) => number | undefined;
}

/**
 * One metric's datapoints in two parallel arrays: a month of minutes is numbers, not objects for the GC to trace.
 * `points` holds the point objects `visible` handed out, by index from `from`: the controller reads the same
 * datapoints minute after minute (its look-back is 10-15 of them), so each is built once, not once a minute, and
 * only the recent ones are kept. Points are readonly data (Series), so sharing them changes no answer.
 */
interface Columns {
  readonly t: number[];
  readonly v: number[];
  points: ({ readonly t: number; readonly v: number } | undefined)[];
  from: number;
}

/** Cached points kept behind the oldest one the last read asked for: a longer read (the request history's) rebuilds. */
const KEEP_BEHIND = 64;

export const createMetricStore = (delayMs: number): MetricStore => {
  const series = new Map<MetricName, Columns>();
  const NONE: Columns = { t: [], v: [], points: [], from: 0 };
  return {
    record: (name, t, v) => {
      let s = series.get(name);
      if (!s) series.set(name, (s = { t: [], v: [], points: [], from: 0 }));
      s.t.push(t);
      s.v.push(v);
    },
    visible: (name, now, lookbackMs) => {
      const s = series.get(name) ?? NONE;
      const out: { readonly t: number; readonly v: number }[] = [];
      let k = s.t.length - 1;
      for (; k >= 0; k -= 1) {
        const t = s.t[k]!;
        if (t < now - lookbackMs) break;
        if (t + 60_000 + delayMs <= now) {
          let p = k >= s.from ? s.points[k - s.from] : undefined;
          if (p === undefined) {
            p = { t, v: s.v[k]! };
            if (k >= s.from) s.points[k - s.from] = p;
          }
          out.push(p);
        }
      }
      // Forget the points more than KEEP_BEHIND behind this read's oldest (the next minute's read starts later).
      if (k + 1 - s.from > 2 * KEEP_BEHIND) {
        const from = k + 1 - KEEP_BEHIND;
        s.points = s.points.slice(from - s.from);
        s.from = from;
      }
      return out.reverse();
    },
    latest: (name, now, lookbackMs, count, out) => {
      const s = series.get(name) ?? NONE;
      let n = 0;
      for (let k = s.t.length - 1; k >= 0 && n < count; k -= 1) {
        const t = s.t[k]!;
        if (t < now - lookbackMs) break;
        if (t + 60_000 + delayMs <= now) out[n++] = s.v[k]!;
      }
      return n;
    },
    newest: (name, now, lookbackMs) => {
      const s = series.get(name) ?? NONE;
      for (let k = s.t.length - 1; k >= 0; k -= 1) {
        const t = s.t[k]!;
        if (t < now - lookbackMs) break;
        if (t + 60_000 + delayMs <= now) return { t, v: s.v[k]! };
      }
      return undefined;
    },
    valueAt: (name, at, now, lookbackMs) => {
      const s = series.get(name) ?? NONE;
      if (at < now - lookbackMs || at + 60_000 + delayMs > now) return undefined;
      for (let k = s.t.length - 1; k >= 0; k -= 1) {
        const t = s.t[k]!;
        if (t < at) break;
        if (t === at) return s.v[k]!;
      }
      return undefined;
    },
  };
};

export interface AlarmSpec {
  readonly name: string;
  readonly metric: MetricName;
  readonly threshold: number;
  readonly comparison: 'gt' | 'gte' | 'lt';
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
}

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

const scratch: number[] = [];

/** Evaluates an alarm on the visible datapoints; missing data counts as not breaching. */
export const evaluateAlarm = (spec: AlarmSpec, store: MetricStore, now: number): AlarmState => {
  const n = store.latest(spec.metric, now, (spec.evaluationPeriods + 5) * 60_000, spec.evaluationPeriods > 0 ? spec.evaluationPeriods : Infinity, scratch);
  if (n === 0) return 'INSUFFICIENT_DATA';
  let breaching = 0;
  for (let k = 0; k < n; k += 1) {
    const v = scratch[k]!;
    if (spec.comparison === 'gt' ? v > spec.threshold : spec.comparison === 'gte' ? v >= spec.threshold : v < spec.threshold) breaching += 1;
  }
  return breaching >= spec.datapointsToAlarm ? 'ALARM' : 'OK';
};
