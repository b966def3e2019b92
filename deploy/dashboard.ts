// One CloudWatch dashboard per stage on the controller's own metrics: per group desired before/after and what the
// run did; per run groups decided, failures and duration; the functions' errors, throttles and duration.
import { GROUP_METRICS, METRIC_NAMESPACE, RUN_METRICS, SERVICE } from '../functions/metric-names';
import { FUNCTIONS, names, type DeployContext } from './context';
import { whyDidGroupScale } from './queries';

type Widget = Record<string, unknown>;
const W = 12;
const H = 6;

/** https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html */
const metricWidget = (title: string, metrics: readonly (readonly unknown[])[], region: string, stat = 'Sum'): Widget => ({
  type: 'metric', width: W, height: H, properties: { title, metrics, region, stat, period: 60, view: 'timeSeries' },
});

export const dashboardBody = (ctx: DeployContext): { widgets: Widget[] } => {
  const n = names(ctx.stage);
  const own = (metric: string, extra: readonly unknown[] = []): unknown[] => [METRIC_NAMESPACE, metric, 'service', SERVICE, 'stage', ctx.stage, ...extra];
  const widgets: Widget[] = [
    metricWidget('Groups decided and failed per minute', [own(RUN_METRICS.groupsDecided), own(RUN_METRICS.groupFailures)], ctx.region),
    metricWidget('Run duration (ms): median and max', [own(RUN_METRICS.runDuration, [{ stat: 'p50' }]), own(RUN_METRICS.runDuration, [{ stat: 'Maximum' }])], ctx.region),
  ];
  for (const g of ctx.config.groups) {
    const dim = ['group', g.name];
    widgets.push(
      metricWidget(`${g.name}: desired capacity before and after each decision`, [own(GROUP_METRICS.desiredBefore, dim), own(GROUP_METRICS.desiredAfter, dim)], ctx.region, 'Maximum'),
      metricWidget(`${g.name}: changes, replacements, failures, breaker open`,
        [own(GROUP_METRICS.changed, dim), own(GROUP_METRICS.replaced, dim), own(GROUP_METRICS.failed, dim), own(GROUP_METRICS.breakerOpen, dim)], ctx.region),
    );
  }
  const byFn = (metric: string) => FUNCTIONS.map((fn) => ['AWS/Lambda', metric, 'FunctionName', n.functionName(fn)]);
  widgets.push(
    metricWidget('Function errors', byFn('Errors'), ctx.region),
    metricWidget('Function throttles', byFn('Throttles'), ctx.region),
    metricWidget('Function duration (ms, max)', byFn('Duration'), ctx.region, 'Maximum'),
    metricWidget('Failed invocations queued', [['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', n.queue]], ctx.region, 'Maximum'),
  );
  for (const g of ctx.config.groups) {
    widgets.push({
      type: 'log', width: 24, height: H,
      properties: { title: `${g.name}: recent decisions that changed something`, region: ctx.region, view: 'table',
        query: `SOURCE ${FUNCTIONS.map((fn) => `'${n.logGroup(fn)}'`).join(' | SOURCE ')}\n| ${whyDidGroupScale(g.name)}` },
    });
  }
  return { widgets };
};

export const dashboardResources = (ctx: DeployContext) => ({
  Dashboard: {
    Type: 'AWS::CloudWatch::Dashboard',
    Properties: { DashboardName: names(ctx.stage).dashboard, DashboardBody: JSON.stringify(dashboardBody(ctx)) },
  },
});
