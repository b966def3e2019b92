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

/** The sample count of minute t: a whole number of instances, at least one (the largest of duplicates); else none. */
const samplesAt = (samples: Series, t: number): number | undefined => {
  let n: number | undefined;
  for (const p of samples) if (p.t === t && Number.isInteger(p.v) && p.v >= 1 && (n === undefined || p.v > n)) n = p.v;
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

// A total order, so the choice never depends on the order the points came in: larger load first; at equal load the
// smaller fleet (more instances counted as missing, the safe side on a scale-in); then the newer minute.
const larger = (a: CpuLoad, b: CpuLoad): boolean =>
  a.load !== b.load ? a.load > b.load : a.samples !== b.samples ? a.samples < b.samples : a.t > b.t;

export interface CpuLoadReadings {
  /** At the CPU reading's own minute. */
  readonly latest: CpuLoad;
  /** The largest over the scale-in stabilization window, (cpuT - scaleInMs, cpuT]: anchored as the CPU reading's. */
  readonly stable: CpuLoad;
  /** The smallest over the scale-out window, [cpuT - scaleOutMs, cpuT]. */
  readonly confirmed: CpuLoad;
}

/**
 * The loads for the CPU reading of minute cpuT, or undefined when that minute has no sample count: a load from
 * another minute would size on another fleet, so the CPU vote falls back to the instances ready now.
 */
export const cpuLoadReadings = (metrics: Metrics, cpuT: number, scaleInMs: number, scaleOutMs: number): CpuLoadReadings | undefined => {
  let latest: CpuLoad | undefined;
  let stable: CpuLoad | undefined;
  let confirmed: CpuLoad | undefined;
  for (const p of cpuLoadSeries(metrics)) {
    if (p.t === cpuT && (!latest || larger(p, latest))) latest = p;
    if (p.t <= cpuT && p.t > cpuT - scaleInMs && (!stable || larger(p, stable))) stable = p;
    if (p.t <= cpuT && p.t >= cpuT - scaleOutMs && (!confirmed || larger(confirmed, p))) confirmed = p;
  }
  if (!latest) return undefined;
  return { latest, stable: stable && larger(stable, latest) ? stable : latest, confirmed: scaleOutMs > 0 && confirmed ? confirmed : latest };
};
