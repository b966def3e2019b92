// A simulation: one trace, one world, the controller and every baseline point of the sweep, over seeds, in two
// capacity views (all on-demand; the config's capacity-mode schedule for every policy), with the cost-SLO frontier.
import type { GroupConfig } from '../policies/config';
import type { Faults } from './faults';
import { frontier, type FrontierResult } from './frontier';
import { DEFAULT_PARAMS, DEFAULT_SLO, US_EAST_1_T3_MEDIUM, type Prices, type Slo, type WorldParams } from './params';
import { POINTS, selectPoints, type PolicyPoint } from './policies/catalogue';
import { runPolicy, type RunResult } from './run';
import { pointStats, type CapacitySchedule, type PointStats } from './stats';
import type { RunSummary } from './summary';
import { scaled, scaleFactor, type Trace } from './trace';
import type { WorldOptions } from './world';

export interface SimulationOptions {
  readonly trace: Trace;
  readonly config: GroupConfig;
  /** One seed; `seeds` wins when both are given. */
  readonly seed?: number;
  readonly seeds?: readonly number[];
  readonly params?: WorldParams;
  readonly prices?: Prices;
  readonly slo?: Slo;
  readonly faults?: Faults;
  /** Point names (`aws-tt-cpu@60`) or families (`aws-tt-cpu`); default all. */
  readonly policies?: readonly string[];
  /** Default both, 'windows' first: the equal-footing view carries the headline verdict. */
  readonly schedules?: readonly CapacitySchedule[];
  /** Called after each run (one policy point, one view, one seed): the CLI draws its progress line from it. */
  readonly onProgress?: (done: number, total: number, what: string) => void;
}

export interface SimulationView {
  readonly schedule: CapacitySchedule;
  readonly policies: readonly PointStats[];
  /** Present when the view has the controller and at least one baseline point. */
  readonly frontier?: FrontierResult;
}

export interface SimulationReport {
  readonly trace: { readonly name: string; readonly minutes: number; readonly from: string; readonly to: string; readonly scaleFactor: number; readonly peakRequestsPerMinute: number };
  /** The first seed (the runs below are of it). */
  readonly seed: number;
  readonly seeds: readonly number[];
  readonly group: string;
  readonly slo: Slo;
  readonly prices: Prices;
  /** Minute-by-minute runs of the first seed in the first view: the headline points (or every point asked for). */
  readonly runs: readonly RunResult[];
  readonly views: readonly SimulationView[];
  /** The first view's frontier and the controller's place on it. */
  readonly frontier?: FrontierResult;
}

/** The same group with every capacity mode on-demand: the all-on-demand view. */
export const onDemandConfig = (c: GroupConfig): GroupConfig => ({
  ...c, capacityMode: { ...c.capacityMode, default: 'reserved' }, windows: c.windows.map(({ mode: _mode, ...w }) => w),
});

/** The world options of one point in one view. The controller applies its own windows; the world does it for the rest. */
export const pointWorld = (point: PolicyPoint, base: Omit<WorldOptions, 'capacitySchedule'>, schedule: CapacitySchedule): WorldOptions => {
  const config = schedule === 'on-demand' ? onDemandConfig(base.config) : base.config;
  if (point.kind === 'controller') return { ...base, config };
  return { ...base, config, capacitySchedule: schedule };
};

/** The trace as every policy sees it: scaled by one factor that depends on no policy's setting. */
export const scaledTrace = (trace: Trace, config: GroupConfig, params: WorldParams): { trace: Trace; factor: number } => {
  const factor = scaleFactor(trace, config.capacity.max, params);
  return { trace: scaled(trace, factor), factor };
};

export const frontierOf = (policies: readonly PointStats[]): FrontierResult | undefined => {
  const c = policies.find((p) => p.kind === 'controller');
  const baselines = policies.filter((p) => p.kind === 'baseline');
  if (!c || baselines.length === 0) return undefined;
  return frontier({ costUsd: c.costUsd.median, requestsFailed: c.requestsFailed.median },
    baselines.map((p) => ({ policy: p.policy, setting: p.setting, costUsd: p.costUsd.median, requestsFailed: p.requestsFailed.median })));
};

export const simulate = async (o: SimulationOptions): Promise<SimulationReport> => {
  const params = o.params ?? DEFAULT_PARAMS;
  const { trace, factor } = scaledTrace(o.trace, o.config, params);
  const seeds = o.seeds ?? [o.seed ?? 1];
  const selected = o.policies ? selectPoints(o.policies).points : [...POINTS];
  const keep = (p: PolicyPoint) => (o.policies ? true : p.headline);
  const schedules = o.schedules ?? ['windows', 'on-demand'];
  const runs: RunResult[] = [];
  const views: SimulationView[] = [];
  const total = schedules.length * selected.length * seeds.length;
  let done = 0;
  for (const [v, schedule] of schedules.entries()) {
    const policies: PointStats[] = [];
    for (const point of selected) {
      const summaries: RunSummary[] = [];
      for (const [k, seed] of seeds.entries()) {
        const base = { config: o.config, trace, params, prices: o.prices ?? US_EAST_1_T3_MEDIUM, slo: o.slo ?? DEFAULT_SLO, faults: o.faults ?? {}, seed };
        const kept = v === 0 && k === 0 && keep(point);
        const run = await runPolicy(point.factory, pointWorld(point, base, schedule), { minutes: kept });
        summaries.push(run.summary);
        done += 1;
        o.onProgress?.(done, total, `${point.name} (${schedule}, seed ${seed})`);
        if (kept) runs.push(run);
      }
      policies.push(pointStats(point, schedule, summaries));
    }
    const f = frontierOf(policies);
    views.push({ schedule, policies, ...(f ? { frontier: f } : {}) });
  }
  return {
    trace: {
      name: o.trace.name, minutes: trace.minutes.length, from: new Date(trace.minutes[0]!).toISOString(), to: new Date(trace.minutes.at(-1)!).toISOString(),
      scaleFactor: factor, peakRequestsPerMinute: Math.max(...trace.requests),
    },
    seed: seeds[0]!, seeds, group: o.config.name, slo: o.slo ?? DEFAULT_SLO, prices: o.prices ?? US_EAST_1_T3_MEDIUM, runs, views,
    ...(views[0]?.frontier ? { frontier: views[0].frontier } : {}),
  };
};
