// The simulated world for one policy on one trace: a group, its CloudWatch, faults and prices, one minute at a time.
// Two seeded random streams: traffic (arrival counts, request mix) draws the same numbers whatever the policy
// does, so every policy meets the same realised load for a seed; the fleet stream (boot times, flaky checks,
// spot interruptions) follows the fleet.
import type { GroupConfig } from '../policies/config';
import { distributionFor, sameDistribution } from '../policies/capacity-mode';
import { scheduledDistribution, type CapacitySchedule } from './capacity-schedule';
import { within, type Faults } from './faults';
import { addWarmInstance, asgTick, createGroup, onDemandWanted, type SimGroup } from './fleet';
import { createMetricStore, type MetricStore } from './metric-store';
import { sizingCapacity, type Prices, type Slo, type WorldParams } from './params';
import { createRng, negativeBinomial, normal, type Rng } from './rng';
import { spotMinute, type SpotSignal } from './spot';
import type { Trace } from './trace';
import { trafficMinute, type MinuteMetrics } from './traffic';
import { warmPoolMinuteCost } from './warm-pool';

export interface World {
  readonly config: GroupConfig;
  readonly group: SimGroup;
  readonly store: MetricStore;
  readonly params: WorldParams;
  readonly prices: Prices;
  readonly slo: Slo;
  readonly trace: Trace;
  readonly faults: Faults;
  /** The fleet's random stream (boot times, flaky health checks, spot interruptions). */
  readonly rng: Rng;
  /** The traffic's random stream: one fixed sequence of draws per minute, whatever the fleet. */
  readonly trafficRng: Rng;
  readonly capacitySchedule: CapacitySchedule | undefined;
  /** Client retries waiting for the next minute, by the attempt they will be: [second, third, ...]. */
  readonly retries: number[];
  /** The Spot signals EC2 emitted in the latest minute (sim/spot.ts; `spotEventOf` makes them EventBridge events). */
  readonly spotSignals: SpotSignal[];
  now: number;
}

export interface WorldOptions {
  readonly config: GroupConfig;
  readonly trace: Trace;
  readonly params: WorldParams;
  readonly prices: Prices;
  readonly slo: Slo;
  readonly faults: Faults;
  readonly seed: number;
  /**
   * The capacity-mode schedule the world applies (see capacity-schedule.ts). Omitted: the group starts in the
   * config's default mode and the distribution is the policy's own business (the controller's windows).
   */
  readonly capacitySchedule?: CapacitySchedule;
  /**
   * The group's Capacity Rebalancing (default on: a competent operator turns it on wherever Spot runs, and every
   * policy gets the same group options).
   */
  readonly capacityRebalance?: boolean;
}

/** Instances the load of a minute needs at the documented sizing utilisation. */
export const sizedFor = (requests: number, p: WorldParams): number => Math.ceil(requests / sizingCapacity(p) - 1e-9);

export const createWorld = (o: WorldOptions): World => {
  const start = o.trace.minutes[0] ?? 0;
  const distribution = o.capacitySchedule === undefined
    ? distributionFor(o.config.capacityMode.default, o.config.capacityMode)
    : scheduledDistribution(o.config, o.capacitySchedule, start);
  const group = createGroup(o.config.autoScalingGroupName, o.config.capacity.min, o.config.capacity.max, o.config.capacity.desired, distribution);
  group.capacityRebalance = o.capacityRebalance ?? true;
  // Warm start, the same for every policy: the group has run for an hour, sized for the first minute's load at the
  // documented sizing utilisation (and never below its configured desired capacity). No policy setting enters.
  group.desired = Math.min(group.max, Math.max(group.desired, sizedFor(o.trace.requests[0] ?? 0, o.params)));
  const onDemand = onDemandWanted(group.distribution, group.desired);
  for (let k = 0; k < group.desired; k += 1) addWarmInstance(group, k < onDemand ? 'on-demand' : 'spot', start - 3600_000);
  return {
    config: o.config, trace: o.trace, params: o.params, prices: o.prices, slo: o.slo, faults: o.faults,
    group, store: createMetricStore(o.params.metricDelaySeconds * 1000),
    rng: createRng(o.seed), trafficRng: createRng((o.seed ^ 0x2545f491) | 0), capacitySchedule: o.capacitySchedule,
    retries: new Array<number>(Math.max(0, o.params.maxAttempts - 1)).fill(0), spotSignals: [], now: start,
  };
};

export interface Minute extends MinuteMetrics {
  readonly t: number;
  readonly desired: number;
  readonly onDemand: number;
  readonly spot: number;
  /** Everything paid for the minute: reservedCost + variableCost. */
  readonly cost: number;
  /** The reserved base, paid whether used or not. */
  readonly reservedCost: number;
  /** Beyond the reserved base: on-demand and spot instance-minutes, surplus CPU credits and the warm pool. */
  readonly variableCost: number;
  readonly creditCost: number;
  /** Of the variable cost, the warm pool: its instances' first boots and the volumes of stopped ones. */
  readonly warmPoolCost: number;
  /** Instances in the warm pool at the minute's end (none without a pool). */
  readonly warmPool: number;
  /** New client requests this minute (not retries), and those the client gave up on after failed attempts. */
  readonly fresh: number;
  readonly failed: number;
  /** Client requests served slower than the SLO latency, counting every request that needed a retry. */
  readonly slow: number;
  readonly violation: boolean;
}

const applySchedule = (w: World, t: number): void => {
  if (w.capacitySchedule !== 'windows') return;
  const wanted = scheduledDistribution(w.config, 'windows', t);
  if (!w.group.distribution || !sameDistribution(w.group.distribution, wanted)) w.group.distribution = wanted;
};

/** Advances the world through minute m: faults, the schedule, the ASG, traffic, metrics, cost. */
export const stepMinute = (w: World, m: number): Minute => {
  const t = w.trace.minutes[m]!;
  const p = w.params;
  w.now = t;
  // The traffic stream first, always the same draws per minute: the realised arrivals and the request mix.
  const fresh = negativeBinomial(w.trafficRng, w.trace.requests[m]!, p.arrivalDispersionShape);
  const mix = Math.exp(p.serviceMixCv * normal(w.trafficRng) - (p.serviceMixCv * p.serviceMixCv) / 2);
  w.spotSignals.length = 0;
  spotMinute(w.group, t, w.faults.spotInterruptions?.includes(t) === true, p, w.rng, w.spotSignals);
  if (w.faults.brokenInstanceAt?.includes(t)) {
    let victim: World['group']['instances'][number] | undefined;
    for (const i of w.group.instances) if (i.state === 'in-service' && !i.broken && (!victim || i.launchedAt < victim.launchedAt)) victim = i;
    if (victim) victim.broken = true;
  }
  applySchedule(w, t);
  asgTick(w.group, t, p, w.rng);
  // Attempts: new requests plus the retries of last minute's failures, by attempt number.
  const r = w.retries;
  let retried = 0;
  for (let k = 0; k < r.length; k += 1) retried += r[k]!;
  const attempts = fresh + retried;
  const metrics = trafficMinute(w.group, attempts, {
    dependencyDown: within(w.faults.dependencyOutage, t) !== undefined,
    appErrorShare: within(w.faults.appFault, t)?.errorShare ?? 0,
    serviceMix: mix,
    slowWaitSeconds: w.slo.latencyP90Seconds - p.baseLatencyP90,
  }, p, w.rng);
  // Every attempt of the minute shares its failure rate: a share retries next minute, the last attempt gives up.
  const f = attempts > 0 ? Math.min(1, metrics.errors / attempts) : 0;
  let failed = 0;
  for (let k = r.length; k >= 0; k -= 1) {
    const cohort = k === 0 ? fresh : r[k - 1]!;
    const failures = cohort * f;
    const again = k < r.length ? failures * p.retryShare : 0;
    failed += failures - again;
    if (k < r.length) r[k] = again;
  }
  const okShare = 1 - f;
  const slowShare = metrics.served > 0 ? metrics.slowServed / metrics.served : 0;
  const slow = fresh * okShare * slowShare + retried * okShare;
  const store = w.store;
  store.record('cpu', t, metrics.cpu);
  store.record('cpuSamples', t, metrics.cpuSamples);
  store.record('memory', t, metrics.memory);
  store.record('latency', t, metrics.latencyP90);
  store.record('requests', t, metrics.requests);
  store.record('requestCountPerTarget', t, metrics.requestCountPerTarget);
  store.record('unhealthyHosts', t, metrics.unhealthyTargets);
  store.record('healthyHosts', t, metrics.healthyTargets);
  if (metrics.requests > 0) store.record('errorRate', t, metrics.errorPercent);
  let onDemand = 0;
  let spot = 0;
  for (const i of w.group.instances) {
    if (i.state === 'terminated') continue;
    if (i.market === 'on-demand') onDemand += 1;
    else spot += 1;
  }
  const reserved = w.config.capacityMode.reservedInstances;
  // Reserved instances are paid whether used or not; they cover that many running on-demand instances.
  const reservedCost = (reserved * w.prices.reserved) / 60;
  // Surplus credits are charged when an instance terminates owing them, and for every instance at the run's end.
  let credits = w.group.surplusCharged;
  w.group.surplusCharged = 0;
  if (m === w.trace.minutes.length - 1) for (const i of w.group.instances) credits += i.surplus;
  const creditCost = (credits / 60) * p.surplusCreditUsdPerVcpuHour;
  const warmPoolCost = w.group.warmPool ? warmPoolMinuteCost(w.group, p, w.prices, onDemand, reserved) : 0;
  const variableCost = (Math.max(0, onDemand - reserved) * w.prices.onDemand + spot * w.prices.spot) / 60 + creditCost + warmPoolCost;
  return {
    requests: metrics.requests, errors: metrics.errors, errorPercent: metrics.errorPercent, latencyP90: metrics.latencyP90,
    cpu: metrics.cpu, cpuSamples: metrics.cpuSamples, memory: metrics.memory, healthyTargets: metrics.healthyTargets, unhealthyTargets: metrics.unhealthyTargets,
    serving: metrics.serving, served: metrics.served, slowServed: metrics.slowServed, timedOut: metrics.timedOut,
    utilisation: metrics.utilisation, requestCountPerTarget: metrics.requestCountPerTarget,
    t, desired: w.group.desired, onDemand, spot, cost: reservedCost + variableCost, reservedCost, variableCost, creditCost, warmPoolCost,
    warmPool: w.group.warmPool ? w.group.warmPool.instances.length : 0,
    fresh, failed, slow,
    violation: metrics.latencyP90 > w.slo.latencyP90Seconds || metrics.errorPercent > w.slo.errorPercent,
  };
};
