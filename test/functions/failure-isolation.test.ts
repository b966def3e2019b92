// Item 14: one group's stale target group or rejected metric query fails that group alone, with its own error.
import { DescribeTargetGroupsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { RunFailedError } from '../../controller/errors';
import { makeOnSchedule } from '../../functions/on-schedule';
import type { GroupConfig } from '../../policies/config';
import type { Snapshot } from '../../policies/snapshot';
import { configOf, cwMock, elbMock, rejectMetricQueriesOf, resetAws, serve, staleTargetGroup, testRuntime, writesSent } from '../fixtures/aws-world';
import { event, example, shippedConfig } from '../fixtures/shipped';

const rush = example('evening-rush');
const tgArn = (name: string) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}/73e2d6bc24d8a067`;
const groupSnap = (name: string): Snapshot => ({
  ...rush, group: { ...rush.group, name, targetGroupArns: [tgArn(name)] }, targets: rush.targets.map((t) => ({ ...t, targetGroupArn: tgArn(name) })),
});
const groupCfg = (name: string): GroupConfig => ({ ...shippedConfig().groups[0]!, name, autoScalingGroupName: name, targetGroupArns: [tgArn(name)] });
const WEB_SCALES_TO_5 = [['SetDesiredCapacityCommand', { AutoScalingGroupName: 'web', DesiredCapacity: 5, HonorCooldown: false }]];

const runTwo = async () => {
  serve([groupSnap('web'), groupSnap('api')]);
  const rt = testRuntime(configOf(groupCfg('web'), groupCfg('api')), rush.takenAt);
  const error = await makeOnSchedule(() => rt)(event('schedule-tick')).then(() => undefined, (e: unknown) => e);
  return { rt, error };
};

describe('failure isolation', () => {
  beforeEach(resetAws);

  it('a stale target group ARN in one group fails that group alone; the other still scales 3 -> 5', async () => {
    // Prepare
    staleTargetGroup(tgArn('api'));
    // Act
    const { rt, error } = await runTwo();
    // Assess: the batch was refused, then asked ARN by ARN
    expect(writesSent()).toEqual(WEB_SCALES_TO_5);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as RunFailedError).failures.map((f) => f.group)).toEqual(['api']);
    expect(rt.records.map((r) => [r.group, r.outcome])).toEqual([['web', 'changed'], ['api', 'failed']]);
    expect(rt.records[1]!.error).toMatchObject({ code: 'TargetGroupNotFoundException', message: expect.stringContaining(`DescribeTargetGroups ${tgArn('api')}`) });
    expect(elbMock.commandCalls(DescribeTargetGroupsCommand).map((c) => c.args[0].input.TargetGroupArns)).toEqual([[tgArn('web'), tgArn('api')], [tgArn('web')], [tgArn('api')]]);
  });

  it('a metric query CloudWatch rejects fails its group alone; the other still scales 3 -> 5', async () => {
    rejectMetricQueriesOf('api');
    const { rt, error } = await runTwo();
    expect(writesSent()).toEqual(WEB_SCALES_TO_5);
    expect((error as RunFailedError).failures).toEqual([{ group: 'api', error: expect.stringMatching(/^GetMetricData for group api: InvalidParameterValueException: .*metric of api/) }]);
    expect(rt.records[1]).toMatchObject({ group: 'api', outcome: 'failed', writes: [], written: [], error: { code: 'InvalidParameterValueException' } });
    // One batched call refused, then one call per group; and the shipped forecast's 14-day history read for web
    // (api's group failed before its forecast is read).
    expect(cwMock).toHaveReceivedCommandTimes(GetMetricDataCommand, 4);
    expect(cwMock.commandCalls(GetMetricDataCommand).filter((c) => c.args[0].input.MetricDataQueries!.some((q) => q.Id!.endsWith('_history')))).toHaveLength(1);
  });

  it('two groups, one with a stale target group and a failing metric query: the other still changes', async () => {
    // Prepare
    staleTargetGroup(tgArn('api'));
    rejectMetricQueriesOf('api');
    // Act
    const { rt, error } = await runTwo();
    // Assess: exactly web's write, and api's own error
    expect(writesSent()).toEqual(WEB_SCALES_TO_5);
    expect((error as RunFailedError).failures).toEqual([{ group: 'api', error: expect.stringContaining('TargetGroupNotFoundException') }]);
    expect(rt.records.map((r) => [r.group, r.outcome, r.error?.code])).toEqual([['web', 'changed', undefined], ['api', 'failed', 'TargetGroupNotFoundException']]);
  });

  it('a refusal that is not about one item (access denied) fails every group at once, without asking item by item', async () => {
    serve([groupSnap('web'), groupSnap('api')]);
    elbMock.on(DescribeTargetGroupsCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: {} }));
    const rt = testRuntime(configOf(groupCfg('web'), groupCfg('api')), rush.takenAt);
    await expect(makeOnSchedule(() => rt)(event('schedule-tick'))).rejects.toThrow(/2 group\(s\) failed/);
    expect(elbMock).toHaveReceivedCommandTimes(DescribeTargetGroupsCommand, 1);
    expect(writesSent()).toEqual([]);
  });
});
