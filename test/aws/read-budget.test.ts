import { DescribeAutoScalingGroupsCommand, DescribeScalingActivitiesCommand } from '@aws-sdk/client-auto-scaling';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { makeOnSchedule } from '../../functions/on-schedule';
import type { Snapshot } from '../../policies/snapshot';
import { asgMock, configOf, cwMock, elbMock, LB_ARN, readCalls, resetAws, serve, testRuntime } from '../fixtures/aws-world';
import { event, example, shippedConfig } from '../fixtures/shipped';

const rush = example('evening-rush');
const tgOf = (i: number) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/g${i}/0000${i}`;
const groupN = (i: number): Snapshot => ({ ...rush, group: { ...rush.group, name: `g${i}`, targetGroupArns: [tgOf(i)] }, targets: rush.targets.map((t) => ({ ...t, targetGroupArn: tgOf(i) })) });

describe('read calls per run', () => {
  beforeEach(resetAws);

  it('one group with its load balancer configured costs 4 reads: groups, metrics, target health, activities', async () => {
    serve([rush]);
    const g = { ...shippedConfig().groups[0]!, loadBalancerArn: LB_ARN };
    const rt = testRuntime(configOf(g), rush.takenAt);
    await makeOnSchedule(() => rt)(event('schedule-tick'));
    expect(readCalls()).toBe(4);
    for (const [mock, C] of [[asgMock, DescribeAutoScalingGroupsCommand], [cwMock, GetMetricDataCommand], [elbMock, DescribeTargetHealthCommand], [asgMock, DescribeScalingActivitiesCommand]] as const) {
      expect(mock).toHaveReceivedCommandTimes(C as never, 1);
    }
    expect(elbMock).not.toHaveReceivedCommand(DescribeTargetGroupsCommand);
  });

  it('derives the load balancer once per container: 5 reads on the first run, 4 after', async () => {
    serve([rush]);
    const rt = testRuntime(shippedConfig(), rush.takenAt);
    const handler = makeOnSchedule(() => rt);
    await handler(event('schedule-tick'));
    expect(readCalls()).toBe(5);
    await handler(event('schedule-tick'));
    expect(readCalls()).toBe(5 + 4);
    expect(elbMock).toHaveReceivedCommandTimes(DescribeTargetGroupsCommand, 1);
  });

  it('250 groups cost the batched reads, not one call per group per metric', async () => {
    // Prepare
    const snaps = Array.from({ length: 250 }, (_, i) => groupN(i));
    serve(snaps);
    const base = shippedConfig().groups[0]!;
    const rt = testRuntime(configOf(...snaps.map((s) => ({ ...base, name: s.group.name, autoScalingGroupName: s.group.name }))), rush.takenAt);
    // Act
    const out = await makeOnSchedule(() => rt)(event('schedule-tick'));
    // Assess: ceil(250/100) = 3 describes; 8 queries a group, never split (expressions need their metrics),
    // so floor(500/8) = 62 groups a call -> ceil(250/62) = 5 GetMetricData;
    // 250 target health + 250 activities; ceil(250/20) = 13 target-group lookups on a cold container.
    expect(asgMock).toHaveReceivedCommandTimes(DescribeAutoScalingGroupsCommand, 3);
    expect(cwMock).toHaveReceivedCommandTimes(GetMetricDataCommand, 5);
    expect(elbMock).toHaveReceivedCommandTimes(DescribeTargetHealthCommand, 250);
    expect(asgMock).toHaveReceivedCommandTimes(DescribeScalingActivitiesCommand, 250);
    expect(elbMock).toHaveReceivedCommandTimes(DescribeTargetGroupsCommand, 13);
    expect(readCalls()).toBe(3 + 5 + 250 + 250 + 13);
    for (const c of cwMock.commandCalls(GetMetricDataCommand)) expect(c.args[0].input.MetricDataQueries!.length).toBeLessThanOrEqual(500);
    expect(out.every((g) => g.outcome === 'changed')).toBe(true);
  });
});
