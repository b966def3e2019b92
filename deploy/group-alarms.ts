// Each configured group's CloudWatch alarms, generated from config/autoscaler.yaml at package time: thresholds are
// the config's own, so adding a group or changing a threshold is one YAML edit. Names: <prefix>-<group>-<metric>-high.
import type { GroupConfig } from '../policies/config';
import { logicalId, names, type DeployContext } from './context';

type Resource = { Type: string; Properties: Record<string, unknown> };
interface AlbDimensions { readonly loadBalancer: string; readonly targetGroup: string }

/** The ALB dimensions of a group: from its config's ARNs, else from the deploy parameters. */
export const albDimensionsOf = (g: GroupConfig, ctx: DeployContext): AlbDimensions | undefined => {
  const tgArn = g.targetGroupArns[0];
  const targetGroup = tgArn ? tgArn.slice(tgArn.lastIndexOf(':') + 1) : ctx.tgDimension;
  const loadBalancer = g.loadBalancerArn ? g.loadBalancerArn.slice(g.loadBalancerArn.indexOf(':loadbalancer/') + ':loadbalancer/'.length) : ctx.albDimension;
  return targetGroup && loadBalancer ? { loadBalancer, targetGroup } : undefined;
};

// The scaling guide's alarms: 3 of 3 one-minute datapoints (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html).
const sustained = { Period: 60, EvaluationPeriods: 3, DatapointsToAlarm: 3, ComparisonOperator: 'GreaterThanThreshold' };

const alarm = (name: string, description: string, props: Record<string, unknown>): Resource => ({
  Type: 'AWS::CloudWatch::Alarm',
  Properties: { AlarmName: name, AlarmDescription: description, ...props },
});

export const groupAlarms = (g: GroupConfig, ctx: DeployContext): Record<string, Resource> => {
  const n = (metric: string) => `${names(ctx.stage).alarmPrefix}-${g.name}-${metric}`;
  const asg = [{ Name: 'AutoScalingGroupName', Value: g.autoScalingGroupName }];
  const alb = albDimensionsOf(g, ctx);
  const albDims = alb ? [{ Name: 'LoadBalancer', Value: alb.loadBalancer }, { Name: 'TargetGroup', Value: alb.targetGroup }] : [];
  const out: Record<string, Resource> = {};
  const { cpu, memory, latency, errorRate } = g.policies;
  if (cpu) {
    out[logicalId('Alarm', g.name, 'cpu-high')] = alarm(n('cpu-high'), `CPU above ${cpu.alarm} % for 3 of 3 minutes`, {
      Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: asg, Statistic: 'Average', Threshold: cpu.alarm, TreatMissingData: 'missing', ...sustained,
    });
  }
  if (memory) {
    out[logicalId('Alarm', g.name, 'memory-high')] = alarm(n('memory-high'), `Memory above ${memory.alarm} % for 3 of 3 minutes (CloudWatch agent)`, {
      Namespace: 'CWAgent', MetricName: 'mem_used_percent', Dimensions: asg, Statistic: 'Average', Threshold: memory.alarm, TreatMissingData: 'missing', ...sustained,
    });
  }
  if (!alb) return out;
  if (latency) {
    out[logicalId('Alarm', g.name, 'latency-high')] = alarm(n('latency-high'), `ALB ${latency.percentile} target response time above ${latency.ceilingSeconds} s for 3 of 3 minutes`, {
      Namespace: 'AWS/ApplicationELB', MetricName: 'TargetResponseTime', Dimensions: albDims, ExtendedStatistic: latency.percentile,
      Threshold: latency.ceilingSeconds, TreatMissingData: 'notBreaching', ...sustained,
    });
  }
  if (errorRate) {
    const stat = (id: string, metric: string) => ({
      Id: id, ReturnData: false, MetricStat: { Metric: { Namespace: 'AWS/ApplicationELB', MetricName: metric, Dimensions: albDims }, Period: 60, Stat: 'Sum' },
    });
    const { Period: _period, ...evaluation } = sustained;
    out[logicalId('Alarm', g.name, 'error-rate-high')] = alarm(n('error-rate-high'), `5xx above ${errorRate.ceilingPercent} % of requests for 3 of 3 minutes (metric math)`, {
      Threshold: errorRate.ceilingPercent, TreatMissingData: 'notBreaching', ...evaluation,
      Metrics: [
        { Id: 'errorRate', Expression: '100 * FILL(e5xx, 0) / requests', Label: '5xx error rate (%)', ReturnData: true },
        stat('e5xx', 'HTTPCode_Target_5XX_Count'), stat('requests', 'RequestCount'),
      ],
    });
  }
  out[logicalId('Alarm', g.name, 'unhealthy-hosts')] = alarm(n('unhealthy-hosts'), 'At least one target failing its health check for 2 minutes', {
    Namespace: 'AWS/ApplicationELB', MetricName: 'UnHealthyHostCount', Dimensions: albDims, Statistic: 'Maximum', Period: 60, EvaluationPeriods: 2,
    DatapointsToAlarm: 2, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching',
  });
  return out;
};

/** Every group's alarms. More than one group without ALB ARNs in its config cannot share the one pair of parameters. */
export const allGroupAlarms = (ctx: DeployContext): Record<string, Resource> => {
  const bare = ctx.config.groups.filter((g) => g.targetGroupArns.length === 0 || !g.loadBalancerArn);
  if (bare.length > 1) {
    throw new Error(`groups ${bare.map((g) => g.name).join(', ')}: set targetGroupArns and loadBalancerArn in the config for each; ` +
      'the albDimension/tgDimension parameters can stand in for one group only');
  }
  return Object.assign({}, ...ctx.config.groups.map((g) => groupAlarms(g, ctx)));
};
