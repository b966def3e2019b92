// What a run is judged by: money (reserved base and variable), requests failed and slow, minutes outside the SLO,
// churn, peak capacity, and how long load waited for capacity.
import { maxUtilizationFor } from './load-model';
import type { Minute, World } from './world';

export interface RunSummary {
  readonly policy: string;
  readonly describe: string;
  /** Everything paid: reservedCostUsd + variableCostUsd. */
  readonly costUsd: number;
  /** The reserved base, the same for every policy: paid whether used or not. */
  readonly reservedCostUsd: number;
  /** Beyond the reserved base: on-demand and spot instance-hours plus T3 surplus CPU credits. */
  readonly variableCostUsd: number;
  /** Of the variable cost, the surplus CPU credits (t3 unlimited). */
  readonly creditCostUsd: number;
  /** Of the variable cost, the warm pool: first boots into the pool and the EBS volumes of stopped instances. */
  readonly warmPoolCostUsd: number;
  /** Client requests (new requests, not retries). */
  readonly requestsTotal: number;
  /**
   * Client requests that failed for good: 5xx, 504 timeouts and 503s, counted once per request when the client
   * gives up (it did not retry, or its last attempt failed). A request whose retry succeeded is not failed but slow.
   */
  readonly requestsFailed: number;
  /** Client requests served slower than the SLO latency, including every request that needed a retry. */
  readonly requestsSlow: number;
  readonly sloViolationMinutes: number;
  readonly scalingActions: number;
  readonly replacements: number;
  readonly instanceHours: { readonly onDemand: number; readonly spot: number; readonly reservedPaid: number };
  /** The longest stretch, in minutes, in which healthy serving capacity was below what the load needed. */
  readonly longestUnderCapacityMinutes: number;
  readonly peakInstances: number;
  /** Mean busy share of the vCPUs of the instances in service (0..1), over the run's minutes. */
  readonly meanUtilisation: number;
  readonly minutes: number;
}

/** Instances the load of a minute needs at the highest utilization that meets the SLO latency (capped at max). */
export const needOf = (world: World) => {
  const rho = maxUtilizationFor(world.slo.latencyP90Seconds, world.params);
  return (requests: number): number => Math.min(world.config.capacity.max, Math.ceil(requests / (world.params.capacityPerInstance * rho) - 1e-9));
};

/** A run's summary built a minute at a time, so a run that needs only its summary keeps no Minute records. */
export interface SummaryBuilder {
  readonly add: (m: Minute) => void;
  readonly finish: (policy: { name: string; describe: string }, actions: number, replacements: number) => RunSummary;
}

export const summaryBuilder = (world: World): SummaryBuilder => {
  const need = needOf(world);
  let longest = 0;
  let stretch = 0;
  let cost = 0;
  let reserved = 0;
  let variable = 0;
  let credit = 0;
  let warm = 0;
  let total = 0;
  let failed = 0;
  let slow = 0;
  let violations = 0;
  let onDemand = 0;
  let spot = 0;
  let peak = 0;
  let utilisation = 0;
  let count = 0;
  const add = (m: Minute): void => {
    count += 1;
    stretch = m.serving < need(m.fresh) ? stretch + 1 : 0;
    if (stretch > longest) longest = stretch;
    cost += m.cost;
    reserved += m.reservedCost;
    variable += m.variableCost;
    credit += m.creditCost;
    warm += m.warmPoolCost;
    total += m.fresh;
    failed += m.failed;
    slow += m.slow;
    if (m.violation) violations += 1;
    onDemand += m.onDemand;
    spot += m.spot;
    if (m.onDemand + m.spot > peak) peak = m.onDemand + m.spot;
    utilisation += m.utilisation;
  };
  const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
  const finish = (policy: { name: string; describe: string }, actions: number, replacements: number): RunSummary => ({
    policy: policy.name, describe: policy.describe,
    costUsd: round(cost, 4), reservedCostUsd: round(reserved, 4), variableCostUsd: round(variable, 4), creditCostUsd: round(credit, 4), warmPoolCostUsd: round(warm, 4),
    requestsTotal: Math.round(total), requestsFailed: Math.round(failed), requestsSlow: Math.round(slow),
    sloViolationMinutes: violations,
    scalingActions: actions, replacements,
    instanceHours: {
      onDemand: round(onDemand / 60),
      spot: round(spot / 60),
      reservedPaid: round((world.config.capacityMode.reservedInstances * count) / 60),
    },
    longestUnderCapacityMinutes: longest,
    peakInstances: peak,
    meanUtilisation: round(count > 0 ? utilisation / count : 0, 4),
    minutes: count,
  });
  return { add, finish };
};

export const summarize = (world: World, policy: { name: string; describe: string }, minutes: readonly Minute[], actions: number, replacements: number): RunSummary => {
  const b = summaryBuilder(world);
  for (const m of minutes) b.add(m);
  return b.finish(policy, actions, replacements);
};
