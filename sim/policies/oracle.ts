// Baseline: a clairvoyant oracle, the floor of cost with no SLO minutes. It knows the future load and the
// time a launch takes to serve (boot + two health checks + the ASG's next minute), and keeps exactly the
// instances that the next minutes need at the highest utilization that still meets the SLO latency.
// It follows the same capacity mode schedule (windows) as the controller, so the two differ only in capacity.
import { distributionFor } from '../../policies/capacity-mode';
import { activeWindow } from '../../policies/time-window';
import { maxUtilizationFor } from '../load-model';
import type { World } from '../world';
import type { Policy } from './policy';

export const leadMinutes = (world: World): number =>
  1 + Math.ceil(world.params.bootSeconds / 60) + Math.ceil((world.params.healthyThreshold * world.params.healthCheckIntervalSeconds) / 60);

export const oracle = (world: World): Policy => {
  const c = world.config;
  const rho = maxUtilizationFor(world.slo.latencyP90Seconds, world.params);
  const need = (k: number): number => Math.ceil((world.trace.requests[k] ?? 0) / (world.params.capacityPerInstance * rho) - 1e-9);
  const lead = leadMinutes(world);
  const g = world.group;
  const control = async (now: number, m: number): Promise<void> => {
    let want = 0;
    for (let k = m + 1; k <= m + lead && k < world.trace.requests.length; k += 1) want = Math.max(want, need(k));
    g.desired = Math.min(g.max, Math.max(g.min, want));
    const mode = activeWindow(c.windows, now, c.timeZone)?.mode ?? c.capacityMode.default;
    g.distribution = distributionFor(mode, c.capacityMode);
  };
  return { name: 'oracle', describe: `clairvoyant: the load of the next ${lead} minutes at utilization ${rho.toFixed(3)} (the SLO latency bound)`, control, records: [] };
};
