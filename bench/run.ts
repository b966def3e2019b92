// `npm run bench`: every shipped trace, every policy point of the sweep, both capacity views, over seeds, spread
// over child processes (one per core). One table per trace and view (median and range over seeds), the
// controller's frontier verdict per trace, and the simulator's speed in group-minutes per second.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { viewTable } from '../cli/format-simulation';
import { POINTS } from '../sim/policies/catalogue';
import { frontierOf, type SimulationView } from '../sim/simulate';
import { pointStats, type CapacitySchedule } from '../sim/stats';
import type { RunSummary } from '../sim/summary';
import { runJobs } from './pool';
import { benchTraces } from './trace-set';
import { traceVerdict, verdictReport, type TraceVerdict } from './verdicts';
import type { Job } from './worker';

const ROOT = join(__dirname, '..');
const SEEDS = Number(process.env.BENCH_SEEDS ?? 5);
const WORKERS = Number(process.env.BENCH_WORKERS ?? Math.max(1, availableParallelism()));
const SCHEDULES: readonly CapacitySchedule[] = ['windows', 'on-demand'];


const main = async (): Promise<void> => {
  const traces = benchTraces(ROOT, process.argv.slice(2), process.env.BENCH_TRACES?.split(','));
  const files = traces.map((t) => t.file);
  const minutes = new Map(traces.map((t) => [t.file, t.minutes]));
  const jobs: Job[] = [];
  for (const file of files) for (const point of POINTS) for (const schedule of SCHEDULES) for (let seed = 1; seed <= SEEDS; seed += 1) {
    jobs.push({ id: jobs.length, file, point: point.name, schedule, seed });
  }
  const t0 = performance.now();
  const results = await runJobs(jobs, WORKERS, (j) => minutes.get(j.file) ?? 0);
  const wall = (performance.now() - t0) / 1000;
  const verdicts: TraceVerdict[] = [];
  let groupMinutes = 0;
  let busy = 0;
  for (const file of files) {
    console.log(`\n=== ${file} (${minutes.get(file)!.toLocaleString('en-US')} minutes; ${SEEDS} seeds; medians, range in brackets)`);
    for (const schedule of SCHEDULES) {
      const runs = new Map<string, RunSummary[]>();
      const policies = POINTS.map((point) => {
        const mine = jobs.filter((j) => j.file === file && j.point === point.name && j.schedule === schedule).map((j) => results.get(j.id)!);
        for (const r of mine) {
          groupMinutes += r.summary.minutes;
          busy += r.cpuSeconds;
        }
        runs.set(point.name, mine.map((r): RunSummary => r.summary));
        return pointStats(point, schedule, runs.get(point.name)!);
      });
      const frontier = frontierOf(policies);
      const view: SimulationView = { schedule, policies, ...(frontier ? { frontier } : {}) };
      console.log(`\n${schedule === 'windows' ? 'every policy under the capacity-mode schedule' : 'every policy all on-demand'}:`);
      console.log(viewTable(view));
      verdicts.push(traceVerdict(file.replace('.csv', ''), traces.find((t) => t.file === file)!.heldout, schedule, policies, runs));
    }
  }
  console.log(`\n${verdictReport(verdicts)}`);
  console.log(`\nspeed: ${Math.round(groupMinutes / wall).toLocaleString('en-US')} group-minutes per second `
    + `(${groupMinutes.toLocaleString('en-US')} simulated group-minutes in ${wall.toFixed(1)} s on ${WORKERS} worker processes; `
    + `${Math.round(groupMinutes / busy).toLocaleString('en-US')} per CPU-second, so about ${Math.round(busy / WORKERS)} s of wall time on ${WORKERS} idle cores)`);
};


void main();
