// The GetMetricData queries of one group: CPU and memory by ASG, latency/5xx/requests by load balancer and
// target group, and the error rate as metric math. Several target groups combine (max latency, summed counts).
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { MetricSource } from '../policies/config';
import type { Metrics } from '../policies/snapshot';

/** CWAgent mem_used_percent by AutoScalingGroupName: what the agent publishes with aggregation_dimensions [["AutoScalingGroupName"]]. */
const DEFAULT_MEMORY: MetricSource = { namespace: 'CWAgent', name: 'mem_used_percent', dimensions: { AutoScalingGroupName: '{autoScalingGroupName}' }, statistic: 'Average' };

export interface TargetDims {
  readonly loadBalancer: string; // app/name/id
  readonly targetGroup: string; // targetgroup/name/id
}

export const PERIOD = 60;
export type MetricKey = keyof Metrics;

const stat = (id: string, namespace: string, name: string, dims: Record<string, string>, s: string, returnData: boolean): MetricDataQuery => ({
  Id: id,
  MetricStat: {
    Metric: { Namespace: namespace, MetricName: name, Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })) },
    Period: PERIOD,
    Stat: s,
  },
  ReturnData: returnData,
});

/** Query ids are `g<index>_<metric>`: unique across the run, and mapped back by prefix. */
export const groupQueries = (
  index: number, asgName: string, percentile: string, targets: readonly TargetDims[], memory: MetricSource = DEFAULT_MEMORY,
): MetricDataQuery[] => {
  const p = `g${index}_`;
  const memoryDims = Object.fromEntries(Object.entries(memory.dimensions).map(([k, v]) => [k, v.split('{autoScalingGroupName}').join(asgName)]));
  const queries: MetricDataQuery[] = [
    stat(`${p}cpu`, 'AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: asgName }, 'Average', true),
    // How many instances each average is over (EC2 User Guide, "Aggregate statistics by Auto Scaling group", which
    // reads Sum and SampleCount by AutoScalingGroupName): average x SampleCount is the CPU the fleet of that minute
    // carried, which the CPU policy sizes on instead of multiplying an older average by the instances ready now.
    stat(`${p}cpuSamples`, 'AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: asgName }, 'SampleCount', true),
    stat(`${p}memory`, memory.namespace, memory.name, memoryDims, memory.statistic, true),
  ];
  if (targets.length === 0) return queries;
  targets.forEach((t, k) => {
    const dims = { LoadBalancer: t.loadBalancer, TargetGroup: t.targetGroup };
    queries.push(
      stat(`${p}lat${k}`, 'AWS/ApplicationELB', 'TargetResponseTime', dims, percentile, false),
      stat(`${p}req${k}`, 'AWS/ApplicationELB', 'RequestCount', dims, 'Sum', false),
      stat(`${p}e5${k}`, 'AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', dims, 'Sum', false),
      // Read in the same call, so DescribeTargetHealth is asked only where the ALB reports unhealthy hosts.
      stat(`${p}uh${k}`, 'AWS/ApplicationELB', 'UnHealthyHostCount', dims, 'Maximum', true),
    );
  });
  const ids = (kind: string): string => targets.map((_, k) => `${p}${kind}${k}`).join(', ');
  // HTTPCode_Target_5XX_Count has no datapoint in a minute without errors: FILL(..., 0) keeps the rate at 0, not missing.
  const e5 = targets.map((_, k) => `FILL(${p}e5${k}, 0)`).join(', ');
  queries.push(
    { Id: `${p}latency`, Expression: targets.length === 1 ? `${p}lat0` : `MAX([${ids('lat')}])`, Label: 'latency', ReturnData: true },
    { Id: `${p}requests`, Expression: targets.length === 1 ? `${p}req0` : `SUM([${ids('req')}])`, Label: 'requests', ReturnData: true },
    { Id: `${p}errorRate`, Expression: `100 * ${targets.length === 1 ? e5 : `SUM([${e5}])`} / ${p}requests`, Label: 'errorRate', ReturnData: true },
  );
  return queries;
};

/** The ids of a group's UnHealthyHostCount series, one per target group with known dimensions. */
export const unhealthyHostIds = (index: number, targets: number): string[] => Array.from({ length: targets }, (_, k) => `g${index}_uh${k}`);

/** arn:...:targetgroup/name/id -> targetgroup/name/id; arn:...:loadbalancer/app/name/id -> app/name/id */
export const targetGroupDimension = (arn: string): string => arn.slice(arn.indexOf('targetgroup/'));
export const loadBalancerDimension = (arn: string): string => arn.slice(arn.indexOf('loadbalancer/') + 'loadbalancer/'.length);
