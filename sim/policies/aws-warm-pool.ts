// Baseline: AWS target tracking (on CPU or on request count, sim/policies/aws-target-tracking.ts, unchanged) on a
// group with a warm pool, configured as the Auto Scaling User Guide's "Warm pools" page recommends:
// - PoolState Stopped: "Keeping instances in a Stopped state is an effective way to minimize costs. With stopped
//   instances, you pay only for the volumes that you use" (core concepts; Running is "strongly" discouraged);
// - the default size, MaxGroupPreparedCapacity unset: the pool is the group's maximum minus its desired capacity,
//   so every instance the maximum allows is prepared; MinSize 0 (the default);
// - InstanceReusePolicy ReuseOnScaleIn: a scaled-in instance returns to the pool instead of being terminated and
//   replaced by a new first boot (the stateless web tier has nothing to clean up).
// Warm pools and Spot do not coexist (docs/warm-pools-and-spot.md): where the capacity-mode schedule puts Spot above
// the On-Demand base, the operator deletes the pool (DeleteWarmPool) and puts it back when the schedule returns to
// all On-Demand, as an EventBridge Scheduler rule at the window's edges would. The pool never counts toward desired
// capacity and target tracking's decisions are the same as without it: only the launches are faster.
import { deleteWarmPool, putWarmPool, type WarmPoolInput } from '../warm-pool';
import type { World } from '../world';
import { awsTtCpu, awsTtRequests } from './aws-target-tracking';
import type { Policy, PolicyFactory } from './policy';

export const RECOMMENDED_WARM_POOL: WarmPoolInput = { poolState: 'Stopped', reuseOnScaleIn: true };

/** Keeps the group's warm pool in place wherever its instances distribution allows one. */
const keepWarmPool = (world: World, pool: WarmPoolInput): void => {
  const g = world.group;
  const spot = g.distribution !== null && g.distribution.onDemandPercentageAboveBaseCapacity < 100;
  if (spot && g.warmPool) deleteWarmPool(g);
  else if (!spot && !g.warmPool) putWarmPool(g, pool);
};

/** A target tracking point with the recommended warm pool beside its group. */
export const withWarmPool = (base: PolicyFactory, label: string, pool: WarmPoolInput = RECOMMENDED_WARM_POOL): PolicyFactory => (world: World): Policy => {
  keepWarmPool(world, pool);
  const inner = base(world);
  const control = async (now: number, m: number): Promise<void> => {
    await inner.control(now, m);
    keepWarmPool(world, pool);
  };
  return { name: `${inner.name.replace('@', `${label}@`)}`, describe: `${inner.describe}, with a warm pool (Stopped, max - desired, ReuseOnScaleIn)`, control, records: inner.records };
};

export const awsTtCpuWarmPool = (target: number): PolicyFactory => withWarmPool(awsTtCpu(target), '+wp');
export const awsTtRequestsWarmPool = (utilisation: number): PolicyFactory => withWarmPool(awsTtRequests(utilisation), '+wp');
