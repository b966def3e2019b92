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
import { loadBenchTrace } from './trace-set';

export interface Job {
  readonly id: number;
  readonly file: string;
  readonly point: string;
  readonly schedule: CapacitySchedule;
  readonly seed: number;
}

export interface JobResult {
  readonly id: number;
  readonly summary: RunSummary;
  readonly seconds: number;
  /** CPU seconds the run took (user + system): the speed measure that other load on the machine does not skew. */
  readonly cpuSeconds: number;
}

const ROOT = join(__dirname, '..');
const config = loadConfig(join(ROOT, 'config/autoscaler.yaml')).groups[0]!;
const traces = new Map<string, Trace>();

const traceOf = (file: string): Trace => {
  let t = traces.get(file);
  if (!t) traces.set(file, (t = scaledTrace(loadBenchTrace(ROOT, file), config, DEFAULT_PARAMS).trace));
  return t;
};

process.on('message', (job: Job) => {
  const point = pointNamed(job.point)!;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const base = { config, trace: traceOf(job.file), params: DEFAULT_PARAMS, prices: US_EAST_1_T3_MEDIUM, slo: DEFAULT_SLO, faults: {}, seed: job.seed };
  void runPolicy(point.factory, pointWorld(point, base, job.schedule)).then((run) => {
    const cpu = process.cpuUsage(c0);
    const result: JobResult = { id: job.id, summary: run.summary, seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
    process.send!(result);
  });
});
