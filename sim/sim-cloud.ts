// The Cloud port over the simulated world: the controller observes and writes exactly as it does on AWS.
import { CloudError } from '../controller/errors';
import type { Cloud, Observation, ObserveOptions } from '../controller/port';
import type { Write } from '../controller/writes';
import { metricLookbackSeconds, type GroupConfig } from '../policies/config';
import type { Activity, Instance, Series, Snapshot, TargetHealth } from '../policies/snapshot';
import type { SimGroup } from './fleet';
import type { MetricStore } from './metric-store';
import { createRequestHistory } from './request-history';
import { deleteWarmPool, putWarmPool } from './warm-pool';
import { poolConfigurationOf } from './world-controls';

export interface SimCloudLog {
  /** Every write the controller made, with its time: the report's decision marks and action counts. */
  readonly writes: { readonly at: number; readonly write: Write }[];
}

const LIFECYCLE: Readonly<Record<string, Instance['lifecycle']>> = { pending: 'Pending', 'in-service': 'InService', draining: 'Terminating' };

/** Built with loops and explicit literals: the controller observes every simulated minute. */
export const snapshotOf = (g: SimGroup, store: MetricStore, now: number, lookbackMs: number, history?: Series): Snapshot => {
  const instances: Instance[] = [];
  const targets: TargetHealth[] = [];
  for (const i of g.instances) {
    if (i.state !== 'terminated') {
      instances.push({ id: i.id, lifecycle: LIFECYCLE[i.state] ?? 'Other', health: i.asgHealth, market: i.market, launchedAt: i.launchedAt });
    }
    if (i.state === 'in-service' || i.state === 'draining') {
      targets.push({ instanceId: i.id, targetGroupArn: g.targetGroupArn, state: i.target === 'unused' ? 'unused' : i.target });
    }
  }
  const tags: Record<string, string> = {};
  for (const k in g.tags) tags[k] = g.tags[k]!;
  const activities: Activity[] = [];
  for (let k = g.activities.length - 1; k >= 0; k -= 1) activities.push(g.activities[k]!);
  return {
    takenAt: now,
    group: {
      name: g.name, min: g.min, max: g.max, desired: g.desired, instances,
      distribution: g.distribution, tags, healthCheckGracePeriodSeconds: g.gracePeriodSeconds, targetGroupArns: [g.targetGroupArn],
      // As DescribeAutoScalingGroups reports them: WarmPoolConfiguration (MaxGroupPreparedCapacity -1 when unset).
      warmPool: poolConfigurationOf(g),
      capacityRebalance: g.capacityRebalance === true,
    },
    metrics: {
      cpu: store.visible('cpu', now, lookbackMs), memory: store.visible('memory', now, lookbackMs), latency: store.visible('latency', now, lookbackMs),
      errorRate: store.visible('errorRate', now, lookbackMs), requests: store.visible('requests', now, lookbackMs),
      cpuSamples: store.visible('cpuSamples', now, lookbackMs),
    },
    targets,
    activities,
    ...(history ? { history } : {}),
  };
};

export const createSimCloud = (group: SimGroup, store: MetricStore, clock: () => number, log: SimCloudLog): Cloud => {
  const history = createRequestHistory(store);
  const observe = async (groups: readonly GroupConfig[], now: number, options?: ObserveOptions): Promise<Observation> => {
    const snapshots = new Map<string, Snapshot>();
    const failures = new Map<string, Error>();
    for (const c of groups) {
      if (c.autoScalingGroupName !== group.name) failures.set(c.name, new CloudError(`Auto Scaling group "${c.autoScalingGroupName}" not found`, 'GroupNotFound'));
      else {
        const h = c.forecast && options?.history !== 'never' ? history.at(now, c.forecast.historyDays) : undefined;
        snapshots.set(c.name, snapshotOf(group, store, now, metricLookbackSeconds(c) * 1000, h));
      }
    }
    return { snapshots, failures };
  };

  const write = async (w: Write): Promise<void> => {
    if (w.group !== group.name) throw new CloudError(`${w.kind}: group ${w.group} not found`, 'ValidationError');
    switch (w.kind) {
      case 'setDesiredCapacity':
        if (w.desired < group.min || w.desired > group.max) throw new CloudError(`setDesiredCapacity: ${w.desired} outside ${group.min}..${group.max}`, 'ValidationError');
        group.desired = w.desired;
        break;
      case 'updateGroup': {
        const min = w.min ?? group.min;
        const max = w.max ?? group.max;
        const desired = w.desired ?? Math.min(max, Math.max(min, group.desired));
        if (min > max || desired < min || desired > max) throw new CloudError(`updateGroup: desired ${desired} outside ${min}..${max}`, 'ValidationError');
        Object.assign(group, { min, max, desired });
        if (w.distribution) group.distribution = w.distribution;
        if (w.capacityRebalance !== undefined) group.capacityRebalance = w.capacityRebalance;
        break;
      }
      case 'setInstanceUnhealthy': {
        const i = group.instances.find((x) => x.id === w.instanceId);
        if (!i) throw new CloudError(`setInstanceUnhealthy: ${w.instanceId} not found`, 'ValidationError');
        i.asgHealth = 'Unhealthy';
        break;
      }
      case 'putTags':
        Object.assign(group.tags, w.tags);
        break;
      case 'deleteTags':
        for (const k of w.keys) delete group.tags[k];
        break;
      case 'putWarmPool':
        // The world refuses a pool on a Spot distribution with a ValidationError naming the warm pool, as AWS does.
        putWarmPool(group, { minSize: w.pool.minSize, maxGroupPreparedCapacity: w.pool.maxGroupPreparedCapacity, poolState: w.pool.poolState, reuseOnScaleIn: w.reuseOnScaleIn });
        break;
      case 'deleteWarmPool':
        deleteWarmPool(group);
        break;
    }
    log.writes.push({ at: clock(), write: w });
  };

  return { observe, write };
};
