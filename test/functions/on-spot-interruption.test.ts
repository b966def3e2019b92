// The spot handler over mocked AWS clients: the interruption and rebalance events end to end, the exact commands,
// idempotence across deliveries, and no write for a bad event, an unknown instance or an unmanaged group.
import {
  CreateOrUpdateTagsCommand, DescribeAutoScalingGroupsCommand, DescribeAutoScalingInstancesCommand, DescribeScalingActivitiesCommand, SetDesiredCapacityCommand,
} from '@aws-sdk/client-auto-scaling';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CloudError, EventParseError, RunFailedError } from '../../controller/errors';
import { handleAtRisk } from '../../controller/spot-signal';
import { makeOnSpotInterruption } from '../../functions/on-spot-interruption';
import { AT_RISK_TAG } from '../../policies/spot-interruption';
import { TAGS } from '../../policies/tags';
import malformed from '../../events/malformed-spot-no-instance.json';
import rebalanceSample from '../../events/rebalance-recommendation.json';
import warningSample from '../../events/spot-interruption-warning.json';
import { asgMock, configOf, cwMock, locateInstance, readCalls, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { groupConfig, instances, NOW, snapshot } from '../fixtures/builders';
import { warning } from '../fixtures/spot-scenarios';

const spot = { onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: 0, spotAllocationStrategy: 'price-capacity-optimized' };
const tagWrite = (group: string, value: string) => ['CreateOrUpdateTagsCommand', { Tags: [{ ResourceId: group, ResourceType: 'auto-scaling-group', Key: AT_RISK_TAG, Value: value, PropagateAtLaunch: false }] }];
const awsError = (name: string, message: string): Error => Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });

describe('onSpotInterruption', () => {
  beforeEach(resetAws);

  it('on the sample interruption warning finds the group by DescribeAutoScalingInstances and raises 3 -> 4 before i-00000002 goes', async () => {
    // Prepare
    serve([snapshot({ distribution: spot, capacityRebalance: true })]);
    const rt = testRuntime(configOf(groupConfig()), NOW);
    // Act
    const res = await makeOnSpotInterruption(() => rt)(warningSample);
    // Assess
    expect(asgMock.commandCalls(DescribeAutoScalingInstancesCommand).map((c) => c.args[0].input)).toEqual([{ InstanceIds: ['i-00000002'], MaxRecords: 50 }]);
    expect(asgMock.commandCalls(DescribeAutoScalingGroupsCommand).map((c) => c.args[0].input.AutoScalingGroupNames)).toEqual([['web-asg']]);
    expect(writesSent()).toEqual([
      ['SetDesiredCapacityCommand', { AutoScalingGroupName: 'web-asg', DesiredCapacity: 4, HonorCooldown: false }],
      tagWrite('web-asg', 'i-00000002:add'),
    ]);
    // The group alone: no metrics, no activities.
    expect(cwMock).not.toHaveReceivedCommand(GetMetricDataCommand);
    expect(asgMock).not.toHaveReceivedCommand(DescribeScalingActivitiesCommand);
    expect(res).toMatchObject({ signal: { kind: 'interruption', instanceId: 'i-00000002' }, ignored: [], groups: [{ group: 'web', outcome: 'changed', reasonCodes: ['SPOT_INTERRUPTION_REPLACE'] }] });
    expect(rt.records[0]).toMatchObject({ trigger: { kind: 'spot', signal: 'interruption', instanceId: 'i-00000002' }, plan: { action: { kind: 'scale', from: 3, to: 4, code: 'SPOT_INTERRUPTION_REPLACE' } } });
  });

  it('on the sample rebalance recommendation with Capacity Rebalancing on writes only the record: the ASG replaces i-00000003', async () => {
    serve([snapshot({ distribution: spot, capacityRebalance: true })]);
    const rt = testRuntime(configOf(groupConfig()), NOW);
    await makeOnSpotInterruption(() => rt)(rebalanceSample);
    expect(writesSent()).toEqual([tagWrite('web-asg', 'i-00000003:asg')]);
    expect(asgMock).not.toHaveReceivedCommand(SetDesiredCapacityCommand);
  });

  it('adds once: the warning delivered again, after the first was applied, writes nothing; a rebalance that came first is not added to', async () => {
    // Prepare: the group as the first delivery left it (4 desired, the tag written)
    serve([snapshot({ desired: 4, instances: instances(4), distribution: spot, tags: { [AT_RISK_TAG]: 'i-00000002:add' } })]);
    const rt = testRuntime(configOf(groupConfig()), NOW);
    // Act
    const again = await makeOnSpotInterruption(() => rt)(warningSample);
    // Assess
    expect(writesSent()).toEqual([]);
    expect(again.groups[0]).toMatchObject({ outcome: 'unchanged', reasonCodes: ['SPOT_AT_RISK_ALREADY_REPLACED'] });
  });

  it('refuses a malformed event naming each problem, before any AWS call', async () => {
    const rt = testRuntime(configOf(groupConfig()), NOW);
    const error = await makeOnSpotInterruption(() => rt)(malformed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventParseError);
    expect((error as EventParseError).problems.join('\n')).toMatch(/event\.detail\.instance-id[\s\S]*event\.detail\.instance-action/);
    expect(asgMock.calls()).toHaveLength(0);
    expect(rt.records).toEqual([]);
  });

  it('reports an instance in no Auto Scaling group and writes nothing, without throwing (the rule sees every Spot instance)', async () => {
    serve([snapshot({ distribution: spot })]);
    const rt = testRuntime(configOf(groupConfig()), NOW);
    const res = await makeOnSpotInterruption(() => rt)(warning('i-0123456789abcdef0'));
    expect(res.ignored).toEqual([{ instanceId: 'i-0123456789abcdef0', kind: 'interruption', code: 'SPOT_AT_RISK_UNKNOWN_INSTANCE', message: expect.stringContaining('in no Auto Scaling group') }]);
    expect(asgMock).not.toHaveReceivedCommand(DescribeAutoScalingGroupsCommand);
    expect(writesSent()).toEqual([]);
    expect(rt.records).toEqual([]);
  });

  it('reports an instance of a group the configuration does not manage, by name, and writes nothing', async () => {
    serve([snapshot({ distribution: spot })]);
    locateInstance('i-0000000b', 'batch-asg');
    const rt = testRuntime(configOf(groupConfig()), NOW);
    const res = await makeOnSpotInterruption(() => rt)(warning('i-0000000b'));
    expect(res.ignored[0]!.message).toMatch(/Auto Scaling group "batch-asg" is not managed by this configuration \(managed: web-asg\)/);
    expect(readCalls()).toBe(1);
    expect(writesSent()).toEqual([]);
  });

  it('lets a failed DescribeAutoScalingInstances throw, so Lambda retries the warning, and writes nothing', async () => {
    serve([snapshot({ distribution: spot })]);
    asgMock.on(DescribeAutoScalingInstancesCommand).rejects(awsError('AccessDenied', 'not authorized to perform autoscaling:DescribeAutoScalingInstances'));
    const rt = testRuntime(configOf(groupConfig()), NOW);
    const error = await makeOnSpotInterruption(() => rt)(warningSample).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('DescribeAutoScalingInstances i-00000002') });
    expect(writesSent()).toEqual([]);
  });

  it('does not record the instance when SetDesiredCapacity fails: the run fails and a retry still adds', async () => {
    serve([snapshot({ distribution: spot })]);
    asgMock.on(SetDesiredCapacityCommand).rejects(awsError('ResourceContentionFault', 'busy'));
    const rt = testRuntime(configOf(groupConfig()), NOW);
    const error = await makeOnSpotInterruption(() => rt)(warningSample).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunFailedError);
    expect(asgMock).not.toHaveReceivedCommand(CreateOrUpdateTagsCommand);
    expect(rt.records[0]).toMatchObject({ outcome: 'failed', written: [], error: { code: 'ResourceContention' } });
  });

  it('stays within the group\'s own MaxSize when it is below the configured maximum: 4 of MaxSize 4 adds nothing, and is not recorded', async () => {
    // Prepare: the configuration allows 10, the group (not yet widened by a run) allows 4; SetDesiredCapacity 5 would be refused.
    serve([snapshot({ desired: 4, max: 4, instances: instances(4), distribution: spot })]);
    const rt = testRuntime(configOf(groupConfig()), NOW);
    // Act
    const res = await makeOnSpotInterruption(() => rt)(warningSample);
    // Assess
    expect(writesSent()).toEqual([]);
    expect(res.groups[0]).toMatchObject({ outcome: 'unchanged', reasonCodes: ['LIMIT_MAX_BOUND'] });
  });

  it('scales out by one per at-risk instance of a batch, up to the maximum: 3 at risk, room for 2 -> 8 -> 10, interruptions first', async () => {
    // Prepare: 8 of 10; i-00000003 has a rebalance recommendation, i-00000005 and i-00000007 interruption warnings
    serve([snapshot({ desired: 8, instances: instances(8), distribution: spot })]);
    const rt = testRuntime(configOf(groupConfig()), NOW);
    for (const id of ['i-00000003', 'i-00000005', 'i-00000007']) locateInstance(id, 'web-asg');
    // Act
    const result = await handleAtRisk([
      { instanceId: 'i-00000003', kind: 'rebalance' }, { instanceId: 'i-00000007', kind: 'interruption' }, { instanceId: 'i-00000005', kind: 'interruption' },
    ], { cloud: rt.cloud, config: rt.config, now: NOW, dryRun: false, log: rt.record, trigger: { kind: 'spot', signal: 'interruption', instanceId: 'i-00000005' } });
    // Assess
    expect(result.records[0]!.reasonCodes).toEqual(['SPOT_INTERRUPTION_REPLACE', 'SPOT_INTERRUPTION_REPLACE', 'LIMIT_MAX_BOUND']);
    expect(writesSent()).toEqual([
      ['SetDesiredCapacityCommand', { AutoScalingGroupName: 'web-asg', DesiredCapacity: 10, HonorCooldown: false }],
      tagWrite('web-asg', 'i-00000005:add,i-00000007:add'),
    ]);
  });

  it('changes nothing while the group is paused', async () => {
    serve([snapshot({ distribution: spot, tags: { [TAGS.pausedUntil]: new Date(NOW + 3_600_000).toISOString() } })]);
    const rt = testRuntime(configOf(groupConfig()), NOW);
    const res = await makeOnSpotInterruption(() => rt)(warningSample);
    expect(writesSent()).toEqual([]);
    expect(res.groups[0]).toMatchObject({ outcome: 'unchanged', reasonCodes: ['PAUSED'] });
  });

  it('writes nothing in dry run, and says what it would write', async () => {
    serve([snapshot({ distribution: spot })]);
    const rt = testRuntime(configOf(groupConfig()), NOW, { dryRun: true });
    await makeOnSpotInterruption(() => rt)(warningSample);
    expect(writesSent()).toEqual([]);
    expect(rt.records[0]).toMatchObject({ outcome: 'dry-run', writes: [{ kind: 'setDesiredCapacity', desired: 4 }, { kind: 'putTags' }] });
  });

  it('one group\'s failed write does not stop another group\'s replacement', async () => {
    // Prepare: two managed groups, an at-risk instance in each; api's SetDesiredCapacity is refused
    const api = { ...snapshot({ distribution: spot }), group: { ...snapshot({ distribution: spot }).group, name: 'api-asg', instances: instances(3).map((i) => ({ ...i, id: i.id.replace('i-0', 'i-1') })) } };
    serve([snapshot({ distribution: spot }), api]);
    asgMock.on(SetDesiredCapacityCommand, { AutoScalingGroupName: 'api-asg' }).rejects(awsError('ValidationError', 'refused'));
    const rt = testRuntime(configOf(groupConfig({ name: 'api', autoScalingGroupName: 'api-asg' }), groupConfig()), NOW);
    // Act
    const result = await handleAtRisk([{ instanceId: 'i-10000001', kind: 'interruption' }, { instanceId: 'i-00000001', kind: 'interruption' }], {
      cloud: rt.cloud, config: rt.config, now: NOW, dryRun: false, log: rt.record, trigger: { kind: 'spot', signal: 'interruption', instanceId: 'i-00000001' },
    });
    // Assess
    expect(result.records.map((r) => [r.group, r.outcome])).toEqual([['api', 'failed'], ['web', 'changed']]);
    expect(writesSent()).toEqual([
      ['SetDesiredCapacityCommand', { AutoScalingGroupName: 'api-asg', DesiredCapacity: 4, HonorCooldown: false }],
      ['SetDesiredCapacityCommand', { AutoScalingGroupName: 'web-asg', DesiredCapacity: 4, HonorCooldown: false }],
      tagWrite('web-asg', 'i-00000001:add'),
    ]);
  });
});
