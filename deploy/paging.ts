// The failed-invocation queue, and alarms on the controller itself sent to a topic for people: failed invocations queued, each function's Errors
// and Throttles, and no decided group for N minutes (from the GroupsDecided metric every run emits).
import { METRIC_NAMESPACE, RUN_METRICS, SERVICE } from '../functions/metric-names';
import { FUNCTIONS, names, type DeployContext } from './context';

type Resource = { Type: string; Properties: Record<string, unknown> };
const PAGE = { Ref: 'PageTopic' };

const page = (name: string, description: string, props: Record<string, unknown>): Resource => ({
  Type: 'AWS::CloudWatch::Alarm',
  Properties: { AlarmName: name, AlarmDescription: description, AlarmActions: [PAGE], OKActions: [PAGE], ...props },
});

const fnLogicalId = (fn: string): string => `${fn.charAt(0).toUpperCase()}${fn.slice(1)}LambdaFunction`;

export const pagingResources = (ctx: DeployContext): Record<string, Resource> => {
  const n = names(ctx.stage);
  const out: Record<string, Resource> = {
    PageTopic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: `${n.base}-page`, DisplayName: `CinemaHint autoscaler (${ctx.stage})` } },
    FailedInvocations: { Type: 'AWS::SQS::Queue', Properties: { QueueName: n.queue, MessageRetentionPeriod: 1209600 } },
    PageFailedInvocations: page(n.pagingAlarm('failed-invocations'), 'An asynchronous invocation failed after its retries: read the queued event and the function log', {
      Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['FailedInvocations', 'QueueName'] } }],
      Statistic: 'Maximum', Period: 60, EvaluationPeriods: 1, Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'notBreaching',
    }),
    PageNoDecision: page(n.pagingAlarm('no-decision'), `No group decided for ${ctx.noDecisionMinutes} minutes: the controller is not running or every group fails`, {
      Namespace: METRIC_NAMESPACE, MetricName: RUN_METRICS.groupsDecided, Dimensions: [{ Name: 'service', Value: SERVICE }, { Name: 'stage', Value: ctx.stage }],
      Statistic: 'Sum', Period: 60, EvaluationPeriods: ctx.noDecisionMinutes, DatapointsToAlarm: ctx.noDecisionMinutes, Threshold: 1,
      ComparisonOperator: 'LessThanThreshold', TreatMissingData: 'breaching',
    }),
  };
  if (ctx.page) {
    out.PageSubscription = { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: PAGE, Protocol: ctx.page.protocol, Endpoint: ctx.page.endpoint } };
  }
  // 3 of 5 minutes: one failed minute is retried and queued (the queue alarm pages for it); a persistent fault pages here.
  for (const fn of FUNCTIONS) {
    for (const metric of ['Errors', 'Throttles'] as const) {
      out[`Page${fnLogicalId(fn).replace('LambdaFunction', '')}${metric}`] = page(n.pagingAlarm(`${fn}-${metric.toLowerCase()}`), `${fn}: ${metric} in 3 of the last 5 minutes`, {
        Namespace: 'AWS/Lambda', MetricName: metric, Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnLogicalId(fn) } }],
        Statistic: 'Sum', Period: 60, EvaluationPeriods: 5, DatapointsToAlarm: 3, Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'notBreaching',
      });
    }
  }
  return out;
};
