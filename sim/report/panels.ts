// The report's time panels as plain data for the browser: one shared time axis (bucketed so a month stays light),
// each panel's series, thresholds and the SLO-violation minutes of every policy for shading.
import type { RunResult } from '../run';
import type { SimulationReport } from '../simulate';
import type { Minute } from '../world';

export const COLORS: Readonly<Record<string, string>> = {
  controller: '#0969da', 'aws-target-tracking': '#cf222e', 'aws-step-scaling': '#9a6700', hpa: '#8250df', 'fixed-peak': '#6e7781', oracle: '#1a7f37',
};
export const colorOf = (policy: string): string => COLORS[policy] ?? '#24292f';

export interface Series {
  readonly label: string;
  readonly color: string;
  readonly values: readonly number[];
  /** The controller is drawn last (on top) and thicker; references are dashed. */
  readonly width: number;
  readonly dash: readonly number[];
}

export interface Panel {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly series: readonly Series[];
  /** Integer ticks only (instances). */
  readonly integer: boolean;
  /** Upper bound of the y axis, so one policy's overload does not flatten the rest; null: fit the data. */
  readonly clip: number | null;
}

export interface PanelData {
  /** Bucket start times, in seconds (uPlot's time unit). */
  readonly x: readonly number[];
  readonly bucketMinutes: number;
  readonly panels: readonly Panel[];
  /** Per policy, its SLO-violation minutes as [from, to) intervals in seconds. */
  readonly violations: Readonly<Record<string, readonly (readonly [number, number])[]>>;
}

const MAX_POINTS = 1500;
const r3 = (v: number): number => Number(v.toPrecision(4));

/** The worst value of each bucket (so no spike disappears), or the last for cumulative series. */
const bucket = (minutes: readonly Minute[], size: number, pick: (m: Minute, i: number) => number, last = false): number[] => {
  const out: number[] = [];
  for (let i = 0; i < minutes.length; i += size) {
    let v = -Infinity;
    const end = Math.min(minutes.length, i + size);
    for (let k = i; k < end; k += 1) v = last ? pick(minutes[k]!, k) : Math.max(v, pick(minutes[k]!, k));
    out.push(r3(v));
  }
  return out;
};

const intervals = (minutes: readonly Minute[]): [number, number][] => {
  const out: [number, number][] = [];
  for (const m of minutes) {
    if (!m.violation) continue;
    const t = m.t / 1000;
    const prev = out.at(-1);
    if (prev && prev[1] === t) prev[1] = t + 60;
    else out.push([t, t + 60]);
  }
  return out;
};

/** Controller last, so it is drawn on top of the others. */
const ordered = (runs: readonly RunResult[]): RunResult[] => [...runs.filter((x) => x.summary.policy !== 'controller'), ...runs.filter((x) => x.summary.policy === 'controller')];

const line = (label: string, color: string, values: number[], o: { width?: number; dash?: number[] } = {}): Series => ({ label, color, values, width: o.width ?? 1.5, dash: o.dash ?? [] });

export const panelData = (r: SimulationReport, o: { cpuTargetPercent?: number } = {}): PanelData => {
  const first = r.runs[0]!.minutes;
  const size = Math.max(1, Math.ceil(first.length / MAX_POINTS));
  const x: number[] = [];
  for (let i = 0; i < first.length; i += size) x.push(first[i]!.t / 1000);
  const runs = ordered(r.runs);
  const perRun = (pickOf: (run: RunResult) => (m: Minute, i: number) => number, last = false) =>
    runs.map((run) => line(run.summary.policy, colorOf(run.summary.policy), bucket(run.minutes, size, pickOf(run), last), { width: run.summary.policy === 'controller' ? 2.5 : 1.25 }));
  const per = (pick: (m: Minute) => number) => perRun(() => pick);
  const flat = (label: string, color: string, v: number) => line(label, color, x.map(() => v), { width: 1.25, dash: [6, 4] });
  const ctl = r.runs.find((x) => x.summary.policy === 'controller');
  // Reserved instances are paid whether used or not: the summary's paid hours over the run's hours.
  const reserved = ctl ? Math.round((ctl.summary.instanceHours.reservedPaid * 60) / Math.max(1, ctl.summary.minutes)) : 0;
  const cumulative = (run: RunResult) => {
    let sum = 0;
    return run.minutes.map((m) => (sum += m.cost));
  };
  const panels: Panel[] = [
    { id: 'load', title: 'Load (requests per minute, scaled)', unit: 'requests/min', integer: false, clip: null, series: [line('requests', '#24292f', bucket(first, size, (m) => m.requests))] },
    { id: 'capacity', title: 'Capacity in service (on-demand + spot), with reserved capacity', unit: 'instances', integer: true, clip: null, series: [
      ...(reserved > 0 ? [flat(`reserved (${reserved} paid)`, '#bf8700', reserved)] : []),
      ...(ctl ? [line('controller on-demand', colorOf('controller'), bucket(ctl.minutes, size, (m) => m.onDemand), { width: 1, dash: [2, 3] })] : []),
      ...per((m) => m.onDemand + m.spot),
    ] },
    { id: 'latency', title: `p90 latency against the SLO (${r.slo.latencyP90Seconds} s)`, unit: 'seconds', integer: false, clip: r.slo.latencyP90Seconds * 4,
      series: [flat(`SLO ${r.slo.latencyP90Seconds} s`, '#cf222e', r.slo.latencyP90Seconds), ...per((m) => m.latencyP90)] },
    { id: 'errors', title: `5xx share against the SLO (${r.slo.errorPercent} %)`, unit: '% 5xx', integer: false, clip: Math.max(r.slo.errorPercent * 10, 5),
      series: [flat(`SLO ${r.slo.errorPercent} %`, '#cf222e', r.slo.errorPercent), ...per((m) => m.errorPercent)] },
    { id: 'cpu', title: o.cpuTargetPercent === undefined ? 'CPU utilization' : `CPU utilization against the target (${o.cpuTargetPercent} %)`, unit: '% CPU', integer: false, clip: 100,
      series: [...(o.cpuTargetPercent === undefined ? [] : [flat(`target ${o.cpuTargetPercent} %`, '#1a7f37', o.cpuTargetPercent)]), ...per((m) => m.cpu)] },
    { id: 'cost', title: 'Cost over time (cumulative USD)', unit: 'USD', integer: false, clip: null, series: perRun((run) => { const cum = cumulative(run); return (_m, i) => cum[i]!; }, true) },
  ];
  return { x, bucketMinutes: size, panels, violations: Object.fromEntries(r.runs.map((run) => [run.summary.policy, intervals(run.minutes)])) };
};
