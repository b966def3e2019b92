// `npm run bench:select`: runs the written rule (bench/select-rule.ts; README, "Choosing the controller's config")
// on the shipped traces, never per trace: every candidate and the bar baselines over seeds 1..BENCH_SEEDS (5) in
// the windows view, then prints every candidate's figures per trace and the one config chosen for all traces.
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../controller/config';
import type { GroupConfig } from '../policies/config';
import { DEFAULT_PARAMS, DEFAULT_SLO, US_EAST_1_T3_MEDIUM } from '../sim/params';
import { pointNamed } from '../sim/policies/catalogue';
import { runPolicy } from '../sim/run';
import { pointWorld, scaledTrace } from '../sim/simulate';
import type { RunSummary } from '../sim/summary';
import { loadTrace } from '../sim/trace';
import { BAR_BASELINES, CANDIDATES, candidateConfig, candidateName, choose, median, score, type TraceFigures } from './select-rule';

const ROOT = join(__dirname, '..');
const SEEDS = Number(process.env.BENCH_SEEDS ?? 5);
const WORKERS = Number(process.env.BENCH_WORKERS ?? Math.max(1, availableParallelism()));

/** candidate: an index into CANDIDATES; null: the baseline point runs on the shipped config. */
interface Job { readonly id: number; readonly file: string; readonly point: string; readonly candidate: number | null; readonly seed: number }
interface Done { readonly id: number; readonly summary: RunSummary }

const shipped = (): GroupConfig => loadConfig(join(ROOT, 'config/autoscaler.yaml')).groups[0]!;

const worker = (): void => {
  const config = shipped();
  const traces = new Map<string, ReturnType<typeof loadTrace>>();
  process.on('message', (job: Job) => {
    let trace = traces.get(job.file);
    if (!trace) traces.set(job.file, (trace = scaledTrace(loadTrace(join(ROOT, 'traces', job.file)), config, DEFAULT_PARAMS).trace));
    const point = pointNamed(job.point)!;
    // The controller sees what every baseline sees: the world's delayed CloudWatch, through the same sim cloud.
    const c = job.candidate === null ? config : candidateConfig(config, CANDIDATES[job.candidate]!, DEFAULT_PARAMS.capacityPerInstance);
    const base = { config: c, trace, params: DEFAULT_PARAMS, prices: US_EAST_1_T3_MEDIUM, slo: DEFAULT_SLO, faults: {}, seed: job.seed };
    void runPolicy(point.factory, pointWorld(point, base, 'windows')).then((run) => process.send!({ id: job.id, summary: run.summary } satisfies Done));
  });
};

const run = (jobs: readonly Job[]): Promise<Map<number, RunSummary>> => new Promise((resolve, reject) => {
  // The longest trace first, so no worker is left alone with it at the end.
  const queue = [...jobs].sort((a, b) => Number(b.file.includes('nasa')) - Number(a.file.includes('nasa')));
  const out = new Map<number, RunSummary>();
  for (let k = 0; k < Math.min(WORKERS, jobs.length); k += 1) {
    const child = fork(__filename, ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const feed = (): void => {
      const j = queue.shift();
      if (j) child.send(j);
      else child.kill();
    };
    child.on('message', (d: Done) => {
      out.set(d.id, d.summary);
      if (out.size % 10 === 0) process.stderr.write(`select: ${out.size} of ${jobs.length} runs\n`);
      if (out.size === jobs.length) resolve(out);
      feed();
    });
    child.on('error', reject);
    child.on('exit', (code) => { if (code !== 0 && code !== null && out.size < jobs.length) reject(new Error(`select worker exited with ${code}`)); });
    feed();
  }
});

const main = async (): Promise<void> => {
  const files = readdirSync(join(ROOT, 'traces')).filter((f) => f.endsWith('.csv')).sort();
  const jobs: Job[] = [];
  for (const file of files) for (let seed = 1; seed <= SEEDS; seed += 1) {
    for (const point of BAR_BASELINES) jobs.push({ id: jobs.length, file, point, candidate: null, seed });
    CANDIDATES.forEach((_, c) => jobs.push({ id: jobs.length, file, point: 'controller', candidate: c, seed }));
  }
  const res = await run(jobs);
  const stat = (file: string, point: string, candidate: number | null, f: (s: RunSummary) => number): number =>
    median(jobs.filter((j) => j.file === file && j.point === point && j.candidate === candidate).map((j) => f(res.get(j.id)!)));
  const scored = CANDIDATES.map((candidate, c) => score(candidate, files.map((file): TraceFigures => ({
    trace: file.replace('.csv', ''),
    sloMinutes: stat(file, 'controller', c, (s) => s.sloViolationMinutes),
    costUsd: stat(file, 'controller', c, (s) => s.costUsd),
    bar: median(BAR_BASELINES.map((b) => stat(file, b, null, (s) => s.sloViolationMinutes))),
    cheapestUsd: Math.min(...BAR_BASELINES.map((b) => stat(file, b, null, (s) => s.costUsd))),
  }))));
  console.log(`bench:select, ${SEEDS} seed(s), ${files.length} shipped trace(s), windows view; bar = median of ${BAR_BASELINES.join(', ')}`);
  for (const s of scored) {
    console.log(`${candidateName(s.candidate)}: ${s.over} trace(s) over the bar, mean cost x${s.relativeCost.toFixed(4)} of the cheapest bar baseline`);
    for (const t of s.traces) console.log(`    ${t.trace}: $${t.costUsd.toFixed(2)} (x${(t.costUsd / t.cheapestUsd).toFixed(3)}), SLO ${t.sloMinutes} min (bar ${t.bar})`);
  }
  const { chosen, admissible } = choose(scored);
  const c = chosen.candidate;
  console.log(`\nchosen: ${candidateName(c)}${admissible ? '' : ` (no candidate admissible; ${chosen.over} trace(s) over the bar)`}`);
  console.log(`config/autoscaler.yaml: policies.cpu.target ${c.utilisation}, policies.requestRate.targetPerInstance ${(DEFAULT_PARAMS.capacityPerInstance * c.utilisation) / 100}, forecast ${c.forecast ? 'present (mode act)' : 'absent'}, stabilization.scaleOutSeconds ${c.scaleOutSeconds ?? 0}, stabilization.scaleInSeconds ${c.scaleInSeconds ?? 'as shipped'}, stepLimits.in.percent ${c.scaleInPercent ?? 'as shipped'}`);
};

if (process.argv.includes('--worker')) worker();
else void main().catch((e: unknown) => { console.error(e); process.exitCode = 1; });
