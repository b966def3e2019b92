// `npm run bench:sim`: the simulator's own speed, and the proof that a speed-up changed no result.
// - default: 30 days of one group, controller only (median of BENCH_SIM_RUNS runs, wall and CPU), then the
//   group-minutes per CPU-second of each policy family's headline point on one trace;
// - `--dump FILE`: every trace x every policy point x both views x BENCH_SEEDS seeds (default 2), plus the 30-day
//   controller run in both views, each run's summary and its digest (every minute, exact; bench/run-digest.ts);
// - `--check FILE`: the same runs again (or those BENCH_TRACES / BENCH_SEEDS keep), compared exactly with FILE.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { loadConfig } from '../controller/config';
import { DEFAULT_PARAMS, DEFAULT_SLO, US_EAST_1_T3_MEDIUM } from '../sim/params';
import { POINTS, type PolicyPoint } from '../sim/policies/catalogue';
import { runPolicy } from '../sim/run';
import { pointWorld, scaledTrace } from '../sim/simulate';
import type { CapacitySchedule } from '../sim/stats';
import type { RunSummary } from '../sim/summary';
import { loadTrace, type Trace } from '../sim/trace';
import { repeatedTo } from './long-trace';
import { runJobs } from './pool';
import type { Job } from './worker';

const ROOT = join(__dirname, '..');
const SCHEDULES: readonly CapacitySchedule[] = ['windows', 'on-demand'];
const LONG_FILE = 'nasa-http-1995-07.csv';
const THIRTY_DAYS = 30 * 24 * 60;
const SPEED_FILE = 'worldcup98-1998-06-24-week.csv';
const config = loadConfig(join(ROOT, 'config/autoscaler.yaml')).groups[0]!;

interface Entry {
  readonly key: string;
  readonly summary: RunSummary;
  readonly digest: string;
}

const keyOf = (j: Job): string => `${j.file}${j.minutes ? `@${j.minutes}min` : ''} ${j.point} ${j.schedule} seed ${j.seed}`;

const checkJobs = (): Job[] => {
  const only = process.env.BENCH_TRACES?.split(',');
  const seeds = Number(process.env.BENCH_SEEDS ?? 2);
  const files = readdirSync(join(ROOT, 'traces')).filter((f) => f.endsWith('.csv') && (!only || only.some((o) => f.includes(o)))).sort();
  const jobs: Job[] = [];
  const add = (j: Omit<Job, 'id' | 'digest'>): void => {
    jobs.push({ ...j, id: jobs.length, digest: true });
  };
  for (const file of files) for (const point of POINTS) for (const schedule of SCHEDULES) for (let seed = 1; seed <= seeds; seed += 1) add({ file, point: point.name, schedule, seed });
  if (!only || only.some((o) => LONG_FILE.includes(o))) for (const schedule of SCHEDULES) add({ file: LONG_FILE, minutes: THIRTY_DAYS, point: 'controller', schedule, seed: 1 });
  return jobs;
};

const runAll = async (): Promise<Entry[]> => {
  const jobs = checkJobs();
  const minutes = new Map<string, number>();
  const sizeOf = (j: Job): number => {
    if (j.minutes) return j.minutes;
    if (!minutes.has(j.file)) minutes.set(j.file, readFileSync(join(ROOT, 'traces', j.file), 'utf8').split('\n').length);
    return minutes.get(j.file)!;
  };
  const t0 = performance.now();
  const results = await runJobs(jobs, Number(process.env.BENCH_WORKERS ?? Math.max(1, availableParallelism())), sizeOf);
  process.stderr.write(`bench:sim: ${jobs.length} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return jobs.map((j) => ({ key: keyOf(j), summary: results.get(j.id)!.summary, digest: results.get(j.id)!.digest! }));
};

const dump = async (file: string): Promise<void> => {
  const entries = await runAll();
  writeFileSync(file, JSON.stringify({ node: process.version, entries }, null, 1));
  console.log(`bench:sim: wrote ${entries.length} runs to ${file}`);
};

const check = async (file: string): Promise<void> => {
  const before = new Map((JSON.parse(readFileSync(file, 'utf8')) as { entries: Entry[] }).entries.map((e) => [e.key, e]));
  const after = await runAll();
  const bad: string[] = [];
  for (const e of after) {
    const b = before.get(e.key);
    if (!b) bad.push(`${e.key}: not in ${file}`);
    else if (!isDeepStrictEqual(b.summary, e.summary)) bad.push(`${e.key}: summary differs\n  before ${JSON.stringify(b.summary)}\n  after  ${JSON.stringify(e.summary)}`);
    else if (b.digest !== e.digest) bad.push(`${e.key}: minute records differ (summary equal)`);
  }
  for (const line of bad.slice(0, 20)) console.log(line);
  console.log(bad.length === 0 ? `bench:sim: identical: ${after.length} of ${before.size} runs in ${file} re-run, every summary and minute equal`
    : `bench:sim: ${bad.length} of ${after.length} runs differ from ${file}`);
  if (bad.length > 0) process.exitCode = 1;
};

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** One run in this process: wall and CPU seconds. */
const timed = async (point: PolicyPoint, trace: Trace, schedule: CapacitySchedule): Promise<{ wall: number; cpu: number; minutes: number }> => {
  const base = { config, trace, params: DEFAULT_PARAMS, prices: US_EAST_1_T3_MEDIUM, slo: DEFAULT_SLO, faults: {}, seed: 1 };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await runPolicy(point.factory, pointWorld(point, base, schedule), { minutes: false });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6, minutes: run.summary.minutes };
};

const speed = async (): Promise<void> => {
  const runs = Number(process.env.BENCH_SIM_RUNS ?? 5);
  const long = scaledTrace(repeatedTo(loadTrace(join(ROOT, 'traces', LONG_FILE)), THIRTY_DAYS), config, DEFAULT_PARAMS).trace;
  const controller = POINTS.find((p) => p.kind === 'controller')!;
  await timed(controller, scaledTrace(loadTrace(join(ROOT, 'traces', SPEED_FILE)), config, DEFAULT_PARAMS).trace, 'windows'); // warm the JIT
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < runs; k += 1) {
    const r = await timed(controller, long, 'windows');
    walls.push(r.wall);
    cpus.push(r.cpu);
  }
  console.log(`30 days of one group, controller only (${THIRTY_DAYS.toLocaleString('en-US')} minutes, ${LONG_FILE} repeated, capacity-mode schedule): `
    + `median ${median(walls).toFixed(2)} s wall [${Math.min(...walls).toFixed(2)}-${Math.max(...walls).toFixed(2)}], ${median(cpus).toFixed(2)} s CPU over ${runs} runs`);
  const week = scaledTrace(loadTrace(join(ROOT, 'traces', SPEED_FILE)), config, DEFAULT_PARAMS).trace;
  console.log(`group-minutes per CPU-second by policy family (headline point, ${SPEED_FILE}, capacity-mode schedule, median of 3):`);
  for (const point of POINTS.filter((p) => p.headline)) {
    const rates: number[] = [];
    for (let k = 0; k < 3; k += 1) {
      const r = await timed(point, week, 'windows');
      rates.push(r.minutes / r.cpu);
    }
    console.log(`  ${point.family.padEnd(20)} ${Math.round(median(rates)).toLocaleString('en-US').padStart(10)}`);
  }
};

const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  const at = (flag: string): string | undefined => {
    const k = args.indexOf(flag);
    return k >= 0 ? args[k + 1] : undefined;
  };
  const dumpFile = at('--dump');
  const checkFile = at('--check');
  if (dumpFile) await dump(dumpFile);
  else if (checkFile) await check(checkFile);
  else await speed();
};

void main();
