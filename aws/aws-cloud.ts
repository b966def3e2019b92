// The Cloud port over AWS: observe every group of a run in batches, execute writes as exact commands.
import type { Activity as AsgActivity } from '@aws-sdk/client-auto-scaling';
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { CloudError, WARM_POOL_REFUSED } from '../controller/errors';
import type { Cloud, Observation, ObserveOptions } from '../controller/port';
import type { Write } from '../controller/writes';
import { metricLookbackSeconds, type GroupConfig } from '../policies/config';
import type { Metrics, Series, Snapshot, TargetHealth } from '../policies/snapshot';
import { describeActivities, toActivities } from './activities';
import type { Clients } from './clients';
import { toCloudError } from './cloud-error';
import { describeGroups } from './describe-groups';
import { getMetrics } from './get-metrics';
import { toGroupState } from './group-state';
import { mapLimit } from './map-limit';
import { groupQueries, loadBalancerDimension, targetGroupDimension, unhealthyHostIds, type TargetDims } from './metric-queries';
import { createHistoryCache, historyKey, historyQueries, historyWindow } from './request-history';
import { describeLoadBalancers, describeTargetHealth } from './target-health';
import { readWarmPool, warmPoolRefused } from './warm-pool';
import { locateInstances } from './auto-scaling-instances';
import { commandFor, describeWrite } from './write';

const PER_GROUP_CONCURRENCY = 8;
const METRIC_KEYS: readonly (keyof Metrics)[] = ['cpu', 'memory', 'latency', 'errorRate', 'requests', 'cpuSamples'];
const NO_METRICS: Metrics = { cpu: [], memory: [], latency: [], errorRate: [], requests: [] };

interface GroupReads {
  readonly activities: AsgActivity[];
  readonly targets: TargetHealth[];
}

export const createAwsCloud = (clients: Clients): Cloud => {
  // Target group -> load balancer: fixed for the life of a target group, so one lookup per container.
  const loadBalancerOf = new Map<string, string>();
  // The forecast's 14 days of history, read once per 5-minute slot per container (aws/request-history.ts).
  const historyCache = createHistoryCache();

  const observe = async (groups: readonly GroupConfig[], now: number, options: ObserveOptions = {}): Promise<Observation> => {
    const snapshots = new Map<string, Snapshot>();
    const failures = new Map<string, Error>();
    const asgs = await describeGroups(clients, groups.map((g) => g.autoScalingGroupName));
    const present = groups.filter((g) => {
      const refused = asgs.failed.get(g.autoScalingGroupName);
      if (refused) failures.set(g.name, refused);
      else if (!asgs.found.has(g.autoScalingGroupName)) {
        failures.set(g.name, new CloudError(`Auto Scaling group "${g.autoScalingGroupName}" (group ${g.name}) not found in this account and region`, 'GroupNotFound'));
      }
      return !failures.has(g.name);
    });
    if (options.scope === 'group') {
      // Enough to validate a manual action: nothing else is read, so a CloudWatch or ELB outage cannot block it.
      for (const g of present) snapshots.set(g.name, { takenAt: now, group: toGroupState(asgs.found.get(g.autoScalingGroupName)!, []), metrics: NO_METRICS, targets: [], activities: [] });
      return { snapshots, failures };
    }
    const targetGroupsOf = (g: GroupConfig): readonly string[] =>
      g.targetGroupArns.length > 0 ? g.targetGroupArns : (asgs.found.get(g.autoScalingGroupName)?.TargetGroupARNs ?? []);

    for (const g of present) if (g.loadBalancerArn) for (const tg of targetGroupsOf(g)) loadBalancerOf.set(tg, g.loadBalancerArn);
    const unknown = [...new Set(present.flatMap(targetGroupsOf))].filter((tg) => !loadBalancerOf.has(tg));
    const staleTargetGroups = new Map<string, Error>();
    if (unknown.length > 0) {
      const lbs = await describeLoadBalancers(clients, unknown);
      for (const [tg, lb] of lbs.found) loadBalancerOf.set(tg, lb);
      for (const [tg, e] of lbs.failed) staleTargetGroups.set(tg, e);
    }
    // A group naming a target group that cannot be read fails alone, with that target group's error.
    const readable = present.filter((g) => {
      const stale = targetGroupsOf(g).map((tg) => staleTargetGroups.get(tg)).find((e) => e !== undefined);
      if (stale) failures.set(g.name, stale);
      return !stale;
    });

    // Only the window the decision reads: the stabilization windows and the freshness limit (GetMetricData is
    // priced per metric, not per datapoint, so this trims the payload, not the bill).
    const lookbackSeconds = Math.max(...readable.map(metricLookbackSeconds), 0);
    const dimsOf = readable.map((g): TargetDims[] => targetGroupsOf(g).flatMap((tg) => {
      const lb = loadBalancerOf.get(tg);
      return lb ? [{ loadBalancer: loadBalancerDimension(lb), targetGroup: targetGroupDimension(tg) }] : [];
    }));
    const queries: MetricDataQuery[][] = readable.map((g, i) => groupQueries(i, g.autoScalingGroupName, g.policies.latency?.percentile ?? 'p90', dimsOf[i]!, g.memoryMetric));
    const end = Math.floor(now / 60_000) * 60_000;
    const metrics = readable.length > 0
      ? await getMetrics(clients, queries, new Date(end - lookbackSeconds * 1000), new Date(end), (i) => `group ${readable[i]?.name}`)
      : { series: new Map<string, Series>(), failed: new Map<number, Error>() };

    // The forecast's history: one more call, only for forecast groups whose slot this container has not read yet.
    const history = new Map<number, Series>();
    const historyFailed = new Map<number, Error>();
    if (options.history !== 'never') {
      const wanted = readable.flatMap((g, i) => (g.forecast && dimsOf[i]!.length > 0 && !metrics.failed.has(i) ? [i] : []));
      const toRead: number[] = [];
      for (const i of wanted) {
        const w = historyWindow(now, readable[i]!.forecast!.historyDays);
        const cached = historyCache.get(historyKey(dimsOf[i]!, readable[i]!.forecast!.historyDays), w.end);
        if (cached) history.set(i, cached);
        else toRead.push(i);
      }
      if (toRead.length > 0) {
        const w = historyWindow(now, Math.max(...toRead.map((i) => readable[i]!.forecast!.historyDays)));
        const perGroup = readable.map((_, i) => (toRead.includes(i) ? historyQueries(i, dimsOf[i]!) : []));
        const read = await getMetrics(clients, perGroup, new Date(w.start), new Date(w.end), (i) => `group ${readable[i]?.name} (history)`);
        for (const i of toRead) {
          const e = read.failed.get(i);
          if (e) {
            historyFailed.set(i, e);
            continue;
          }
          const days = readable[i]!.forecast!.historyDays;
          const own = historyWindow(now, days);
          const series = (read.series.get(`g${i}_history`) ?? []).filter((p) => p.t >= own.start && p.t < own.end);
          historyCache.set(historyKey(dimsOf[i]!, days), own.end, series);
          history.set(i, series);
        }
      }
    }

    // Target health only where the ALB reports (or recently reported) an unhealthy host, or cannot say.
    const needsTargetHealth = (i: number): boolean => {
      if (options.targetHealth === 'always' || metrics.failed.has(i)) return true;
      const reported = unhealthyHostIds(i, dimsOf[i]!.length).map((id) => metrics.series.get(id) ?? []);
      return reported.length < targetGroupsOf(readable[i]!).length || reported.some((s) => s.length === 0 || s.some((p) => p.v > 0));
    };
    const reads = await mapLimit(readable, PER_GROUP_CONCURRENCY, async (g, i): Promise<GroupReads | Error> => {
      try {
        const [activities, ...perTarget] = await Promise.all([
          describeActivities(clients, g.autoScalingGroupName),
          ...(needsTargetHealth(i) ? targetGroupsOf(g).map((tg) => describeTargetHealth(clients, tg)) : []),
        ]);
        return { activities: activities as AsgActivity[], targets: (perTarget as TargetHealth[][]).flat() };
      } catch (e) {
        return toCloudError(e, `reading group ${g.name}`);
      }
    });

    const degraded = new Map<string, Error>();
    readable.forEach((g, i) => {
      const r = reads[i];
      // A failed history read fails the group like any other failed query: reported, and retried next run.
      const metricsError = metrics.failed.get(i) ?? historyFailed.get(i);
      if (r instanceof Error || r === undefined || (metricsError && options.metrics !== 'optional')) {
        failures.set(g.name, r instanceof Error ? r : r === undefined ? new Error('not read') : metricsError!);
        return;
      }
      if (metricsError) degraded.set(g.name, metricsError);
      snapshots.set(g.name, {
        takenAt: now,
        group: toGroupState(asgs.found.get(g.autoScalingGroupName)!, r.activities),
        metrics: metricsError ? NO_METRICS : Object.fromEntries(METRIC_KEYS.map((k) => [k, metrics.series.get(`g${i}_${k}`) ?? []])) as unknown as Metrics,
        targets: r.targets,
        activities: toActivities(r.activities),
        ...(history.has(i) ? { history: history.get(i)! } : {}),
      });
    });
    return { snapshots, failures, degraded };
  };

  const write = async (w: Write): Promise<void> => {
    try {
      await clients.autoScaling.send(commandFor(w) as never);
    } catch (e) {
      const error = toCloudError(e, describeWrite(w));
      // PutWarmPool's own refusal (a launch template that requests Spot, which the group description does not show):
      // a code of its own, which reconcile reports as WARM_POOL_UNSUPPORTED instead of failing the group.
      if (w.kind === 'putWarmPool' && warmPoolRefused(error)) throw new CloudError(error.message, WARM_POOL_REFUSED, { cause: e });
      throw error;
    }
  };

  return {
    observe, write,
    locateInstances: (ids) => locateInstances(clients, ids),
    describeWarmPool: (name) => readWarmPool(clients, name),
  };
};
