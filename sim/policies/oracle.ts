// Baseline: a clairvoyant oracle, the floor of cost with no SLO minutes. It knows the future load and the
// time a launch takes to serve (boot + two health checks + the ASG's next minute), and keeps exactly the
// instances that the next minutes need at the highest utilization that still meets the SLO latency.
// Like every baseline it runs under the capacity-mode schedule of the run (the world applies it), so it differs
// from the controller only in capacity. Not a frontier point: no real policy can see the future.
import { maxUtilizationFor } from '../load-model';
import type { World } from '../world';
import type { Policy } from './policy';

export const leadMinutes = (world: World): number =>
  1 + Math.ceil(world.params.bootSeconds / 60) + Math.ceil((world.params.healthyThreshold * world.params.healthCheckIntervalSeconds) / 60);

export const oracle = (world: World): Policy => {
  const rho = maxUtilizationFor(world.slo.latencyP90Seconds, world.params);
  const need = (k: number): number => Math.ceil((world.trace.requests[k] ?? 0) / (world.params.capacityPerInstance * rho) - 1e-9);
  const lead = leadMinutes(world);
  const g = world.group;
  const control = async (_now: number, m: number): Promise<void> => {
    let want = 0;
    for (let k = m + 1; k <= m + lead && k < world.trace.requests.length; k += 1) want = Math.max(want, need(k));
    g.desired = Math.min(g.max, Math.max(g.min, want));
  };
  return { name: 'oracle', describe: `clairvoyant: the load of the next ${lead} minutes at ${(rho * 100).toFixed(1)} % utilisation (the SLO latency bound)`, control, records: [] };
};
