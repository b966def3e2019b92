// CloudWatch as the controller sees it: one-minute datapoints that appear only after the publication delay,
// and alarms with evaluation periods and datapoints-to-alarm.
import type { Metrics, Series } from '../policies/snapshot';

// requestCountPerTarget (ALBRequestCountPerTarget) and healthyHosts: shim for the baselines, until the world publishes them.
export type MetricName = keyof Metrics | 'unhealthyHosts' | 'requestCountPerTarget' | 'healthyHosts';

export interface MetricStore {
  /** The datapoint for the minute starting at t (published at t + 60 s + delay). */
  readonly record: (name: MetricName, t: number, v: number) => void;
  /** What GetMetricData returns at `now` for the last `lookbackMs`. */
  readonly visible: (name: MetricName, now: number, lookbackMs: number) => Series;
}

export const createMetricStore = (delayMs: number): MetricStore => {
  const series = new Map<MetricName, { t: number; v: number }[]>();
  return {
    record: (name, t, v) => {
      let s = series.get(name);
      if (!s) series.set(name, (s = []));
      s.push({ t, v });
    },
    visible: (name, now, lookbackMs) => {
      const s = series.get(name) ?? [];
      const out: { t: number; v: number }[] = [];
      for (let k = s.length - 1; k >= 0; k -= 1) {
        const p = s[k]!;
        if (p.t < now - lookbackMs) break;
        if (p.t + 60_000 + delayMs <= now) out.push(p);
      }
      return out.reverse();
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

/** Evaluates an alarm on the visible datapoints; missing data counts as not breaching. */
export const evaluateAlarm = (spec: AlarmSpec, store: MetricStore, now: number): AlarmState => {
  const points = store.visible(spec.metric, now, (spec.evaluationPeriods + 5) * 60_000).slice(-spec.evaluationPeriods);
  if (points.length === 0) return 'INSUFFICIENT_DATA';
  const breach = (v: number) => (spec.comparison === 'gt' ? v > spec.threshold : spec.comparison === 'gte' ? v >= spec.threshold : v < spec.threshold);
  return points.filter((p) => breach(p.v)).length >= spec.datapointsToAlarm ? 'ALARM' : 'OK';
};
