// What a run is judged by: money, minutes outside the SLO, churn, and how long load waited for capacity.
import { maxUtilizationFor } from './load-model';
import type { Minute, World } from './world';

export interface RunSummary {
  readonly policy: string;
  readonly describe: string;
  readonly costUsd: number;
  readonly sloViolationMinutes: number;
  readonly scalingActions: number;
  readonly replacements: number;
  readonly instanceHours: { readonly onDemand: number; readonly spot: number; readonly reservedPaid: number };
  /** The longest stretch, in minutes, in which healthy serving capacity was below what the load needed. */
  readonly longestUnderCapacityMinutes: number;
  readonly peakInstances: number;
  readonly minutes: number;
  // Shim (baselines branch) for the fields the world engineer adds; replaced at merge by the world's versions.
  readonly reservedCostUsd: number;
  readonly variableCostUsd: number;
  readonly requestsTotal: number;
  readonly requestsFailed: number;
  readonly requestsSlow: number;
  readonly meanUtilisation: number;
}

/** Instances the load of a minute needs at the highest utilization that meets the SLO latency (capped at max). */
export const needOf = (world: World) => {
  const rho = maxUtilizationFor(world.slo.latencyP90Seconds, world.params);
  return (requests: number): number => Math.min(world.config.capacity.max, Math.ceil(requests / (world.params.capacityPerInstance * rho) - 1e-9));
};

export const summarize = (world: World, policy: { name: string; describe: string }, minutes: readonly Minute[], actions: number, replacements: number): RunSummary => {
  const need = needOf(world);
  let longest = 0;
  let stretch = 0;
  for (const m of minutes) {
    stretch = m.serving < need(m.requests) ? stretch + 1 : 0;
    longest = Math.max(longest, stretch);
  }
  const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
  const costUsd = round(minutes.reduce((s, m) => s + m.cost, 0), 4);
  const reservedCostUsd = round((world.config.capacityMode.reservedInstances * world.prices.reserved * minutes.length) / 60, 4);
  let requestsTotal = 0;
  let requestsFailed = 0;
  let requestsSlow = 0;
  let servedCapacity = 0;
  for (const m of minutes) {
    requestsTotal += m.requests;
    requestsFailed += m.errors;
    // Shim: a minute's p90 above the bound means at least its slowest 10 % of served requests were slow.
    if (m.latencyP90 > world.slo.latencyP90Seconds) requestsSlow += Math.max(0, m.requests - m.errors) * 0.1;
    servedCapacity += m.serving * world.params.capacityPerInstance;
  }
  return {
    reservedCostUsd, variableCostUsd: round(costUsd - reservedCostUsd, 4),
    requestsTotal: Math.round(requestsTotal), requestsFailed: Math.round(requestsFailed), requestsSlow: Math.round(requestsSlow),
    meanUtilisation: servedCapacity > 0 ? round(requestsTotal / servedCapacity, 4) : 0,
    policy: policy.name, describe: policy.describe,
    costUsd: round(minutes.reduce((s, m) => s + m.cost, 0), 4),
    sloViolationMinutes: minutes.filter((m) => m.violation).length,
    scalingActions: actions, replacements,
    instanceHours: {
      onDemand: round(minutes.reduce((s, m) => s + m.onDemand, 0) / 60),
      spot: round(minutes.reduce((s, m) => s + m.spot, 0) / 60),
      reservedPaid: round((world.config.capacityMode.reservedInstances * minutes.length) / 60),
    },
    longestUnderCapacityMinutes: longest,
    peakInstances: Math.max(0, ...minutes.map((m) => m.onDemand + m.spot)),
    minutes: minutes.length,
  };
};
