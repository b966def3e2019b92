// Baseline: fixed capacity at the trace's peak SLO need: the instances its peak minute needs at the highest
// utilisation that still meets the SLO latency (the same need the oracle serves), never changed.
import { addWarmInstance } from '../fleet';
import { maxUtilizationFor } from '../load-model';
import type { World } from '../world';
import type { Policy } from './policy';

export const peakNeed = (world: World): number => {
  const rho = maxUtilizationFor(world.slo.latencyP90Seconds, world.params);
  const peak = Math.max(...world.trace.requests);
  return Math.max(world.config.capacity.min, Math.ceil(peak / (world.params.capacityPerInstance * rho) - 1e-9));
};

export const fixedPeak = (world: World): Policy => {
  const n = peakNeed(world);
  const g = world.group;
  g.min = Math.min(g.min, n);
  g.max = Math.max(g.max, n);
  // The fixed fleet has always been this size: start it warm, like the others.
  while (g.instances.length < n) addWarmInstance(g, 'on-demand', world.trace.minutes[0]! - 3600_000);
  g.desired = n;
  const rho = maxUtilizationFor(world.slo.latencyP90Seconds, world.params);
  return { name: 'fixed-peak', describe: `fixed at ${n} instances, the trace's peak need at ${(rho * 100).toFixed(1)} % utilisation (the SLO latency bound)`, control: async () => undefined, records: [] };
};
