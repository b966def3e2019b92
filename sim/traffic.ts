// One minute of traffic: the ALB spreads the minute's attempts over the targets it routes to, each instance's
// queue serves them (backlog carried over, 504 past the timeout), and the health checks run every 30 s against
// the wait a check would see; CPU credits are earned and spent. Loops over the instances, no per-minute arrays.
import { healthCheck, routes, routing } from './alb';
import type { SimGroup, SimInstance } from './fleet';
import { cpuOf } from './load-model';
import type { WorldParams } from './params';
import { queueMinute } from './queue';
import type { Rng } from './rng';

export interface MinuteMetrics {
  /** Attempts the ALB received this minute: new requests plus client retries (ALB RequestCount). */
  readonly requests: number;
  /** Failed attempts: 5xx, 504 timeouts, 503 with no target, and requests lost with a terminated instance. */
  readonly errors: number;
  readonly errorPercent: number;
  readonly latencyP90: number;
  readonly cpu: number;
  /** Instances the CPU average is over (CloudWatch's SampleCount). */
  readonly cpuSamples: number;
  readonly memory: number;
  readonly healthyTargets: number;
  readonly unhealthyTargets: number;
  /** In service and healthy: the capacity that served. */
  readonly serving: number;
  /** Attempts completed successfully, and of those, the ones slower than the SLO latency. */
  readonly served: number;
  readonly slowServed: number;
  readonly timedOut: number;
  /** Mean busy share of the vCPUs of the instances in service or draining (0..1). */
  readonly utilisation: number;
  /** RequestCount / healthy targets (CloudWatch's RequestCountPerTarget). */
  readonly requestCountPerTarget: number;
}

export interface Conditions {
  readonly dependencyDown: boolean;
  readonly appErrorShare: number;
  /** This minute's mean service time relative to the nominal one (the request mix shifts). */
  readonly serviceMix: number;
  /** A request waiting longer than this is slower than the SLO latency. */
  readonly slowWaitSeconds: number;
}

const creditStep = (i: SimInstance, cpu: number, p: WorldParams): void => {
  let balance = i.credits + p.creditsEarnedPerHour / 60 - (p.vcpus * cpu) / 100;
  if (balance < 0) {
    i.surplus -= balance;
    balance = 0;
  } else if (i.surplus > 0) {
    // Earned credits pay down surplus credits first (EC2 User Guide, "Unlimited mode concepts").
    const paid = balance < i.surplus ? balance : i.surplus;
    i.surplus -= paid;
    balance -= paid;
  }
  i.credits = balance < p.maxCreditBalance ? balance : p.maxCreditBalance;
};

export const trafficMinute = (g: SimGroup, attempts: number, c: Conditions, p: WorldParams, rng?: Rng): MinuteMetrics => {
  const route = routing(g);
  let targets = 0;
  for (const i of g.instances) if (routes(i, route.failOpen)) targets += 1;
  const perTarget = targets > 0 ? attempts / targets : 0;
  const rate = p.capacityPerInstance / c.serviceMix;
  const errorShare = c.appErrorShare + p.baseErrorPercent / 100;
  let errors = targets === 0 ? attempts : 0;
  errors += g.lostRequests;
  g.lostRequests = 0;
  let served = 0;
  let slowServed = 0;
  let timedOut = 0;
  let latencyWeighted = 0;
  let latencyWeight = 0;
  let cpuSum = 0;
  let memSum = 0;
  let busySum = 0;
  let counted = 0;
  let healthy = 0;
  let unhealthy = 0;
  let serving = 0;
  for (const i of g.instances) {
    if (i.state !== 'in-service' && i.state !== 'draining') continue;
    const arrivals = routes(i, route.failOpen) ? perTarget : 0;
    let cpu = p.idleCpuPercent;
    let memory = p.baseMemoryPercent;
    let waitMid = 0;
    let waitEnd = 0;
    let busy = 0;
    if (c.dependencyDown || i.broken) {
      // Requests fail fast (the app answers 500 at once): nothing queues, nothing is served.
      errors += arrivals + i.backlog;
      i.backlog = 0;
    } else {
      const q = queueMinute(i.backlog, arrivals, rate, c.slowWaitSeconds, p);
      i.backlog = q.backlogEnd;
      const ok = q.served * (1 - errorShare);
      errors += q.timedOut + q.served - ok;
      served += ok;
      slowServed += ok * q.slowShare;
      timedOut += q.timedOut;
      // Timed-out requests count at the timeout, as the ALB's TargetResponseTime would see them.
      latencyWeighted += q.served * (p.baseLatencyP90 + q.waitP90) + q.timedOut * p.timeoutSeconds;
      latencyWeight += q.served + q.timedOut;
      busy = q.busy;
      cpu = cpuOf(busy, p);
      const mem = p.baseMemoryPercent + (100 * q.inSystem * p.memoryPerRequestMiB) / p.memoryMiB;
      memory = mem < 100 ? mem : 100;
      waitMid = q.waitMid;
      waitEnd = q.waitEnd;
    }
    cpuSum += cpu;
    memSum += memory;
    busySum += busy;
    counted += 1;
    creditStep(i, cpu, p);
    if (i.state !== 'in-service') continue;
    // Health checks at 30 s and 60 s: a check waits in the queue like a request and fails past its timeout.
    const down = c.dependencyDown || i.broken;
    const checks = Math.max(1, Math.round(60 / p.healthCheckIntervalSeconds));
    for (let k = 1; k <= checks; k += 1) {
      const wait = k === checks ? waitEnd : waitMid;
      const flaky = rng !== undefined && rng.next() < p.flakyHealthCheck;
      healthCheck(i, !down && !flaky && wait < p.healthCheckTimeoutSeconds, p);
    }
    if (i.target === 'healthy') {
      healthy += 1;
      if (!i.broken) serving += 1;
    } else if (i.target === 'unhealthy') unhealthy += 1;
  }
  return {
    requests: attempts,
    errors,
    errorPercent: attempts > 0 ? Math.min(100, (100 * errors) / attempts) : 0,
    latencyP90: targets === 0 ? p.timeoutSeconds : latencyWeight > 0 ? latencyWeighted / latencyWeight : p.baseLatencyP90,
    cpu: counted > 0 ? cpuSum / counted : 0,
    cpuSamples: counted,
    memory: counted > 0 ? memSum / counted : 0,
    healthyTargets: healthy,
    unhealthyTargets: unhealthy,
    serving,
    served,
    slowServed,
    timedOut,
    utilisation: counted > 0 ? busySum / counted : 0,
    requestCountPerTarget: attempts / (route.healthy > 0 ? route.healthy : 1),
  };
};
