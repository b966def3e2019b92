// A bench worker (a child process): runs one policy point, one view, one seed on one trace, and sends back its
// summary. Traces are read and scaled once per worker.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../controller/config';
import { DEFAULT_PARAMS, DEFAULT_SLO, US_EAST_1_T3_MEDIUM } from '../sim/params';
import { pointNamed } from '../sim/policies/catalogue';
import { runPolicy } from '../sim/run';
import { pointWorld, scaledTrace } from '../sim/simulate';
import type { CapacitySchedule } from '../sim/stats';
import type { RunSummary } from '../sim/summary';
import type { Trace } from '../sim/trace';
import { repeatedTo } from './long-trace';
import { runDigest } from './run-digest';
import { loadBenchTrace } from './trace-set';

export interface Job {
  readonly id: number;
  readonly file: string;
  readonly point: string;
  readonly schedule: CapacitySchedule;
  readonly seed: number;
  /** Run the trace repeated to this many minutes (bench/long-trace.ts) instead of as shipped. */
  readonly minutes?: number;
  /** Also send back the run's digest (bench/run-digest.ts): every minute, exact. */
  readonly digest?: boolean;
}

export interface JobResult {
  readonly id: number;
  readonly summary: RunSummary;
  readonly seconds: number;
  /** CPU seconds the run took (user + system): the speed measure that other load on the machine does not skew. */
  readonly cpuSeconds: number;
  readonly digest?: string;
}

const ROOT = join(__dirname, '..');
const config = loadConfig(join(ROOT, 'config/autoscaler.yaml')).groups[0]!;
const traces = new Map<string, Trace>();

const traceOf = (file: string, minutes: number | undefined): Trace => {
  const key = `${file}:${minutes ?? ''}`;
  let t = traces.get(key);
  if (!t) {
    const shipped = loadBenchTrace(ROOT, file);
    traces.set(key, (t = scaledTrace(minutes === undefined ? shipped : repeatedTo(shipped, minutes), config, DEFAULT_PARAMS).trace));
  }
  return t;
};

process.on('message', (job: Job) => {
  const point = pointNamed(job.point)!;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const base = { config, trace: traceOf(job.file, job.minutes), params: DEFAULT_PARAMS, prices: US_EAST_1_T3_MEDIUM, slo: DEFAULT_SLO, faults: {}, seed: job.seed };
  // Only a digest reads the minutes: a summary-only run keeps none, so the GC has a month of records less to trace.
  void runPolicy(point.factory, pointWorld(point, base, job.schedule), { minutes: job.digest === true }).then((run) => {
    const cpu = process.cpuUsage(c0);
    const result: JobResult = {
      id: job.id, summary: run.summary, seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6,
      ...(job.digest ? { digest: runDigest(run) } : {}),
    };
    process.send!(result);
  });
});
