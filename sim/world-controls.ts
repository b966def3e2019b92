// The world side of the controller's warm-pool and Capacity Rebalancing writes and reads, and the Spot events that
// wake it: what sim/sim-cloud.ts (and the spot handler's adapter) call to act on and read the simulated group.
// Shapes follow the controller's port (PutWarmPool with MinSize / MaxGroupPreparedCapacity / PoolState and
// InstanceReusePolicy; DescribeWarmPool's instances with their LifecycleState; EventBridge's EC2 events).
import type { PoolState } from './warm-pool';
import { deleteWarmPool, putWarmPool } from './warm-pool';
import { spotEventOf } from './spot';
import type { SimGroup } from './fleet';
import type { World } from './world';

/** PutWarmPool as the controller writes it: its WarmPoolConfig plus the reuse policy. */
export interface WarmPoolSpec {
  readonly minSize: number;
  /** -1 removes a value set before (the group's maximum again), as the API takes it. */
  readonly maxGroupPreparedCapacity: number;
  readonly poolState: PoolState;
  readonly reuseOnScaleIn: boolean;
}

/** WarmPoolConfiguration as DescribeAutoScalingGroups reports it; -1 for an unset MaxGroupPreparedCapacity. */
export interface WarmPoolConfiguration {
  readonly minSize: number;
  readonly maxGroupPreparedCapacity: number;
  readonly poolState: PoolState;
}

/** DescribeWarmPool: the configuration (null without a pool) and each instance with its LifecycleState. */
export interface WarmPoolDescription {
  readonly config: WarmPoolConfiguration | null;
  readonly instances: readonly { readonly id: string; readonly lifecycle: string }[];
}

/**
 * PutWarmPool. Creates the pool or replaces its configuration (instances already in it stay); the pool fills over the
 * next minutes by cold launches. Throws CloudError 'ValidationError' (message naming the warm pool) on a group
 * whose distribution runs Spot, or for MinSize < 0 / MaxGroupPreparedCapacity < -1; the group is then unchanged.
 */
export const worldPutWarmPool = (w: World, spec: WarmPoolSpec): void =>
  putWarmPool(w.group, { minSize: spec.minSize, maxGroupPreparedCapacity: spec.maxGroupPreparedCapacity, poolState: spec.poolState, reuseOnScaleIn: spec.reuseOnScaleIn });

/** DeleteWarmPool: the pool and its instances go at once (no pool: nothing happens, as a repeated delete). */
export const worldDeleteWarmPool = (w: World): void => deleteWarmPool(w.group);

/** UpdateAutoScalingGroup's CapacityRebalance: from the next minute a rebalance recommendation launches a replacement. */
export const setCapacityRebalance = (w: World, on: boolean): void => {
  w.group.capacityRebalance = on;
};

export const capacityRebalanceOf = (w: World): boolean => w.group.capacityRebalance === true;

/** A group's WarmPoolConfiguration as DescribeAutoScalingGroups reports it (SimCloud's snapshot reads it too). */
export const poolConfigurationOf = (g: SimGroup): WarmPoolConfiguration | null => {
  const pool = g.warmPool;
  if (!pool) return null;
  return { minSize: pool.config.minSize, maxGroupPreparedCapacity: pool.config.maxGroupPreparedCapacity ?? -1, poolState: pool.config.poolState };
};

export const warmPoolConfigurationOf = (w: World): WarmPoolConfiguration | null => poolConfigurationOf(w.group);

/** Warmed:Pending during the first boot, then Warmed:<PoolState> (User Guide, "Warm pool instance lifecycle"). */
export const describeWorldWarmPool = (w: World): WarmPoolDescription => {
  const pool = w.group.warmPool;
  if (!pool) return { config: null, instances: [] };
  return {
    config: warmPoolConfigurationOf(w),
    instances: pool.instances.map((i) => ({ id: i.id, lifecycle: i.state === 'warming' ? 'Warmed:Pending' : `Warmed:${pool.config.poolState}` })),
  };
};

/**
 * The EventBridge events EC2 sent during the latest minute the world stepped ("EC2 Instance Rebalance
 * Recommendation", "EC2 Spot Instance Interruption Warning"), in emission order: read them after stepMinute and
 * before the next one, which replaces them.
 */
export const spotEventsOf = (w: World, region = 'us-east-1', account = '123456789012'): ReturnType<typeof spotEventOf>[] =>
  w.spotSignals.map((s) => spotEventOf(s, region, account));
