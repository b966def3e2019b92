// The simulated world for one policy on one trace: a group, its CloudWatch, faults and prices, one minute at a time.
import type { GroupConfig } from '../policies/config';
import { distributionFor } from '../policies/capacity-mode';
import { activeWindow } from '../policies/time-window';
import { within, type Faults } from './faults';
import { addWarmInstance, asgTick, createGroup, onDemandWanted, running, type SimGroup } from './fleet';
import { createMetricStore, type MetricStore } from './metric-store';
import type { Prices, Slo, WorldParams } from './params';
import { createRng, type Rng } from './rng';
import type { Trace } from './trace';
import { trafficMinute, type MinuteMetrics } from './traffic';

export interface World {
  readonly config: GroupConfig;
  readonly group: SimGroup;
  readonly store: MetricStore;
  readonly params: WorldParams;
  readonly prices: Prices;
  readonly slo: Slo;
  readonly trace: Trace;
  readonly faults: Faults;
  readonly rng: Rng;
  readonly capacitySchedule?: 'on-demand' | 'windows';
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
  /** 'windows': the world applies the config windows' capacity modes to the group (baselines); default 'on-demand'. */
  readonly capacitySchedule?: 'on-demand' | 'windows';
}

export const createWorld = (o: WorldOptions): World => {
  const start = o.trace.minutes[0] ?? 0;
  const group = createGroup(o.config.autoScalingGroupName, o.config.capacity.min, o.config.capacity.max, o.config.capacity.desired,
    distributionFor(o.config.capacityMode.default, o.config.capacityMode));
  // Warm start, the same for every policy: the group has run for an hour, sized for the first minute's load
  // at the CPU target (and never below its configured desired capacity).
  const target = (o.config.policies.cpu?.target ?? 60) / 100;
  const firstNeed = Math.ceil((o.trace.requests[0] ?? 0) / (o.params.capacityPerInstance * target) - 1e-9);
  group.desired = Math.min(group.max, Math.max(group.desired, firstNeed));
  const onDemand = onDemandWanted(group.distribution, group.desired);
  for (let k = 0; k < group.desired; k += 1) addWarmInstance(group, k < onDemand ? 'on-demand' : 'spot', start - 3600_000);
  return { ...o, group, store: createMetricStore(o.params.metricDelaySeconds * 1000), rng: createRng(o.seed), now: start };
};

export interface Minute extends MinuteMetrics {
  readonly t: number;
  readonly desired: number;
  readonly onDemand: number;
  readonly spot: number;
  readonly cost: number;
  readonly violation: boolean;
}

const interrupt = (w: World, t: number, forced: boolean): void => {
  const spots = w.group.instances.filter((i) => i.market === 'spot' && i.state === 'in-service' && i.interruptAt === undefined);
  if (forced) {
    const oldest = [...spots].sort((a, b) => a.launchedAt - b.launchedAt)[0];
    if (oldest) oldest.interruptAt = t + 120_000;
    return;
  }
  for (const i of spots) if (w.rng.next() < w.params.spotInterruptionPerHour / 60) i.interruptAt = t + 120_000;
};

/** Advances the world through minute m: faults, the ASG, traffic, metrics, cost. */
export const stepMinute = (w: World, m: number): Minute => {
  const t = w.trace.minutes[m]!;
  w.now = t;
  if (w.faults.spotInterruptions?.includes(t)) interrupt(w, t, true);
  interrupt(w, t, false);
  if (w.faults.brokenInstanceAt?.includes(t)) {
    const victim = w.group.instances.filter((i) => i.state === 'in-service' && !i.broken).sort((a, b) => a.launchedAt - b.launchedAt)[0];
    if (victim) victim.broken = true;
  }
  if (w.capacitySchedule === 'windows') {
    const c = w.config;
    w.group.distribution = distributionFor(activeWindow(c.windows, t, c.timeZone)?.mode ?? c.capacityMode.default, c.capacityMode);
  }
  asgTick(w.group, t, w.params);
  const metrics = trafficMinute(w.group, w.trace.requests[m]!, {
    dependencyDown: within(w.faults.dependencyOutage, t) !== undefined,
    appErrorShare: within(w.faults.appFault, t)?.errorShare ?? 0,
  }, w.params);
  w.store.record('cpu', t, metrics.cpu);
  w.store.record('memory', t, metrics.memory);
  w.store.record('latency', t, metrics.latencyP90);
  w.store.record('requests', t, metrics.requests);
  w.store.record('unhealthyHosts', t, metrics.unhealthyTargets);
  w.store.record('healthyHosts', t, metrics.healthyTargets);
  // ALBRequestCountPerTarget: RequestCount / healthy targets (ELB CloudWatch metrics), all registered when none is healthy.
  const perTarget = metrics.healthyTargets > 0 ? metrics.healthyTargets : metrics.unhealthyTargets;
  w.store.record('requestCountPerTarget', t, perTarget > 0 ? metrics.requests / perTarget : metrics.requests);
  if (metrics.requests > 0) w.store.record('errorRate', t, metrics.errorPercent);
  const run = running(w.group);
  const onDemand = run.filter((i) => i.market === 'on-demand').length;
  const spot = run.length - onDemand;
  const reserved = w.config.capacityMode.reservedInstances;
  // Reserved instances are paid whether used or not; they cover that many running on-demand instances.
  const cost = (reserved * w.prices.reserved + Math.max(0, onDemand - reserved) * w.prices.onDemand + spot * w.prices.spot) / 60;
  return {
    ...metrics, t, desired: w.group.desired, onDemand, spot, cost,
    violation: metrics.latencyP90 > w.slo.latencyP90Seconds || metrics.errorPercent > w.slo.errorPercent,
  };
};
