// The readiness stage: how many instances count as ready (in service, past warm-up), how many still warm up, and
// how many of the ready ones are healthy targets (the request rate's divisor).
import type { GroupConfig } from './config';
import type { Snapshot } from './snapshot';

export interface Readiness {
  readonly ready: number;
  readonly warming: number;
  /**
   * Ready instances with no target registration in a state other than healthy. The shell reads target health only
   * when the ALB reports an unhealthy host (aws-cloud.ts), so an instance without a registration in the snapshot
   * counts as healthy once past warm-up, which stands for the ALB's initial (registering) state.
   */
  readonly healthyTargets: number;
}

export const readiness = (snapshot: Snapshot, config: GroupConfig, now: number): Readiness => {
  const notHealthy = new Set<string>();
  for (const t of snapshot.targets) if (t.state !== 'healthy') notHealthy.add(t.instanceId);
  let ready = 0;
  let warming = 0;
  let healthyTargets = 0;
  for (const i of snapshot.group.instances) {
    if (i.lifecycle === 'Pending' || (i.lifecycle === 'InService' && i.launchedAt + config.warmupSeconds * 1000 > now)) warming += 1;
    else if (i.lifecycle === 'InService') {
      ready += 1;
      if (!notHealthy.has(i.id)) healthyTargets += 1;
    }
  }
  return { ready, warming, healthyTargets };
};
