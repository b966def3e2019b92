// An Auto Scaling group's warm pool in the simulated world: pre-initialised instances beside the group that a
// scale-out draws on first, the pool refilled by cold launches, instances returned to it on scale-in, and what the
// pool costs. Amazon EC2 Auto Scaling User Guide, "Decrease latency for applications with long boot times using
// warm pools" (core concepts, limitations) and "Warm pool instance lifecycle"; API reference, PutWarmPool and
// WarmPoolConfiguration. Lifecycle: a cold launch into the pool runs through Warmed:Pending (booting, billed as a
// running instance) to Warmed:Stopped (or :Running, :Hibernated); a scale-out takes Warmed:Stopped -> Pending ->
// InService, the "warm start", and from then on the instance counts toward desired capacity; the pool never does.
import { CloudError } from '../controller/errors';
import { addActivity, nextId, type SimGroup, type SimInstance } from './fleet';
import type { Prices, WorldParams } from './params';
import { logNormal, type Rng } from './rng';

export type PoolState = 'Stopped' | 'Running' | 'Hibernated';

/** The PutWarmPool parameters the world honours (WarmPoolConfiguration). */
export interface WarmPoolConfig {
  /** The fewest instances the pool keeps (MinSize, default 0). */
  readonly minSize: number;
  /** MaxGroupPreparedCapacity; undefined: the group's maximum (the API default). */
  readonly maxGroupPreparedCapacity?: number;
  readonly poolState: PoolState;
  /** InstanceReusePolicy.ReuseOnScaleIn: a scaled-in instance goes back to the pool instead of terminating. */
  readonly reuseOnScaleIn: boolean;
}

/** PutWarmPool's input: every field optional, with the API's defaults (MinSize 0, PoolState Stopped, no reuse). */
export interface WarmPoolInput {
  readonly minSize?: number;
  readonly maxGroupPreparedCapacity?: number;
  readonly poolState?: PoolState;
  readonly reuseOnScaleIn?: boolean;
}

export interface WarmInstance {
  readonly id: string;
  /** warming: Warmed:Pending, its first boot (running, billed); ready: Warmed:Stopped / :Running / :Hibernated. */
  state: 'warming' | 'ready';
  /** When the first boot ends and the instance reaches the pool state. */
  readyAt: number;
}

export interface SimWarmPool {
  readonly config: WarmPoolConfig;
  instances: WarmInstance[];
}

/**
 * The pool's wanted size (User Guide, "Warm pool size"; PutWarmPool): MaxGroupPreparedCapacity (default the group's
 * maximum) minus the desired capacity, at least MinSize; 0 when desired is above the prepared capacity, unless MinSize.
 */
export const warmPoolTarget = (g: SimGroup, c: WarmPoolConfig): number =>
  Math.max(c.minSize, (c.maxGroupPreparedCapacity ?? g.max) - g.desired, 0);

/**
 * PutWarmPool on the simulated group. Refused, as the API refuses it, on a group whose instances distribution runs
 * Spot above the On-Demand base (docs/warm-pools-and-spot.md: Spot and warm pools do not coexist).
 */
export const putWarmPool = (g: SimGroup, input: WarmPoolInput): void => {
  const c: WarmPoolConfig = {
    minSize: input.minSize ?? 0, poolState: input.poolState ?? 'Stopped', reuseOnScaleIn: input.reuseOnScaleIn ?? false,
    // -1 removes a value set before (PutWarmPool): back to the group's maximum.
    ...(input.maxGroupPreparedCapacity !== undefined && input.maxGroupPreparedCapacity >= 0 ? { maxGroupPreparedCapacity: input.maxGroupPreparedCapacity } : {}),
  };
  if (g.distribution && g.distribution.onDemandPercentageAboveBaseCapacity < 100) {
    // The message names the warm pool: the AWS port tells this refusal from other ValidationErrors by it.
    throw new CloudError(`putWarmPool: a warm pool cannot be added to group ${g.name}: it launches Spot Instances above its On-Demand base`, 'ValidationError');
  }
  if (c.minSize < 0 || (input.maxGroupPreparedCapacity !== undefined && input.maxGroupPreparedCapacity < -1)) {
    throw new CloudError('putWarmPool: MinSize must be at least 0 and MaxGroupPreparedCapacity at least -1', 'ValidationError');
  }
  g.warmPool = { config: c, instances: g.warmPool?.instances ?? [] };
};

/** DeleteWarmPool: the pool's instances are terminated with it. */
export const deleteWarmPool = (g: SimGroup): void => {
  g.warmPool = undefined;
};

/** DescribeWarmPool's counts: instances still in their first boot, and ready ones. */
export const warmPoolCounts = (g: SimGroup): { readonly warming: number; readonly ready: number } => {
  let warming = 0;
  let ready = 0;
  for (const w of g.warmPool?.instances ?? []) if (w.state === 'warming') warming += 1; else ready += 1;
  return { warming, ready };
};

/**
 * A scale-out launch drawn from the pool: the oldest ready instance leaves it as Pending, with a warm start time
 * (a Running pool instance only registers). Only for an On-Demand launch: pool instances are On-Demand. Returns
 * false when no ready instance is there (a depleted pool falls back to a cold launch).
 */
export const takeFromWarmPool = (g: SimGroup, now: number, p: WorldParams, rng: Rng | undefined, market: SimInstance['market']): boolean => {
  const pool = g.warmPool;
  if (!pool || market !== 'on-demand') return false;
  const k = pool.instances.findIndex((w) => w.state === 'ready');
  if (k < 0) return false;
  const w = pool.instances[k]!;
  pool.instances.splice(k, 1);
  const seconds = pool.config.poolState === 'Running' ? 0 : rng ? logNormal(rng, p.warmStartSeconds, p.warmStartSigma) : p.warmStartSeconds;
  addActivity(g, { startedAt: now, status: 'InProgress', description: `Launching a new EC2 instance: ${w.id}` });
  g.instances.push({
    id: w.id, market: 'on-demand', launchedAt: now, bootMs: 1000 * seconds, state: 'pending', target: 'unused', asgHealth: 'Healthy',
    passes: 0, fails: 0, broken: false, backlog: 0, credits: 0, surplus: 0,
  });
  return true;
};

/**
 * ReuseOnScaleIn: a drained, healthy On-Demand instance goes back to the pool (ready at once: it was initialised)
 * instead of terminating. Returns false when the pool does not take it.
 */
export const returnToWarmPool = (g: SimGroup, i: SimInstance): boolean => {
  const pool = g.warmPool;
  if (!pool || !pool.config.reuseOnScaleIn || i.market !== 'on-demand' || i.asgHealth !== 'Healthy' || i.interruptAt !== undefined) return false;
  pool.instances.push({ id: i.id, state: 'ready', readyAt: i.terminateAt ?? i.launchedAt });
  return true;
};

/** One minute of pool upkeep: first boots end, the pool is refilled by cold launches to its size, or trimmed. */
export const maintainWarmPool = (g: SimGroup, now: number, p: WorldParams, rng: Rng | undefined): void => {
  const pool = g.warmPool;
  if (!pool) return;
  for (const w of pool.instances) if (w.state === 'warming' && now >= w.readyAt) w.state = 'ready';
  const target = warmPoolTarget(g, pool.config);
  // Instances draining toward the pool (ReuseOnScaleIn) already fill a place: no cold launch for them.
  let incoming = 0;
  if (pool.config.reuseOnScaleIn) for (const i of g.instances) if (i.state === 'draining' && i.market === 'on-demand' && i.asgHealth === 'Healthy' && i.interruptAt === undefined) incoming += 1;
  while (pool.instances.length + incoming < target) {
    const id = nextId(g);
    const bootMs = 1000 * (rng ? logNormal(rng, p.bootSeconds, p.bootSigma) : p.bootSeconds);
    pool.instances.push({ id, state: 'warming', readyAt: now + bootMs });
  }
  // An excess leaves: instances still in their first boot first (they cost a running instance), then the newest.
  let excess = pool.instances.length - target;
  for (let k = pool.instances.length - 1; k >= 0 && excess > 0; k -= 1) {
    if (pool.instances[k]!.state !== 'warming') continue;
    pool.instances.splice(k, 1);
    excess -= 1;
  }
  if (excess > 0) pool.instances.splice(pool.instances.length - excess);
};

/**
 * The pool's cost of one minute: instances in their first boot (and a Running pool) are running On-Demand
 * instances, covered by whatever part of the reserved base the group's own On-Demand instances leave unused;
 * stopped ones pay their root volume (hibernated ones also the RAM image, the instance's memory).
 */
export const warmPoolMinuteCost = (g: SimGroup, p: WorldParams, prices: Prices, onDemandInGroup: number, reserved: number): number => {
  const pool = g.warmPool;
  if (!pool) return 0;
  const { warming, ready } = warmPoolCounts(g);
  const running = warming + (pool.config.poolState === 'Running' ? ready : 0);
  const stopped = pool.config.poolState === 'Running' ? 0 : ready;
  const paidRunning = Math.max(0, onDemandInGroup + running - reserved) - Math.max(0, onDemandInGroup - reserved);
  const gib = p.rootVolumeGiB + (pool.config.poolState === 'Hibernated' ? p.memoryMiB / 1024 : 0);
  const ebsPerMinute = (gib * p.ebsGp3UsdPerGbMonth) / (730 * 60);
  return (paidRunning * prices.onDemand) / 60 + stopped * ebsPerMinute;
};
