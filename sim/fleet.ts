// The simulated Auto Scaling group: instances that boot, register, drain and die, and the ASG's own behaviour
// (launch to desired, terminate the excess, replace what is marked Unhealthy, honour the instances distribution).
import type { Activity, InstancesDistribution } from '../policies/snapshot';
import type { WorldParams } from './params';
import { logNormal, type Rng } from './rng';
import { maintainWarmPool, returnToWarmPool, takeFromWarmPool, type SimWarmPool } from './warm-pool';

export type SimState = 'pending' | 'in-service' | 'draining' | 'terminated';
export type SimTarget = 'unused' | 'initial' | 'healthy' | 'unhealthy' | 'draining';

export interface SimInstance {
  readonly id: string;
  readonly market: 'on-demand' | 'spot';
  readonly launchedAt: number;
  /** Drawn at launch from the boot-time distribution: launch to InService, ms. */
  readonly bootMs: number;
  /** When it entered InService (AWS counts instance warm-up from here). */
  inServiceAt?: number;
  state: SimState;
  target: SimTarget;
  asgHealth: 'Healthy' | 'Unhealthy';
  passes: number;
  fails: number;
  /** Injected: its target fails health checks and its requests fail. */
  broken: boolean;
  /** Spot: the two-minute warning was given; terminated at this time. */
  interruptAt?: number;
  /** Draining: terminated at this time. */
  terminateAt?: number;
  /** Spot: a rebalance recommendation was given (sim/spot.ts); the two-minute warning comes at warnAt. */
  atRisk?: boolean;
  warnAt?: number;
  /** Requests queued on the instance, carried from minute to minute. */
  backlog: number;
  /** T3 unlimited CPU credits: the earned balance, and the surplus spent beyond it (charged unless paid down). */
  credits: number;
  surplus: number;
}

export interface SimGroup {
  readonly name: string;
  min: number;
  max: number;
  desired: number;
  distribution: InstancesDistribution | null;
  tags: Record<string, string>;
  readonly gracePeriodSeconds: number;
  readonly targetGroupArn: string;
  instances: SimInstance[];
  /** Oldest first; the Cloud port serves the newest first. */
  activities: Activity[];
  /** Instance ids are per world, so two runs with one seed name their instances alike. */
  launched: number;
  /** Surplus CPU credits (vCPU-minutes) charged so far: those of instances that terminated owing them. */
  surplusCharged: number;
  /** Requests lost with a terminated instance's queue, not yet counted as failed by the traffic model. */
  lostRequests: number;
  /** The group's warm pool (sim/warm-pool.ts), if it has one: not part of the group's instances or capacity. */
  warmPool?: SimWarmPool;
  /** Capacity Rebalancing: an at-risk Spot Instance is replaced first, then terminated (sim/spot.ts). */
  capacityRebalance?: boolean;
}

const ACTIVITY_KEEP = 60;

export const createGroup = (name: string, min: number, max: number, desired: number, distribution: InstancesDistribution | null): SimGroup => ({
  name, min, max, desired, distribution, tags: { 'autoscaler:managed': 'true' }, gracePeriodSeconds: 300,
  targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}/0123456789abcdef`,
  instances: [], activities: [], launched: 0, surplusCharged: 0, lostRequests: 0,
});

export const addActivity = (g: SimGroup, a: Activity): void => {
  g.activities.push(a);
  if (g.activities.length > ACTIVITY_KEEP) g.activities.splice(0, g.activities.length - ACTIVITY_KEEP);
};

export const nextId = (g: SimGroup): string => {
  g.launched += 1;
  return `i-${g.launched.toString(16).padStart(17, '0')}`;
};

/** An instance that has been in service and healthy since `since`: the warm start of a simulation. */
export const addWarmInstance = (g: SimGroup, market: SimInstance['market'], since: number): void => {
  g.instances.push({
    id: nextId(g), market, launchedAt: since, bootMs: 0, inServiceAt: since, state: 'in-service', target: 'healthy', asgHealth: 'Healthy',
    passes: 2, fails: 0, broken: false, backlog: 0, credits: 0, surplus: 0,
  });
};

const finishActivity = (g: SimGroup, description: string, now: number): void => {
  const i = g.activities.findIndex((a) => a.description === description && a.status === 'InProgress');
  if (i >= 0) g.activities[i] = { ...g.activities[i]!, status: 'Successful', endedAt: now };
};

export const active = (g: SimGroup): SimInstance[] => g.instances.filter((i) => i.state === 'pending' || i.state === 'in-service');
export const running = (g: SimGroup): SimInstance[] => g.instances.filter((i) => i.state !== 'terminated');

/** The on-demand count the distribution asks for at a capacity: base, then the percentage above it. */
export const onDemandWanted = (d: InstancesDistribution | null, capacity: number): number => {
  if (!d) return capacity;
  const base = Math.min(d.onDemandBaseCapacity, capacity);
  return base + Math.ceil(((capacity - base) * d.onDemandPercentageAboveBaseCapacity) / 100);
};


const launch = (g: SimGroup, now: number, p: WorldParams, rng: Rng | undefined): void => {
  let count = 0;
  let od = 0;
  for (const i of g.instances) {
    if (i.state !== 'pending' && i.state !== 'in-service') continue;
    count += 1;
    if (i.market === 'on-demand') od += 1;
  }
  const market = od < onDemandWanted(g.distribution, count + 1) ? 'on-demand' : 'spot';
  if (g.warmPool && takeFromWarmPool(g, now, p, rng, market)) return;
  const id = nextId(g);
  // Without a random source (unit tests of the ASG alone) every boot takes the median.
  const bootMs = 1000 * (rng ? logNormal(rng, p.bootSeconds, p.bootSigma) : p.bootSeconds);
  addActivity(g, { startedAt: now, status: 'InProgress', description: `Launching a new EC2 instance: ${id}` });
  g.instances.push({
    id, market, launchedAt: now, bootMs, state: 'pending', target: 'unused', asgHealth: 'Healthy', passes: 0, fails: 0, broken: false,
    backlog: 0, credits: 0, surplus: 0,
  });
};

/** An instance leaves for good: its surplus credits are charged and its queued requests are lost. */
const terminate = (g: SimGroup, i: SimInstance): void => {
  i.state = 'terminated';
  g.surplusCharged += i.surplus;
  i.surplus = 0;
  g.lostRequests += i.backlog;
  i.backlog = 0;
};

export const startTermination = (g: SimGroup, i: SimInstance, now: number, p: WorldParams): void => {
  addActivity(g, { startedAt: now, status: 'InProgress', description: `Terminating EC2 instance: ${i.id}` });
  if (i.state === 'pending') {
    terminate(g, i);
    finishActivity(g, `Launching a new EC2 instance: ${i.id}`, now);
    finishActivity(g, `Terminating EC2 instance: ${i.id}`, now);
    return;
  }
  i.state = 'draining';
  i.target = 'draining';
  i.terminateAt = now + p.deregistrationDelaySeconds * 1000;
};

/** Which instance the ASG removes first: the market in excess of the distribution, then the newest. */
const pickVictim = (g: SimGroup): SimInstance | undefined => {
  const act = active(g);
  const odWanted = onDemandWanted(g.distribution, act.length - 1);
  const od = act.filter((i) => i.market === 'on-demand').length;
  const market = od > odWanted ? 'on-demand' : 'spot';
  const pool = act.filter((i) => i.market === market);
  const from = pool.length > 0 ? pool : act;
  return [...from].sort((a, b) => b.launchedAt - a.launchedAt || b.id.localeCompare(a.id))[0];
};

/**
 * One minute of ASG behaviour at `now`: lifecycle transitions, then launch or terminate toward desired.
 * With `rng`, each launch draws its boot time from the boot-time distribution.
 */
export const asgTick = (g: SimGroup, now: number, p: WorldParams, rng?: Rng): void => {
  let gone = 0;
  for (const i of g.instances) {
    if (i.state === 'pending' && now - i.launchedAt >= i.bootMs) {
      i.state = 'in-service';
      i.inServiceAt = now;
      i.target = 'initial';
      finishActivity(g, `Launching a new EC2 instance: ${i.id}`, now);
    }
    if (i.interruptAt !== undefined && now >= i.interruptAt && i.state !== 'terminated') {
      terminate(g, i);
      addActivity(g, { startedAt: i.interruptAt, endedAt: now, status: 'Successful', description: `Terminating EC2 instance: ${i.id} (Spot interruption)` });
    }
    if (i.state === 'draining' && i.terminateAt !== undefined && now >= i.terminateAt) {
      if (g.warmPool) returnToWarmPool(g, i);
      terminate(g, i);
      finishActivity(g, `Terminating EC2 instance: ${i.id}`, now);
    }
    if (i.state === 'in-service' && i.asgHealth === 'Unhealthy') startTermination(g, i, now, p);
    if (i.state === 'terminated') gone += 1;
  }
  if (gone > 0) g.instances = g.instances.filter((i) => i.state !== 'terminated');
  let count = 0;
  // With Capacity Rebalancing, an at-risk instance no longer counts: the ASG launches its replacement.
  for (const i of g.instances) if ((i.state === 'pending' || i.state === 'in-service') && !(i.atRisk === true && g.capacityRebalance === true)) count += 1;
  while (count < g.desired) {
    launch(g, now, p, rng);
    count += 1;
  }
  while (count > g.desired) {
    const v = pickVictim(g);
    if (!v) break;
    startTermination(g, v, now, p);
    count -= 1;
  }
  if (g.warmPool) maintainWarmPool(g, now, p, rng);
};
