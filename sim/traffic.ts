// One minute of traffic: the ALB spreads requests over healthy targets (failing open when none is healthy),
// the load model turns them into CPU, memory, latency and errors, and health checks run every 30 s.
import type { SimGroup, SimInstance } from './fleet';
import { instanceLoad } from './load-model';
import type { WorldParams } from './params';

export interface MinuteMetrics {
  readonly requests: number;
  readonly errors: number;
  readonly errorPercent: number;
  readonly latencyP90: number;
  readonly cpu: number;
  readonly memory: number;
  readonly healthyTargets: number;
  readonly unhealthyTargets: number;
  /** In service and healthy: the capacity that served. */
  readonly serving: number;
}

export interface Conditions {
  readonly dependencyDown: boolean;
  readonly appErrorShare: number;
}

// ALB health check timeout default: a check waiting behind a saturated queue fails.
const HEALTH_TIMEOUT_SECONDS = 5;
const FAST_FAILURE_SECONDS = 0.05;

const routable = (g: SimGroup): SimInstance[] => {
  const registered = g.instances.filter((i) => i.state === 'in-service' && i.target !== 'initial' && i.target !== 'unused');
  const healthy = registered.filter((i) => i.target === 'healthy');
  // ALB fails open: with no healthy target it routes to every registered one.
  return healthy.length > 0 ? healthy : registered;
};

const check = (i: SimInstance, passed: boolean, p: WorldParams): void => {
  if (passed) {
    i.passes += 1;
    i.fails = 0;
    if (i.target !== 'healthy' && i.passes >= p.healthyThreshold) i.target = 'healthy';
  } else {
    i.fails += 1;
    i.passes = 0;
    if (i.fails >= p.unhealthyThreshold) i.target = 'unhealthy';
  }
};

export const trafficMinute = (g: SimGroup, requests: number, c: Conditions, p: WorldParams): MinuteMetrics => {
  const targets = routable(g);
  const perInstance = targets.length > 0 ? requests / targets.length : 0;
  const load = instanceLoad(perInstance, p);
  let errors = 0;
  let latencyWeighted = 0;
  for (const i of targets) {
    if (c.dependencyDown || i.broken) {
      errors += perInstance;
      latencyWeighted += perInstance * FAST_FAILURE_SECONDS;
    } else {
      errors += perInstance * (load.overloadErrors + c.appErrorShare + p.baseErrorPercent / 100);
      latencyWeighted += perInstance * load.latencyP90;
    }
  }
  if (targets.length === 0) errors = requests;
  const running = g.instances.filter((i) => i.state === 'in-service' || i.state === 'draining');
  const cpuOf = (i: SimInstance) => (targets.includes(i) && !c.dependencyDown && !i.broken ? load.cpu : p.idleCpuPercent);
  const memOf = (i: SimInstance) => (targets.includes(i) ? load.memory : p.baseMemoryPercent);
  // Health checks: two per minute at a 30 s interval.
  const checks = Math.max(1, Math.round(60 / p.healthCheckIntervalSeconds));
  for (const i of g.instances.filter((x) => x.state === 'in-service')) {
    const served = targets.includes(i) ? load : instanceLoad(0, p);
    const passed = !c.dependencyDown && !i.broken && served.latencyP90 < HEALTH_TIMEOUT_SECONDS;
    for (let k = 0; k < checks; k += 1) check(i, passed, p);
  }
  const inService = g.instances.filter((i) => i.state === 'in-service');
  return {
    requests,
    errors,
    errorPercent: requests > 0 ? (100 * errors) / requests : 0,
    latencyP90: targets.length === 0 ? p.timeoutSeconds : requests > 0 ? latencyWeighted / requests : p.baseLatencyP90,
    cpu: running.length > 0 ? running.reduce((s, i) => s + cpuOf(i), 0) / running.length : 0,
    memory: running.length > 0 ? running.reduce((s, i) => s + memOf(i), 0) / running.length : 0,
    healthyTargets: inService.filter((i) => i.target === 'healthy').length,
    unhealthyTargets: inService.filter((i) => i.target === 'unhealthy').length,
    serving: targets.filter((i) => i.target === 'healthy' && !i.broken).length,
  };
};
