import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { EventParseError, UnknownGroupError } from '../../controller/errors';
import { makeOnSchedule } from '../../functions/on-schedule';
import type { Snapshot } from '../../policies/snapshot';
import { asgMock, configOf, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { event, example, shippedConfig } from '../fixtures/shipped';

const night = example('quiet-night');
const other = (s: Snapshot, name: string): Snapshot => ({ ...s, group: { ...s.group, name } });

describe('onSchedule handler', () => {
  beforeEach(resetAws);

  it('reconciles every group on the tick: the night window scales in, caps the bounds and switches to spot in one call', async () => {
    // Prepare
    const base = shippedConfig().groups[0]!;
    const api = { ...base, name: 'cinemahint-api', autoScalingGroupName: 'cinemahint-api' };
    serve([night, other(night, 'cinemahint-api')]);
    const rt = testRuntime(configOf(base, api), night.takenAt);
    // Act
    const out = await makeOnSchedule(() => rt)(event('schedule-tick'));
    // Assess: 6 -> 4, bounds 2..6, spot above the 2 reserved. The shipped scale-in step is 100 %, so the stabilization
    // window decides: memory's largest reading over it, 40.57 %, gives ceil(6 * 40.57 / 70) = ceil(3.48) = 4.
    const update = (group: string) => ['UpdateAutoScalingGroupCommand', {
      AutoScalingGroupName: group, MinSize: 2, MaxSize: 6, DesiredCapacity: 4,
      MixedInstancesPolicy: { InstancesDistribution: { OnDemandBaseCapacity: 2, OnDemandPercentageAboveBaseCapacity: 0, SpotAllocationStrategy: 'price-capacity-optimized' } },
    }];
    expect(writesSent()).toEqual([update('cinemahint-web'), update('cinemahint-api')]);
    expect(out.map((g) => [g.group, g.outcome])).toEqual([['cinemahint-web', 'changed'], ['cinemahint-api', 'changed']]);
    expect(rt.records).toHaveLength(2);
    expect(asgMock).toHaveReceivedCommandTimes(DescribeAutoScalingGroupsCommand, 1);
  });

  it('reconciles only the groups a rule input names', async () => {
    serve([night]);
    const rt = testRuntime(shippedConfig(), night.takenAt);
    await makeOnSchedule(() => rt)(event('schedule-input-groups'));
    expect(asgMock).toHaveReceivedCommandWith(DescribeAutoScalingGroupsCommand, { AutoScalingGroupNames: ['cinemahint-web'] });
    expect(rt.records[0]!.trigger).toEqual({ kind: 'schedule', rule: 'night-edge' });
  });

  it('rejects a malformed input naming the field, with no AWS call', async () => {
    serve([night]);
    const rt = testRuntime(shippedConfig(), night.takenAt);
    await expect(makeOnSchedule(() => rt)(event('malformed-schedule'))).rejects.toThrow(EventParseError);
    await expect(makeOnSchedule(() => rt)(event('malformed-schedule'))).rejects.toThrow(/input\.groups: /);
    expect(asgMock.calls()).toHaveLength(0);
  });

  it('rejects an input naming an unknown group, with no AWS call', async () => {
    serve([night]);
    const rt = testRuntime(shippedConfig(), night.takenAt);
    await expect(makeOnSchedule(() => rt)({ groups: ['cinemahint-api'] })).rejects.toThrow(UnknownGroupError);
    expect(asgMock.calls()).toHaveLength(0);
  });
});
