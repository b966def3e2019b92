// The Cloud port over AWS: observe every group of a run in batches, execute writes as exact commands.
import type { Activity as AsgActivity } from '@aws-sdk/client-auto-scaling';
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { CloudError } from '../controller/errors';
import type { Cloud, Observation } from '../controller/port';
import type { Write } from '../controller/writes';
import type { GroupConfig } from '../policies/config';
import type { Metrics, Series, Snapshot, TargetHealth } from '../policies/snapshot';
import { describeActivities, toActivities } from './activities';
import type { Clients } from './clients';
import { toCloudError } from './cloud-error';
import { describeGroups } from './describe-groups';
import { getMetrics } from './get-metrics';
import { toGroupState } from './group-state';
import { mapLimit } from './map-limit';
import { groupQueries, loadBalancerDimension, targetGroupDimension, type TargetDims } from './metric-queries';
import { describeLoadBalancers, describeTargetHealth } from './target-health';
import { commandFor, describeWrite } from './write';

const PER_GROUP_CONCURRENCY = 8;
const METRIC_KEYS: readonly (keyof Metrics)[] = ['cpu', 'memory', 'latency', 'errorRate', 'requests'];

interface GroupReads {
  readonly activities: AsgActivity[];
  readonly targets: TargetHealth[];
}

export const createAwsCloud = (clients: Clients): Cloud => {
  // Target group -> load balancer: fixed for the life of a target group, so one lookup per container.
  const loadBalancerOf = new Map<string, string>();

  const observe = async (groups: readonly GroupConfig[], now: number): Promise<Observation> => {
    const snapshots = new Map<string, Snapshot>();
    const failures = new Map<string, Error>();
    const asgs = await describeGroups(clients, groups.map((g) => g.autoScalingGroupName)).catch((e) => {
      throw toCloudError(e, 'DescribeAutoScalingGroups');
    });
    const present = groups.filter((g) => {
      if (asgs.has(g.autoScalingGroupName)) return true;
      failures.set(g.name, new CloudError(`Auto Scaling group "${g.autoScalingGroupName}" (group ${g.name}) not found in this account and region`, 'GroupNotFound'));
      return false;
    });
    const targetGroupsOf = (g: GroupConfig): readonly string[] =>
      g.targetGroupArns.length > 0 ? g.targetGroupArns : (asgs.get(g.autoScalingGroupName)?.TargetGroupARNs ?? []);

    for (const g of present) if (g.loadBalancerArn) for (const tg of targetGroupsOf(g)) loadBalancerOf.set(tg, g.loadBalancerArn);
    const unknown = [...new Set(present.flatMap(targetGroupsOf))].filter((tg) => !loadBalancerOf.has(tg));
    if (unknown.length > 0) {
      const found = await describeLoadBalancers(clients, unknown).catch((e) => {
        throw toCloudError(e, 'DescribeTargetGroups');
      });
      for (const [tg, lb] of found) loadBalancerOf.set(tg, lb);
    }

    const reads = await mapLimit(present, PER_GROUP_CONCURRENCY, async (g): Promise<GroupReads | Error> => {
      try {
        const [activities, ...perTarget] = await Promise.all([
          describeActivities(clients, g.autoScalingGroupName),
          ...targetGroupsOf(g).map((tg) => describeTargetHealth(clients, tg)),
        ]);
        return { activities: activities as AsgActivity[], targets: (perTarget as TargetHealth[][]).flat() };
      } catch (e) {
        return toCloudError(e, `reading group ${g.name}`);
      }
    });

    const lookbackSeconds = Math.max(...present.map((g) => Math.max(g.stabilization.scaleInSeconds, g.metricMaxAgeSeconds)), 0) + 300;
    const queries: MetricDataQuery[][] = present.map((g, i) => {
      const dims: TargetDims[] = targetGroupsOf(g).flatMap((tg) => {
        const lb = loadBalancerOf.get(tg);
        return lb ? [{ loadBalancer: loadBalancerDimension(lb), targetGroup: targetGroupDimension(tg) }] : [];
      });
      return groupQueries(i, g.autoScalingGroupName, g.policies.latency?.percentile ?? 'p90', dims);
    });
    const end = Math.floor(now / 60_000) * 60_000;
    const series = present.length > 0
      ? await getMetrics(clients, queries, new Date(end - lookbackSeconds * 1000), new Date(end)).catch((e) => {
          throw toCloudError(e, 'GetMetricData');
        })
      : new Map<string, Series>();

    present.forEach((g, i) => {
      const r = reads[i];
      if (r instanceof Error || r === undefined) {
        failures.set(g.name, r ?? new Error('not read'));
        return;
      }
      const metrics = Object.fromEntries(METRIC_KEYS.map((k) => [k, series.get(`g${i}_${k}`) ?? []])) as unknown as Metrics;
      snapshots.set(g.name, {
        takenAt: now,
        group: toGroupState(asgs.get(g.autoScalingGroupName)!, r.activities),
        metrics,
        targets: r.targets,
        activities: toActivities(r.activities),
      });
    });
    return { snapshots, failures };
  };

  const write = async (w: Write): Promise<void> => {
    try {
      await clients.autoScaling.send(commandFor(w) as never);
    } catch (e) {
      throw toCloudError(e, describeWrite(w));
    }
  };

  return { observe, write };
};
