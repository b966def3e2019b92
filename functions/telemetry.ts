// Powertools logger and metrics around every handler (middy): Lambda context and the event's id as correlation id
// on every line, one decision record and one EMF blob per group, and one EMF blob per run, however the run ends.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { actionOf, severityOf, toLogEntry, type DecisionRecord } from '../controller/decision-record';
import { GROUP_METRICS, METRIC_NAMESPACE, RUN_METRICS, SERVICE } from './metric-names';

export interface Telemetry {
  readonly logger: Logger;
  /** Run metrics, flushed by the logMetrics middleware (with the cold-start metric). */
  readonly metrics: Metrics;
  /** Group metrics: one blob per record, flushed at once (a different dimension set from the run's). */
  readonly groupMetrics: Metrics;
  readonly run: { decided: number; failed: number; started: number };
}

/**
 * Log level from POWERTOOLS_LOG_LEVEL and debug sampling from POWERTOOLS_LOGGER_SAMPLE_RATE, both read by the
 * Logger itself (https://docs.powertools.aws.dev/lambda/typescript/latest/core/logger/#utility-settings).
 */
export const createTelemetry = (env: NodeJS.ProcessEnv = process.env): Telemetry => {
  const defaultDimensions = { stage: env.AUTOSCALER_STAGE ?? 'local' };
  const namespace = env.POWERTOOLS_METRICS_NAMESPACE || METRIC_NAMESPACE;
  return {
    logger: new Logger({ serviceName: SERVICE }),
    metrics: new Metrics({ namespace, serviceName: SERVICE, defaultDimensions }),
    groupMetrics: new Metrics({ namespace, serviceName: SERVICE, defaultDimensions }),
    run: { decided: 0, failed: 0, started: 0 },
  };
};

/** One structured decision record per group per run: failures at ERROR, breaker/tag/mode problems at WARN. */
export const logDecision = (logger: Logger) => (record: DecisionRecord): void => {
  const line = `decision ${record.group}: ${record.outcome} ${actionOf(record)} [${record.reasonCodes.join(', ')}]`;
  logger[severityOf(record)](line, toLogEntry(record));
};

const emitGroupMetrics = (m: Metrics, r: DecisionRecord): void => {
  m.addDimension('group', r.group);
  const before = r.summary?.desired ?? r.plan?.current.desired;
  if (before !== undefined) {
    m.addMetric(GROUP_METRICS.desiredBefore, MetricUnit.Count, before);
    m.addMetric(GROUP_METRICS.desiredAfter, MetricUnit.Count, r.plan?.desired ?? before);
  }
  m.addMetric(GROUP_METRICS.replaced, MetricUnit.Count, r.outcome === 'changed' ? r.written.filter((w) => w.kind === 'setInstanceUnhealthy').length : 0);
  m.addMetric(GROUP_METRICS.changed, MetricUnit.Count, r.outcome === 'changed' ? 1 : 0);
  m.addMetric(GROUP_METRICS.failed, MetricUnit.Count, r.outcome === 'failed' ? 1 : 0);
  m.addMetric(GROUP_METRICS.breakerOpen, MetricUnit.Count, r.reasonCodes.includes('BREAKER_OPEN') ? 1 : 0);
  m.addMetadata('action', actionOf(r));
  m.addMetadata('outcome', r.outcome);
  m.publishStoredMetrics();
};

/** The runtime's record sink in Lambda: the log line, the group's metrics, and the run's counters. */
export const recordDecision = (t: Telemetry) => {
  const log = logDecision(t.logger);
  return (record: DecisionRecord): void => {
    log(record);
    emitGroupMetrics(t.groupMetrics, record);
    if (record.outcome === 'failed') t.run.failed += 1;
    else t.run.decided += 1;
  };
};

/** The id of what woke us: EventBridge's event id, the SNS message id, else the Lambda request id. */
export const correlationIdOf = (event: unknown, context: Context | undefined): string | undefined => {
  const e = event as { id?: unknown; Records?: { Sns?: { MessageId?: unknown } }[] } | null;
  const id = e?.id ?? e?.Records?.[0]?.Sns?.MessageId;
  return typeof id === 'string' ? id : context?.awsRequestId;
};

/** Resets the run's counters before, and adds the run's metrics after (or on error), for logMetrics to flush. */
const runMetrics = (t: Telemetry): middy.MiddlewareObj => {
  const flush = (): void => {
    t.metrics.addMetric(RUN_METRICS.groupsDecided, MetricUnit.Count, t.run.decided);
    t.metrics.addMetric(RUN_METRICS.groupFailures, MetricUnit.Count, t.run.failed);
    t.metrics.addMetric(RUN_METRICS.runDuration, MetricUnit.Milliseconds, Date.now() - t.run.started);
  };
  return {
    before: (request) => {
      Object.assign(t.run, { decided: 0, failed: 0, started: Date.now() });
      t.logger.setCorrelationId(correlationIdOf(request.event, request.context));
      // Only at DEBUG: a sampled invocation (POWERTOOLS_LOGGER_SAMPLE_RATE) shows what it was woken with.
      t.logger.debug('event', { event: request.event });
    },
    after: flush,
    onError: flush,
  };
};

/** The handler as deployed: middy with Powertools' injectLambdaContext and logMetrics (middlewares run in order, after in reverse). */
export const instrument = <E, R>(handler: (event: E) => Promise<R>, t: Telemetry) =>
  middy((event: E) => handler(event))
    .use(injectLambdaContext(t.logger, { resetKeys: true }))
    .use(logMetrics(t.metrics, { captureColdStartMetric: true }))
    .use(runMetrics(t));

let shared: Telemetry | undefined;
/** One per container, shared by the handler's middlewares and the runtime's record sink. */
export const telemetry = (): Telemetry => (shared ??= createTelemetry());
