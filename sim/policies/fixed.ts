// Baseline: fixed capacity at the trace's peak need (the peak minute at the CPU target), never changed.
import { addWarmInstance } from '../fleet';
import type { World } from '../world';
import type { Policy } from './policy';

export const peakNeed = (world: World): number => {
  const target = (world.config.policies.cpu?.target ?? 60) / 100;
  const peak = Math.max(...world.trace.requests);
  return Math.max(world.config.capacity.min, Math.ceil(peak / (world.params.capacityPerInstance * target) - 1e-9));
};

export const fixedPeak = (world: World): Policy => {
  const n = peakNeed(world);
  const g = world.group;
  g.min = Math.min(g.min, n);
  g.max = Math.max(g.max, n);
  // The fixed fleet has always been this size: start it warm, like the others.
  while (g.instances.length < n) addWarmInstance(g, 'on-demand', world.trace.minutes[0]! - 3600_000);
  g.desired = n;
  return { name: 'fixed-peak', describe: `fixed at ${n} instances, the trace's peak need at the CPU target`, control: async () => undefined, records: [] };
};
