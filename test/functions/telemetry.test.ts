// The handlers as deployed (middy + Powertools): what an operator finds in CloudWatch Logs and Metrics for a run.
import type { Context } from 'aws-lambda';
import { RunFailedError } from '../../controller/errors';
import { makeOnSchedule } from '../../functions/on-schedule';
import { correlationIdOf, createTelemetry, instrument, recordDecision } from '../../functions/telemetry';
import type { Snapshot } from '../../policies/snapshot';
import { configOf, resetAws, serve, testRuntime } from '../fixtures/aws-world';
import { event, example, shippedConfig } from '../fixtures/shipped';

type Line = Record<string, unknown>;
interface Emf { _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] } }

const context = {
  functionName: 'cinemahint-autoscaler-test-onSchedule', functionVersion: '$LATEST', memoryLimitInMB: '256',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:cinemahint-autoscaler-test-onSchedule',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678', logGroupName: '/aws/lambda/x', logStreamName: 's',
  callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 60_000, done: () => undefined, fail: () => undefined, succeed: () => undefined,
} as unknown as Context;

/** Runs a handler built from `make` under the deployed middlewares, with stdout captured as JSON lines. */
const runDeployed = async (make: typeof makeOnSchedule, snapshots: readonly Snapshot[], ev: unknown, opts: { env?: Record<string, string>; alsoConfigured?: string[] } = {}) => {
  const saved = { ...process.env };
  Object.assign(process.env, { AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand', POWERTOOLS_DEV: '', POWERTOOLS_METRICS_DISABLED: 'false', POWERTOOLS_LOG_LEVEL: 'INFO', POWERTOOLS_LOGGER_SAMPLE_RATE: '0', ...opts.env });
  const out: string[] = [];
  // Lambda sends stdout and stderr alike to CloudWatch Logs; Powertools writes WARN and ERROR to stderr.
  const capture = (chunk: string | Uint8Array): boolean => {
    out.push(String(chunk));
    return true;
  };
  const writes = [jest.spyOn(process.stdout, 'write').mockImplementation(capture), jest.spyOn(process.stderr, 'write').mockImplementation(capture)];
  try {
    serve(snapshots);
    const t = createTelemetry({ AUTOSCALER_STAGE: 'test' });
    const base = shippedConfig().groups[0]!;
    const names = [...snapshots.map((s) => s.group.name), ...(opts.alsoConfigured ?? [])];
    const groups = names.map((name) => ({ ...base, name, autoScalingGroupName: name }));
    const rt = { ...testRuntime(configOf(...groups), snapshots[0]!.takenAt), record: recordDecision(t) };
    const handler = instrument(make(() => rt), t);
    const result = await handler(ev, context).then((r) => ({ ok: r }), (e: unknown) => ({ error: e }));
    const lines = out.join('').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Line);
    return { result, lines, logs: lines.filter((l) => !('_aws' in l)), emf: lines.filter((l) => '_aws' in l) as (Line & Emf)[] };
  } finally {
    for (const w of writes) w.mockRestore();
    process.env = saved;
  }
};

const metricNames = (b: Emf): string[] => b._aws.CloudWatchMetrics[0]!.Metrics.map((m) => m.Name).sort();
const renamed = (s: Snapshot, name: string): Snapshot => ({ ...s, group: { ...s.group, name } });

describe('deployed handler telemetry', () => {
  beforeEach(resetAws);

  it('logs each decision with the Lambda context, the event id as correlation id, and the headline first', async () => {
    // Prepare
    const rush = example('evening-rush');
    // Act
    const { logs } = await runDeployed(makeOnSchedule, [rush], event('schedule-tick'));
    // Assess
    const decision = logs.find((l) => String(l.message).startsWith('decision '))!;
    expect(decision).toMatchObject({
      level: 'INFO', cold_start: true, function_name: context.functionName, function_request_id: context.awsRequestId,
      function_arn: context.invokedFunctionArn, function_memory_size: '256', correlation_id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
      service: 'cinemahint-autoscaler', group: 'cinemahint-web', outcome: 'changed', action: 'scale-out', desiredBefore: 3, desiredAfter: 5,
      // cpu, memory, latency and requestRate vote out; errorRate holds.
      // The shipped forecast has no history in this mocked CloudWatch: it says so and stays off.
      reasonCodes: 'SCALE_OUT_CPU,VOTE_SCALE_OUT,VOTE_SCALE_OUT,VOTE_SCALE_OUT,VOTE_SCALE_OUT,VOTE_HOLD,FORECAST_OFF_SHORT_HISTORY',
    });
    const keys = Object.keys(decision);
    expect(keys.indexOf('group')).toBeLessThan(20);
    expect(keys[keys.length - 1]).toBe('decision');
    // The plan and snapshot are JSON text: one discovered field each, and replayable.
    const detail = decision.decision as { plan: string; snapshot: string };
    expect(JSON.parse(detail.snapshot).group.desired).toBe(3);
    expect(JSON.parse(detail.plan).desired).toBe(5);
  });

  it('emits one EMF blob per group (desired before/after, replaced, changed, failed, breaker) and one per run', async () => {
    // Prepare
    const rush = example('evening-rush');
    // Act
    const { emf, result } = await runDeployed(makeOnSchedule, [rush, renamed(example('quiet-night'), 'cinemahint-api')], event('schedule-tick'));
    // Assess
    expect(result).toHaveProperty('ok');
    const groups = emf.filter((b) => 'group' in b);
    expect(groups.map((b) => b.group)).toEqual(['cinemahint-web', 'cinemahint-api']);
    for (const b of groups) {
      expect(b._aws.CloudWatchMetrics[0]!.Namespace).toBe('CinemaHintAutoscaler');
      expect(b._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service', 'stage', 'group']]);
      expect(metricNames(b)).toEqual(['BreakerOpen', 'Changed', 'DesiredAfter', 'DesiredBefore', 'Failed', 'Replaced']);
      expect(b).toMatchObject({ service: 'cinemahint-autoscaler', stage: 'test', Failed: 0, BreakerOpen: 0 });
    }
    expect(groups[0]).toMatchObject({ DesiredBefore: 3, DesiredAfter: 5, Changed: 1, action: 'scale-out', outcome: 'changed' });
    const run = emf.find((b) => 'GroupsDecided' in b)!;
    expect(run._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service', 'stage']]);
    expect(run).toMatchObject({ GroupsDecided: 2, GroupFailures: 0, stage: 'test' });
    expect(typeof run.RunDuration).toBe('number');
    expect(emf.find((b) => 'ColdStart' in b)).toMatchObject({ ColdStart: 1, function_name: context.functionName });
  });

  it('logs a failed group at ERROR, counts it, and still publishes the run metrics when the run throws', async () => {
    // Prepare: a configured group that does not exist in AWS
    const rush = example('evening-rush');
    // Act
    const { result, logs, emf } = await runDeployed(makeOnSchedule, [rush], event('schedule-tick'), { alsoConfigured: ['cinemahint-gone'] });
    // Assess
    expect((result as { error?: unknown }).error).toBeInstanceOf(RunFailedError);
    expect(logs.filter((l) => l.group === 'cinemahint-gone')).toEqual([expect.objectContaining({ level: 'ERROR', outcome: 'failed', action: 'none' })]);
    expect(emf.find((b) => b.group === 'cinemahint-gone')).toMatchObject({ Failed: 1, Changed: 0 });
    expect(emf.find((b) => 'GroupsDecided' in b)).toMatchObject({ GroupsDecided: 1, GroupFailures: 1 });
  });

  it('logs an open breaker at WARN, with BreakerOpen = 1', async () => {
    // Prepare
    const outage = example('dependency-outage');
    // Act
    const { logs, emf } = await runDeployed(makeOnSchedule, [outage], event('schedule-tick'));
    // Assess
    expect(logs.find((l) => l.group === 'cinemahint-web')).toMatchObject({ level: 'WARN', reasonCodes: expect.stringContaining('BREAKER_OPEN'), action: 'hold' });
    expect(emf.find((b) => b.group === 'cinemahint-web')).toMatchObject({ BreakerOpen: 1, Replaced: 0 });
  });

  it('takes its level from POWERTOOLS_LOG_LEVEL: at WARN an ordinary decision is not logged, its metrics still are', async () => {
    const { logs, emf } = await runDeployed(makeOnSchedule, [example('evening-rush')], event('schedule-tick'), { env: { POWERTOOLS_LOG_LEVEL: 'WARN' } });
    expect(logs.filter((l) => String(l.message).startsWith('decision '))).toEqual([]);
    expect(emf.find((b) => b.group === 'cinemahint-web')).toMatchObject({ DesiredAfter: 5 });
  });

  it('samples debug logs at POWERTOOLS_LOGGER_SAMPLE_RATE: a sampled run also logs the event it received', async () => {
    const sampled = await runDeployed(makeOnSchedule, [example('evening-rush')], event('schedule-tick'), { env: { POWERTOOLS_LOGGER_SAMPLE_RATE: '1' } });
    expect(sampled.logs.find((l) => l.message === 'event')).toMatchObject({ level: 'DEBUG', sampling_rate: 1, event: { id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa' } });
    const unsampled = await runDeployed(makeOnSchedule, [example('evening-rush')], event('schedule-tick'));
    expect(unsampled.logs.find((l) => l.message === 'event')).toBeUndefined();
  });
});

describe('correlation id', () => {
  it('is the EventBridge event id, else the SNS message id, else the Lambda request id', () => {
    expect(correlationIdOf(event('alarm-cpu-high'), context)).toBe((event('alarm-cpu-high') as { id: string }).id);
    const sns = event('alarm-sns-latency-high') as { Records: { Sns: { MessageId: string } }[] };
    expect(correlationIdOf(sns, context)).toBe(sns.Records[0]!.Sns.MessageId);
    expect(correlationIdOf({ action: 'plan' }, context)).toBe(context.awsRequestId);
  });
});
