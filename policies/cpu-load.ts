// The CPU the fleet of one minute carried: the group's CPU average x its SampleCount (the instances averaged), in
// instance-percent. Sizing on it, as HPA sums its measured pods, keeps a 2-minute-old average off today's fleet.
import { inRange, type Range } from './series';
import type { Metrics, Series } from './snapshot';

const CPU: Range = { min: 0, max: 100 };

/** One minute's load and the number of instances that carried it. */
export interface CpuLoad {
  readonly t: number;
  /** Average x samples, in instance-percent. */
  readonly load: number;
  readonly samples: number;
}

/**
 * The sample count of minute t: a whole number of instances, at least one. Anything else, or two counts for one minute
 * that disagree, is no count: neither is the safe side for both a scale-out and a scale-in.
 */
const samplesAt = (samples: Series, t: number): number | undefined => {
  let n: number | undefined;
  for (const p of samples) {
    if (p.t !== t) continue;
    if (!Number.isInteger(p.v) || p.v < 1 || (n !== undefined && p.v !== n)) return undefined;
    n = p.v;
  }
  return n;
};

/** average x samples for each minute that has both, sane. */
export const cpuLoadSeries = (metrics: Metrics): readonly CpuLoad[] => {
  const samples = metrics.cpuSamples ?? [];
  const out: CpuLoad[] = [];
  if (samples.length === 0) return out;
  for (const p of metrics.cpu) {
    if (!inRange(p.v, CPU)) continue;
    const n = samplesAt(samples, p.t);
    if (n !== undefined) out.push({ t: p.t, load: p.v * n, samples: n });
  }
  return out;
};

// A total order on a key, so the choice never depends on the order the points came in: the larger key first; at an
// equal key the smaller fleet, then the newer minute.
const above = (a: CpuLoad, ka: number, b: CpuLoad, kb: number): boolean =>
  ka !== kb ? ka > kb : a.samples !== b.samples ? a.samples < b.samples : a.t > b.t;

export interface CpuLoadReadings {
  /** At the CPU reading's own minute. */
  readonly latest: CpuLoad;
  /**
   * The minute whose scale-in recommendation is the largest over the scale-in window, (cpuT - scaleInMs, cpuT]: with
   * the instances not measured at 100 % (HPA's missing pods), load + (current - samples) x max(100, target).
   */
  readonly stable: CpuLoad;
  /** The smallest load over the scale-out window, [cpuT - scaleOutMs, cpuT]: the smallest scale-out recommendation. */
  readonly confirmed: CpuLoad;
}

export interface LoadWindows {
  readonly scaleInMs: number;
  readonly scaleOutMs: number;
  /** The capacity the recommendations are made against, and the CPU target: they rank the scale-in window. */
  readonly current: number;
  readonly target: number;
}

/**
 * The loads for the CPU reading of minute cpuT, or undefined unless that minute and every CPU minute in either window
 * has a sample count: a minute without one would drop out of the window (and a scale-in could pass it), and a load
 * from another minute would size on another fleet. Undefined sends the CPU vote back to the instances ready now.
 */
export const cpuLoadReadings = (metrics: Metrics, cpuT: number, w: LoadWindows): CpuLoadReadings | undefined => {
  const inFrom = cpuT - w.scaleInMs;
  const outFrom = cpuT - w.scaleOutMs;
  const inWindows = (t: number): boolean => t === cpuT || (t <= cpuT && (t > inFrom || t >= outFrom));
  const series = cpuLoadSeries(metrics);
  const counted = new Set(series.map((p) => p.t));
  for (const p of metrics.cpu) if (inRange(p.v, CPU) && inWindows(p.t) && !counted.has(p.t)) return undefined;
  const missingAt = Math.max(100, w.target);
  const scaleInKey = (p: CpuLoad): number => p.load + Math.max(0, w.current - p.samples) * missingAt;
  let latest: CpuLoad | undefined;
  let stable: CpuLoad | undefined;
  let confirmed: CpuLoad | undefined;
  for (const p of series) {
    if (p.t === cpuT && (!latest || above(p, p.load, latest, latest.load))) latest = p;
    if (p.t <= cpuT && p.t > inFrom && (!stable || above(p, scaleInKey(p), stable, scaleInKey(stable)))) stable = p;
    if (p.t <= cpuT && p.t >= outFrom && (!confirmed || above(confirmed, confirmed.load, p, p.load))) confirmed = p;
  }
  if (!latest) return undefined;
  return {
    latest,
    stable: stable && above(stable, scaleInKey(stable), latest, scaleInKey(latest)) ? stable : latest,
    confirmed: w.scaleOutMs > 0 && confirmed ? confirmed : latest,
  };
};
