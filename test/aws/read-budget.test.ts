// The read budget of a run (README, "Reads per run"): one read of every group per minute, batched, with
// DescribeTargetHealth only where the ALB reports unhealthy hosts.
import { DescribeAutoScalingGroupsCommand, DescribeScalingActivitiesCommand } from '@aws-sdk/client-auto-scaling';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { RunFailedError } from '../../controller/errors';
import { makeOnSchedule } from '../../functions/on-schedule';
import { makeReplaceUnhealthy } from '../../functions/replace-unhealthy';
import type { Snapshot } from '../../policies/snapshot';
import { asgMock, configOf, cwMock, elbMock, LB_ARN, readCalls, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { event, example, INSTANCE, shippedConfig } from '../fixtures/shipped';

const rush = example('evening-rush'); // every target healthy
const bad = example('one-bad-instance'); // one unhealthy target
const tgOf = (i: number) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/g${i}/0000${i}`;
const groupN = (s: Snapshot, i: number): Snapshot => ({ ...s, group: { ...s.group, name: `g${i}`, targetGroupArns: [tgOf(i)] }, targets: s.targets.map((t) => ({ ...t, targetGroupArn: tgOf(i) })) });
const configN = (snaps: readonly Snapshot[]) => {
  const base = shippedConfig().groups[0]!;
  return configOf(...snaps.map((s) => ({ ...base, name: s.group.name, autoScalingGroupName: s.group.name, targetGroupArns: [...s.group.targetGroupArns], loadBalancerArn: LB_ARN })));
};
/** Both every-minute functions, as EventBridge wakes them. */
const minute = async (rt: ReturnType<typeof testRuntime>) => {
  await makeOnSchedule(() => rt)(event('schedule-tick'));
  await makeReplaceUnhealthy(() => rt)(event('schedule-health-tick'));
};

describe('read calls per run', () => {
  beforeEach(resetAws);

  it('one healthy group costs 3 reads a minute for both functions (groups, metrics, activities), and the forecast\'s history once a slot', async () => {
    // Prepare
    serve([rush]);
    const rt = testRuntime(configOf({ ...shippedConfig().groups[0]!, loadBalancerArn: LB_ARN }), rush.takenAt);
    // Act
    await minute(rt);
    // Assess: 3, plus the shipped forecast's 14-day RequestCount (its own GetMetricData, once per 5-minute slot)
    expect(readCalls()).toBe(3 + 1);
    for (const [mock, C, n] of [[asgMock, DescribeAutoScalingGroupsCommand, 1], [cwMock, GetMetricDataCommand, 2], [asgMock, DescribeScalingActivitiesCommand, 1]] as const) {
      expect(mock).toHaveReceivedCommandTimes(C as never, n);
    }
    // Act: the next run in the same slot reads the history from the container's cache
    await minute(rt);
    expect(readCalls()).toBe(3 + 1 + 3);
    expect(elbMock).not.toHaveReceivedCommand(DescribeTargetHealthCommand);
    expect(elbMock).not.toHaveReceivedCommand(DescribeTargetGroupsCommand);
  });

  it('one group with an unhealthy host reported costs a 4th read, DescribeTargetHealth, and replaces it', async () => {
    serve([bad]);
    const rt = testRuntime(configOf({ ...shippedConfig().groups[0]!, loadBalancerArn: LB_ARN }), bad.takenAt);
    await minute(rt);
    expect(readCalls()).toBe(4 + 1); // + the forecast's history, as above
    expect(elbMock).toHaveReceivedCommandTimes(DescribeTargetHealthCommand, 1);
    expect(writesSent()).toEqual([['SetInstanceHealthCommand', { InstanceId: INSTANCE(1), HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: true }]]);
  });

  it('asks GetMetricData for UnHealthyHostCount in the same call, and only for the window the decision reads', async () => {
    serve([rush]);
    const rt = testRuntime(configOf({ ...shippedConfig().groups[0]!, loadBalancerArn: LB_ARN }), rush.takenAt);
    await minute(rt);
    const input = cwMock.commandCalls(GetMetricDataCommand)[0]!.args[0].input;
    expect(input.MetricDataQueries!.find((q) => q.Id === 'g0_uh0')!.MetricStat).toMatchObject({ Metric: { MetricName: 'UnHealthyHostCount' }, Stat: 'Maximum' });
    // metricMaxAge 300 s + stabilization 300 s, ending at the minute: the window counts back from the newest
    // datapoint, which may be as old as the freshness limit
    expect(input.EndTime!.getTime() - input.StartTime!.getTime()).toBe(600_000);
    expect(input.EndTime!.getTime()).toBe(Math.floor(rush.takenAt / 60_000) * 60_000);
  });

  it('derives the load balancer once per container: one DescribeTargetGroups on the first run only', async () => {
    serve([rush]);
    const rt = testRuntime(shippedConfig(), rush.takenAt);
    await minute(rt);
    expect(readCalls()).toBe(4 + 1); // + the forecast's history, cached for the slot
    await minute(rt);
    expect(readCalls()).toBe(4 + 1 + 3);
    expect(elbMock).toHaveReceivedCommandTimes(DescribeTargetGroupsCommand, 1);
  });

  it('250 groups, 10 with an unhealthy host, cost 5 + 5 + 250 + 10 reads a minute for both functions, + 5 history reads a slot', async () => {
    // Prepare
    const snaps = Array.from({ length: 250 }, (_, i) => groupN(i % 25 === 0 ? bad : rush, i));
    serve(snaps);
    const rt = testRuntime(configN(snaps), rush.takenAt);
    // Act
    await minute(rt);
    // Assess: observed in batches of 50 (reads of one batch overlap the writes of the previous one), so
    // 250/50 = 5 describes and 5 GetMetricData (50 groups x 9 queries = 450 <= 500, never split: expressions
    // need their metrics); 250 activities; target health for the 10 groups (every 25th) whose UnHealthyHostCount
    // is above 0.
    expect(asgMock).toHaveReceivedCommandTimes(DescribeAutoScalingGroupsCommand, 5);
    // + 5 GetMetricData of the forecasts' 14-day history, 50 groups a call, once per 5-minute slot.
    expect(cwMock).toHaveReceivedCommandTimes(GetMetricDataCommand, 5 + 5);
    expect(asgMock).toHaveReceivedCommandTimes(DescribeScalingActivitiesCommand, 250);
    expect(elbMock).toHaveReceivedCommandTimes(DescribeTargetHealthCommand, 10);
    expect(elbMock.commandCalls(DescribeTargetHealthCommand).map((c) => c.args[0].input.TargetGroupArn).sort()).toEqual(Array.from({ length: 10 }, (_, k) => tgOf(k * 25)).sort());
    expect(readCalls()).toBe(5 + 5 + 250 + 10 + 5);
    for (const c of cwMock.commandCalls(GetMetricDataCommand)) expect(c.args[0].input.MetricDataQueries!.length).toBeLessThanOrEqual(500);
    expect(rt.records.filter((r) => r.outcome === 'failed')).toEqual([]);
    expect(rt.records).toHaveLength(250);
  });

  it('with one group\'s target health unreadable, only that group fails', async () => {
    // Prepare: g0 and g1 both report an unhealthy host; g1's DescribeTargetHealth is throttled past the retries
    const snaps = [groupN(bad, 0), groupN(bad, 1), groupN(rush, 2)];
    serve(snaps);
    elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: tgOf(1) }).rejects(Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: {} }));
    const rt = testRuntime(configN(snaps), bad.takenAt);
    // Act
    const run = makeOnSchedule(() => rt)(event('schedule-tick'));
    // Assess
    await expect(run).rejects.toThrow(RunFailedError);
    expect(rt.records.map((r) => [r.group, r.outcome])).toEqual([['g0', 'changed'], ['g1', 'failed'], ['g2', 'unchanged']]);
    expect(rt.records[1]!.error).toMatchObject({ code: 'Throttling', message: 'reading group g1: Throttling: Rate exceeded' });
    expect(writesSent().filter(([, input]) => (input as { AutoScalingGroupName?: string }).AutoScalingGroupName === 'g1')).toEqual([]);
    expect(writesSent()).toContainEqual(['SetInstanceHealthCommand', { InstanceId: INSTANCE(1), HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: true }]);
  });
});
