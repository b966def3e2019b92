// `simulate --trace FILE`: the controller and every baseline point of the sweep on a trace, over seeds, in the
// simulated world, with the cost-SLO frontier verdict; no AWS at all.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { findGroup } from '../../controller/config';
import { EventParseError } from '../../controller/errors';
import { DEFAULT_SLO } from '../../sim/params';
import { htmlReport } from '../../sim/report-html';
import { summaryJson, summaryText } from '../format-simulation';
import { envelope } from '../json';
import { createProgress } from '../progress';
import { POINTS, selectPoints } from '../../sim/policies/catalogue';
import { simulate, type SimulationReport } from '../../sim/simulate';
import { loadTrace, sliceDay } from '../../sim/trace';
import { configOf, globals, type CliContext } from '../context';

export interface SimulateOptions {
  trace: string;
  day?: string;
  group?: string;
  seed?: string;
  seeds?: string;
  report?: string;
  policies?: string;
  sloLatency?: string;
  sloErrors?: string;
}

const positive = (v: string | undefined, flag: string, fallback: number): number => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new EventParseError([`${flag}: "${v}" must be a positive number`]);
  return n;
};

export const runSimulation = async (ctx: CliContext, cmd: Command, o: SimulateOptions): Promise<SimulationReport> => {
  const g = globals(cmd);
  const config = configOf(g);
  const group = o.group ? findGroup(config, o.group) : config.groups[0]!;
  const seed = o.seed === undefined ? 1 : Number(o.seed);
  if (!Number.isInteger(seed)) throw new EventParseError([`--seed: "${o.seed}" is not an integer`]);
  const count = o.seeds === undefined ? 1 : Number(o.seeds);
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new EventParseError([`--seeds: "${o.seeds}" must be an integer from 1 to 100`]);
  // --seeds N runs seeds seed, seed+1, ... seed+N-1.
  const seeds = Array.from({ length: count }, (_, k) => seed + k);
  const policies = o.policies?.split(',').map((p) => p.trim());
  const unknown = policies ? selectPoints(policies).unknown : [];
  if (unknown.length > 0) throw new EventParseError([`--policies: unknown ${unknown.join(', ')}; known: ${POINTS.map((p) => p.name).join(', ')} (or a family: ${[...new Set(POINTS.map((p) => p.family))].join(', ')})`]);
  const slo = { latencyP90Seconds: positive(o.sloLatency, '--slo-latency', DEFAULT_SLO.latencyP90Seconds), errorPercent: positive(o.sloErrors, '--slo-errors', DEFAULT_SLO.errorPercent) };
  // Progress goes to stderr and only on a terminal, after a second: --json on stdout stays clean for scripts.
  const progress = createProgress('simulate');
  const report = await simulate({
    trace: sliceDay(loadTrace(o.trace), o.day), config: group, seeds, slo, ...(policies ? { policies } : {}),
    onProgress: (done, total, what) => progress.update(done, total, what),
  }).finally(() => progress.end());
  if (o.report) {
    const path = resolve(o.report);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, htmlReport(report, group.policies.cpu ? { cpuTargetPercent: group.policies.cpu.target } : {}));
  }
  if (g.json) ctx.io.out(JSON.stringify(envelope('simulation', { ...summaryJson(report), report: o.report ? resolve(o.report) : null }), null, 2));
  else {
    ctx.io.out(summaryText(report));
    if (o.report) ctx.io.out(`\nHTML report: ${resolve(o.report)} (self-contained; open it in any browser, offline)`);
  }
  return report;
};

export const simulateCommand = (program: Command, ctx: CliContext): void => {
  program
    .command('simulate')
    .requiredOption('--trace <file>', 'CSV of minute,requests (see traces/)')
    .option('--day <YYYY-MM-DD>', 'only this UTC day of the trace')
    .option('--group <name>', 'configured group to simulate (default: the first)')
    .option('--seed <n>', 'random seed (the first, with --seeds); the same seed gives the same report', '1')
    .option('--seeds <n>', 'run this many seeds (seed, seed+1, ...) and report the median and range of each figure', '1')
    .option('--report <file>', 'write the HTML report here')
    .option('--policies <list>', `comma-separated points (aws-tt-cpu@60) or families (${[...new Set(POINTS.map((p) => p.family))].join(', ')})`)
    .option('--slo-latency <seconds>', 'SLO: p90 latency bound of a minute', String(DEFAULT_SLO.latencyP90Seconds))
    .option('--slo-errors <percent>', 'SLO: 5xx share bound of a minute', String(DEFAULT_SLO.errorPercent))
    .description('backtest the controller and the baselines on a traffic trace in the simulated world (no AWS)')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler simulate --trace traces/worldcup98-1998-07-06-semifinal-flash-crowd.csv --day 1998-07-07 --report reports/semifinal.html')
    .action(async (o: SimulateOptions, cmd: Command) => {
      await runSimulation(ctx, cmd, o);
    });
};
