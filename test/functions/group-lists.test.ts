// Item 12: a rule's input names the groups of a run; each named group runs once.
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { UnknownGroupError } from '../../controller/errors';
import { makeOnSchedule } from '../../functions/on-schedule';
import { makeReplaceUnhealthy } from '../../functions/replace-unhealthy';
import type { GroupConfig } from '../../policies/config';
import type { Snapshot } from '../../policies/snapshot';
import { asgMock, configOf, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { example, INSTANCE, shippedConfig } from '../fixtures/shipped';

const named = (s: Snapshot, name: string): Snapshot => ({ ...s, group: { ...s.group, name } });
const groupCfg = (name: string, asg = name): GroupConfig => ({ ...shippedConfig().groups[0]!, name, autoScalingGroupName: asg });

describe('group lists in schedule input', () => {
  beforeEach(resetAws);

  it('replaceUnhealthy reconciles only the groups the input names', async () => {
    // Prepare: both groups have the same unhealthy instance
    const bad = example('one-bad-instance');
    serve([named(bad, 'web'), named(bad, 'api')]);
    const rt = testRuntime(configOf(groupCfg('web'), groupCfg('api')), bad.takenAt);
    // Act
    const out = await makeReplaceUnhealthy(() => rt)({ groups: ['api'] });
    // Assess
    expect(out.map((g) => g.group)).toEqual(['api']);
    expect(asgMock).toHaveReceivedCommandWith(DescribeAutoScalingGroupsCommand, { AutoScalingGroupNames: ['api'] });
    expect(writesSent()).toEqual([['SetInstanceHealthCommand', { InstanceId: INSTANCE(1), HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: true }]]);
  });

  it('replaceUnhealthy refuses an input naming an unknown group, with no AWS call', async () => {
    const rt = testRuntime(configOf(groupCfg('web')), 0);
    await expect(makeReplaceUnhealthy(() => rt)({ groups: ['nope'] })).rejects.toThrow(UnknownGroupError);
    expect(asgMock.calls()).toHaveLength(0);
  });

  it.each([
    [['web', 'web']],
    [['web', 'web-asg']],
  ])('onSchedule given %j runs web once and writes once', async (groups) => {
    const rush = example('evening-rush');
    serve([named(rush, 'web-asg')]);
    const rt = testRuntime(configOf(groupCfg('web', 'web-asg')), rush.takenAt);
    const out = await makeOnSchedule(() => rt)({ groups });
    expect(out.map((g) => g.group)).toEqual(['web']);
    expect(rt.records).toHaveLength(1);
    expect(writesSent()).toEqual([['SetDesiredCapacityCommand', { AutoScalingGroupName: 'web-asg', DesiredCapacity: 5, HonorCooldown: false }]]);
  });

  it('replaceUnhealthy given the same group twice replaces once', async () => {
    const bad = example('one-bad-instance');
    serve([named(bad, 'web')]);
    const rt = testRuntime(configOf(groupCfg('web')), bad.takenAt);
    await makeReplaceUnhealthy(() => rt)({ groups: ['web', 'web'] });
    expect(writesSent()).toHaveLength(1);
  });
});
