// The readings stage: each metric's latest and stabilized value from the snapshot, with impossible values rejected.
// A rejected value (CPU -10 %, errors 150 %, NaN) is a broken source, not a measurement: it counts as absent.
import type { GroupConfig } from './config';
import { cpuLoadReadings } from './cpu-load';
import { fmt } from './format';
import { reason, type Reason } from './reasons';
import type { MetricValues } from './recommend';
import { countOutOfRange, inRange, latest, maxOver, minBetween, type Range } from './series';
import type { Metrics, Series } from './snapshot';

export type MetricName = 'cpu' | 'memory' | 'latency' | 'errorRate' | 'requests';
export const METRIC_NAMES: readonly MetricName[] = ['cpu', 'memory', 'latency', 'errorRate'];

/** Percentages lie in 0..100; latency is a non-negative number of seconds. */
export const METRIC_RANGES: Readonly<Record<MetricName, Range & { readonly unit: string }>> = {
  cpu: { min: 0, max: 100, unit: ' %' },
  memory: { min: 0, max: 100, unit: ' %' },
  latency: { min: 0, max: Infinity, unit: ' s' },
  errorRate: { min: 0, max: 100, unit: ' %' },
  requests: { min: 0, max: Infinity, unit: ' req/min' },
};

export interface Readings {
  /** The newest fresh in-range value of each metric. */
  readonly latest: MetricValues;
  /** The largest in-range value over the scale-in stabilization window (the latest when there is none). */
  readonly stable: MetricValues;
  /** The smallest in-range value from the latest's datapoint back over the scale-out window (the latest without one). */
  readonly confirmed: MetricValues;
  /** Metrics with an out-of-range datapoint in the window: their source is not trusted for a scale-in. */
  readonly rejected: readonly MetricName[];
  readonly reasons: readonly Reason[];
}

/** The newest out-of-range value in the window; ties go to the largest spelling, so array order never shows. */
const newestBad = (series: Series, now: number, windowMs: number, range: Range): number => {
  let best: { t: number; v: number } | undefined;
  for (const p of series) {
    if (p.t > now || p.t <= now - windowMs || inRange(p.v, range)) continue;
    if (best === undefined || p.t > best.t || (p.t === best.t && String(p.v) > String(best.v))) best = p;
  }
  return (best as { v: number }).v;
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const jsonSafe = (v: number): number | string => (Number.isFinite(v) ? v : String(v));

export const readMetrics = (metrics: Metrics, config: GroupConfig, now: number, current: number): Readings => {
  const maxAge = config.metricMaxAgeSeconds * 1000;
  const windowMs = Math.max(config.stabilization.scaleInSeconds * 1000, maxAge);
  const latestValues: Mutable<MetricValues> = {};
  const stable: Mutable<MetricValues> = {};
  const confirmed: Mutable<MetricValues> = {};
  const outMs = (config.stabilization.scaleOutSeconds ?? 0) * 1000;
  const rejected: MetricName[] = [];
  const reasons: Reason[] = [];
  let cpuT: number | undefined;
  // Requests are read only for a request-rate policy, so a group without one decides exactly as before.
  const names: readonly MetricName[] = config.policies.requestRate ? [...METRIC_NAMES, 'requests'] : METRIC_NAMES;
  for (const name of names) {
    const range = METRIC_RANGES[name];
    const series = metrics[name];
    const now1 = latest(series, now, maxAge, range);
    if (now1.kind === 'value') {
      latestValues[name] = now1.v;
      if (name === 'cpu') cpuT = now1.t;
      // Anchored on the newest datapoint, not on now: CloudWatch publishes late, and the window counts datapoints.
      confirmed[name] = outMs > 0 ? (minBetween(series, now1.t - outMs, now1.t, range) as number) : now1.v;
    }
    // Anchored on the newest datapoint too: HPA's window holds the recommendations of the last 300 s, each made on
    // the data of its moment, so over data published 2-3 minutes late it spans the 300 s up to the newest datapoint.
    // Counted back from now it would hold only the two or three datapoints published inside it.
    const anchor = now1.kind === 'value' ? now1.t : now;
    const max = maxOver(series, anchor, config.stabilization.scaleInSeconds * 1000, range) ?? (now1.kind === 'value' ? now1.v : undefined);
    if (max !== undefined) stable[name] = max;
    // Out-of-range values are looked for over everything the windows read: back from now, and back from the anchor.
    const span = Math.max(windowMs, now - anchor + Math.max(config.stabilization.scaleInSeconds * 1000, outMs));
    const bad = countOutOfRange(series, now, span, range);
    if (bad > 0) {
      rejected.push(name);
      const shown = now1.kind === 'rejected' ? now1.v : newestBad(series, now, span, range);
      const bounds = `${range.min}..${Number.isFinite(range.max) ? range.max : ''}${range.unit}`;
      reasons.push(reason('METRIC_OUT_OF_RANGE', `${name} ${fmt(shown)}${range.unit} is outside ${bounds}: ${bad} datapoint(s) ignored${now1.kind === 'rejected' ? ', no current reading' : ''}`, {
        metric: name, value: jsonSafe(shown), min: range.min, max: jsonSafe(range.max), ignored: bad, latestRejected: now1.kind === 'rejected',
      }));
    }
  }
  // Only a CPU policy sizes on the load, so a group without one reads none.
  const cpuPolicy = config.policies.cpu;
  const load = cpuT === undefined || !cpuPolicy ? undefined : cpuLoadReadings(metrics, cpuT, { scaleInMs: config.stabilization.scaleInSeconds * 1000, scaleOutMs: outMs, current, target: cpuPolicy.target });
  if (load) {
    latestValues.cpuLoad = load.latest;
    stable.cpuLoad = load.stable;
    confirmed.cpuLoad = load.confirmed;
  }
  return { latest: latestValues, stable, confirmed, rejected, reasons };
};
