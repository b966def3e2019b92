// Item 9: an alarm reconciles exactly the group it speaks for, by dimensions first, then by its exact name.
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { groupNameOfAlarm } from '../../controller/alarm-group';
import { UnknownGroupError } from '../../controller/errors';
import { makeOnAlarm } from '../../functions/on-alarm';
import type { GroupConfig } from '../../policies/config';
import type { Snapshot } from '../../policies/snapshot';
import { asgMock, configOf, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { example, shippedConfig } from '../fixtures/shipped';

const rush = example('evening-rush');
const named = (s: Snapshot, name: string): Snapshot => ({ ...s, group: { ...s.group, name } });
const groupCfg = (name: string, extra: Partial<GroupConfig> = {}): GroupConfig => ({ ...shippedConfig().groups[0]!, name, autoScalingGroupName: name, targetGroupArns: [], ...extra });
const tgArn = (name: string) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}/73e2d6bc24d8a067`;

const alarm = (alarmName: string, dimensions: Record<string, string> = {}) => ({
  version: '0', id: 'c4c1c1c9-6542-e61b-6ef0-8c4d36933a92', 'detail-type': 'CloudWatch Alarm State Change', source: 'aws.cloudwatch',
  account: '123456789012', time: '2026-03-04T00:40:00Z', region: 'us-east-1', resources: [`arn:aws:cloudwatch:us-east-1:123456789012:alarm:${alarmName}`],
  detail: { alarmName, state: { value: 'ALARM', reason: 'Threshold Crossed' }, configuration: { metrics: Object.keys(dimensions).length > 0 ? [{ id: 'm1', metricStat: { metric: { dimensions } } }] : [] } },
});

const scaleTo5 = (group: string) => ['SetDesiredCapacityCommand', { AutoScalingGroupName: group, DesiredCapacity: 5, HonorCooldown: false }];

describe('alarm to group mapping', () => {
  beforeEach(resetAws);

  it.each([
    ['autoscaler-web-api-latency-high', 'web-api'],
    ['autoscaler-web-latency-high', 'web'],
    ['autoscaler-web-api-error-rate-high', 'web-api'],
    ['autoscaler-web-error-rate-low', 'web'],
    ['autoscaler-web-api-unhealthy-hosts', 'web-api'],
    ['autoscaler-web-api-cpu-high', 'web-api'],
  ])('reads the group of %s exactly as %s', (name, group) => {
    expect(groupNameOfAlarm(name)).toBe(group);
  });

  it.each(['autoscaler-web-api', 'autoscaler-web-api-latency', 'autoscaler-web-api-disk-high', 'web-api-latency-high', 'autoscaler--cpu-high'])('reads no group from %s, which does not follow the pattern', (name) => {
    expect(groupNameOfAlarm(name)).toBeUndefined();
  });

  it('with groups web and web-api, autoscaler-web-api-latency-high reconciles web-api only', async () => {
    // Prepare: listed web first, where "first prefix wins" used to pick it
    serve([named(rush, 'web'), named(rush, 'web-api')]);
    const rt = testRuntime(configOf(groupCfg('web'), groupCfg('web-api')), rush.takenAt);
    // Act
    const out = await makeOnAlarm(() => rt)(alarm('autoscaler-web-api-latency-high'));
    // Assess
    expect(out.map((g) => g.group)).toEqual(['web-api']);
    expect(asgMock).toHaveReceivedCommandWith(DescribeAutoScalingGroupsCommand, { AutoScalingGroupNames: ['web-api'] });
    expect(writesSent()).toEqual([scaleTo5('web-api')]);
  });

  it('prefers the AutoScalingGroupName dimension over the name', async () => {
    serve([named(rush, 'web'), named(rush, 'web-api')]);
    const rt = testRuntime(configOf(groupCfg('web'), groupCfg('web-api')), rush.takenAt);
    await makeOnAlarm(() => rt)(alarm('autoscaler-web-api-cpu-high', { AutoScalingGroupName: 'web' }));
    expect(writesSent()).toEqual([scaleTo5('web')]);
  });

  it('maps a TargetGroup dimension to the one group that owns that target group', async () => {
    serve([named(rush, 'web'), named(rush, 'web-api')]);
    const config = configOf(groupCfg('web', { targetGroupArns: [tgArn('web')] }), groupCfg('web-api', { targetGroupArns: [tgArn('web-api')] }));
    const rt = testRuntime(config, rush.takenAt);
    await makeOnAlarm(() => rt)(alarm('latency-alarm-by-hand', { TargetGroup: 'targetgroup/web-api/73e2d6bc24d8a067', LoadBalancer: 'app/web/50dc6c495c0c9188' }));
    expect(writesSent()[0]).toEqual(scaleTo5('web-api'));
  });

  it('refuses an alarm whose AutoScalingGroupName dimension is not managed, whatever its name says, with no AWS call', async () => {
    serve([named(rush, 'web')]);
    const rt = testRuntime(configOf(groupCfg('web')), rush.takenAt);
    await expect(makeOnAlarm(() => rt)(alarm('autoscaler-web-cpu-high', { AutoScalingGroupName: 'web-old' }))).rejects.toThrow(UnknownGroupError);
    await expect(makeOnAlarm(() => rt)(alarm('autoscaler-web-cpu-high', { AutoScalingGroupName: 'web-old' }))).rejects.toThrow(/unknown group "web-old \(from alarm autoscaler-web-cpu-high\)"/);
    expect(asgMock.calls()).toHaveLength(0);
  });

  it('refuses a name that only starts like a managed group: autoscaler-web-api-latency-high with only web configured', async () => {
    serve([named(rush, 'web')]);
    const rt = testRuntime(configOf(groupCfg('web')), rush.takenAt);
    await expect(makeOnAlarm(() => rt)(alarm('autoscaler-web-api-latency-high'))).rejects.toThrow(/unknown group "web-api \(from alarm autoscaler-web-api-latency-high\)"/);
    expect(asgMock.calls()).toHaveLength(0);
  });
});

describe('alarm names of a deployed stage', () => {
  it('reads the group after the stage prefix: autoscaler-prod-web-api-latency-high is web-api, never prod-web-api', () => {
    // Act / Assess
    expect(groupNameOfAlarm('autoscaler-prod-web-api-latency-high', 'autoscaler-prod')).toBe('web-api');
    expect(groupNameOfAlarm('autoscaler-prod-web-unhealthy-hosts', 'autoscaler-prod')).toBe('web');
    // Another stage's alarm does not follow this stage's pattern.
    expect(groupNameOfAlarm('autoscaler-dev-web-cpu-high', 'autoscaler-prod')).toBeUndefined();
  });
});
