// A simulation: one trace, one world, the controller and every baseline; deterministic for a seed.
import type { GroupConfig } from '../policies/config';
import type { Faults } from './faults';
import { DEFAULT_PARAMS, DEFAULT_SLO, US_EAST_1_T3_MEDIUM, type Prices, type Slo, type WorldParams } from './params';
import { awsStepScaling } from './policies/aws-step-scaling';
import { awsTargetTracking } from './policies/aws-target-tracking';
import { controller } from './policies/controller';
import { fixedPeak } from './policies/fixed';
import { hpa } from './policies/hpa';
import { oracle } from './policies/oracle';
import type { PolicyFactory } from './policies/policy';
import { runPolicy, type RunResult } from './run';
import { scaled, scaleFactor, type Trace } from './trace';

export const POLICIES: Readonly<Record<string, PolicyFactory>> = {
  controller, 'aws-target-tracking': awsTargetTracking, 'aws-step-scaling': awsStepScaling, hpa, 'fixed-peak': fixedPeak, oracle,
};

export interface SimulationOptions {
  readonly trace: Trace;
  readonly config: GroupConfig;
  readonly seed?: number;
  readonly params?: WorldParams;
  readonly prices?: Prices;
  readonly slo?: Slo;
  readonly faults?: Faults;
  readonly policies?: readonly string[];
}

export interface SimulationReport {
  readonly trace: { readonly name: string; readonly minutes: number; readonly from: string; readonly to: string; readonly scaleFactor: number; readonly peakRequestsPerMinute: number };
  readonly seed: number;
  readonly group: string;
  readonly slo: Slo;
  readonly prices: Prices;
  readonly runs: readonly RunResult[];
}

export const simulate = async (o: SimulationOptions): Promise<SimulationReport> => {
  const params = o.params ?? DEFAULT_PARAMS;
  const factor = scaleFactor(o.trace, o.config.capacity.max, params);
  const trace = scaled(o.trace, factor);
  const seed = o.seed ?? 1;
  const world = { config: o.config, trace, params, prices: o.prices ?? US_EAST_1_T3_MEDIUM, slo: o.slo ?? DEFAULT_SLO, faults: o.faults ?? {}, seed };
  const runs: RunResult[] = [];
  for (const name of o.policies ?? Object.keys(POLICIES)) runs.push(await runPolicy(POLICIES[name]!, world));
  return {
    trace: {
      name: o.trace.name, minutes: trace.minutes.length, from: new Date(trace.minutes[0]!).toISOString(), to: new Date(trace.minutes.at(-1)!).toISOString(),
      scaleFactor: factor, peakRequestsPerMinute: Math.max(...trace.requests),
    },
    seed, group: o.config.name, slo: world.slo, prices: world.prices, runs,
  };
};
