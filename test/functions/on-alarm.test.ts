import { SetDesiredCapacityCommand } from '@aws-sdk/client-auto-scaling';
import { EventParseError, UnknownGroupError } from '../../controller/errors';
import { makeOnAlarm } from '../../functions/on-alarm';
import { asgMock, cwMock, elbMock, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { event, example, shippedConfig } from '../fixtures/shipped';

const rush = example('evening-rush');
const SCALE_TO_5 = [['SetDesiredCapacityCommand', { AutoScalingGroupName: 'cinemahint-web', DesiredCapacity: 5, HonorCooldown: false }]];

describe('onAlarm handler', () => {
  beforeEach(resetAws);

  it.each(['alarm-cpu-high', 'alarm-cpu-ok', 'alarm-sns-latency-high', 'alarm-error-rate-high'])('reconciles the alarm\'s group on %s: CPU 91 %% on 3 -> 5', async (name) => {
    // Prepare
    serve([rush]);
    const rt = testRuntime(shippedConfig(), rush.takenAt);
    // Act
    const out = await makeOnAlarm(() => rt)(event(name));
    // Assess
    expect(writesSent()).toEqual(SCALE_TO_5);
    expect(asgMock).toHaveReceivedCommandWith(SetDesiredCapacityCommand, { AutoScalingGroupName: 'cinemahint-web', DesiredCapacity: 5 });
    expect(out).toEqual([expect.objectContaining({ group: 'cinemahint-web', outcome: 'changed' })]);
    expect(rt.records[0]!.trigger).toMatchObject({ kind: 'alarm', alarmName: expect.stringMatching(/^autoscaler-cinemahint-web-/) });
  });

  it('writes nothing in dry run and says so in the record', async () => {
    serve([rush]);
    const rt = testRuntime(shippedConfig(), rush.takenAt, { dryRun: true });
    await makeOnAlarm(() => rt)(event('alarm-cpu-high'));
    expect(writesSent()).toEqual([]);
    expect(rt.records[0]).toMatchObject({ outcome: 'dry-run', dryRun: true, written: [], writes: [{ kind: 'setDesiredCapacity', desired: 5 }] });
  });

  it('rejects a malformed alarm event naming the missing field, and calls no AWS API', async () => {
    serve([rush]);
    const rt = testRuntime(shippedConfig(), rush.takenAt);
    const run = makeOnAlarm(() => rt)(event('malformed-alarm-no-state'));
    await expect(run).rejects.toThrow(EventParseError);
    await expect(makeOnAlarm(() => rt)(event('malformed-alarm-no-state'))).rejects.toThrow(/event\.detail\.state: /);
    expect(asgMock.calls().length + cwMock.calls().length + elbMock.calls().length).toBe(0);
  });

  it('rejects an alarm for a group it does not manage, naming the managed ones', async () => {
    serve([rush]);
    const rt = testRuntime(shippedConfig(), rush.takenAt);
    await expect(makeOnAlarm(() => rt)(event('malformed-alarm-unknown-group'))).rejects.toThrow(UnknownGroupError);
    await expect(makeOnAlarm(() => rt)(event('malformed-alarm-unknown-group'))).rejects.toThrow(/someone-elses-asg .*manages "cinemahint-web"/);
    expect(asgMock.calls()).toHaveLength(0);
  });
});
