import { DescribeScalingActivitiesCommand, ScalingActivityInProgressFault, SetDesiredCapacityCommand } from '@aws-sdk/client-auto-scaling';
import { RunFailedError } from '../../controller/errors';
import { makeOnSchedule } from '../../functions/on-schedule';
import type { Snapshot } from '../../policies/snapshot';
import { asgMock, configOf, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { event, example, shippedConfig } from '../fixtures/shipped';

const rush = example('evening-rush');
const named = (s: Snapshot, name: string): Snapshot => ({ ...s, group: { ...s.group, name } });
const twoGroups = () => {
  const base = shippedConfig().groups[0]!;
  return configOf(base, { ...base, name: 'cinemahint-api', autoScalingGroupName: 'cinemahint-api' });
};
const validationError = () => Object.assign(new Error('DesiredCapacity above MaxSize'), { name: 'ValidationError', $fault: 'client', $metadata: {} });

describe('AWS faults', () => {
  beforeEach(resetAws);

  it('holds with HOLD_ACTIVITY_IN_PROGRESS when the ASG reports an activity in progress on write', async () => {
    // Prepare
    serve([rush]);
    asgMock.on(SetDesiredCapacityCommand).rejects(new ScalingActivityInProgressFault({ message: 'Scaling activity in progress', $metadata: {} }));
    const rt = testRuntime(shippedConfig(), rush.takenAt);
    // Act
    const out = await makeOnSchedule(() => rt)(event('schedule-tick'));
    // Assess: no crash, a hold with its reason, nothing reported as written
    expect(out[0]).toMatchObject({ outcome: 'held', written: [], reasonCodes: expect.arrayContaining(['SCALE_OUT_CPU', 'HOLD_ACTIVITY_IN_PROGRESS']) });
    expect(rt.records[0]!.error).toMatchObject({ code: 'ScalingActivityInProgress' });
  });

  it('fails only the group whose write is rejected; the others proceed and the run reports the failure', async () => {
    serve([rush, named(rush, 'cinemahint-api')]);
    asgMock.on(SetDesiredCapacityCommand, { AutoScalingGroupName: 'cinemahint-web' }).rejects(validationError());
    const rt = testRuntime(twoGroups(), rush.takenAt);
    const run = makeOnSchedule(() => rt)(event('schedule-tick'));
    await expect(run).rejects.toThrow(RunFailedError);
    await expect(run).rejects.toThrow(/1 group\(s\) failed: cinemahint-web: setDesiredCapacity on cinemahint-web: ValidationError: DesiredCapacity above MaxSize/);
    expect(asgMock).toHaveReceivedCommandWith(SetDesiredCapacityCommand, { AutoScalingGroupName: 'cinemahint-api', DesiredCapacity: 5 });
    expect(rt.records.map((r) => [r.group, r.outcome])).toEqual([['cinemahint-web', 'failed'], ['cinemahint-api', 'changed']]);
  });

  it('fails only the group whose reads fail', async () => {
    serve([rush, named(rush, 'cinemahint-api')]);
    asgMock.on(DescribeScalingActivitiesCommand, { AutoScalingGroupName: 'cinemahint-web' }).rejects(Object.assign(new Error('denied'), { name: 'AccessDenied' }));
    const rt = testRuntime(twoGroups(), rush.takenAt);
    await expect(makeOnSchedule(() => rt)(event('schedule-tick'))).rejects.toThrow(/cinemahint-web: reading group cinemahint-web: AccessDenied: denied/);
    expect(writesSent()).toEqual([['SetDesiredCapacityCommand', { AutoScalingGroupName: 'cinemahint-api', DesiredCapacity: 5, HonorCooldown: false }]]);
  });

  it('reports a configured group that does not exist in AWS, and still reconciles the others', async () => {
    serve([named(rush, 'cinemahint-api')]);
    const rt = testRuntime(twoGroups(), rush.takenAt);
    await expect(makeOnSchedule(() => rt)(event('schedule-tick'))).rejects.toThrow(/Auto Scaling group "cinemahint-web" \(group cinemahint-web\) not found/);
    expect(writesSent()).toEqual([['SetDesiredCapacityCommand', { AutoScalingGroupName: 'cinemahint-api', DesiredCapacity: 5, HonorCooldown: false }]]);
    expect(rt.records[0]).toMatchObject({ group: 'cinemahint-web', outcome: 'failed', error: { code: 'GroupNotFound' } });
  });
});
