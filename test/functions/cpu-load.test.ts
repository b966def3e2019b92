// The CPU policy through the onSchedule handler over mocked clients: CloudWatch's SampleCount of the group's CPU tells
// the handler which fleet an average was measured on, so a breach already answered is not answered twice.
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { SetDesiredCapacityCommand } from '@aws-sdk/client-auto-scaling';
import { makeOnSchedule } from '../../functions/on-schedule';
import { asgMock, configOf, cwMock, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { groupConfig, NOW, snapshot } from '../fixtures/builders';
import tick from '../../events/schedule-tick.json';

const GROUP = 'web-asg';
// 4 ready instances; the newest CPU datapoint says 80 %, averaged over the 3 that were running in its minute.
const breachOf = (cpuSamples?: number) => snapshot({ desired: 4, cpu: 80, ...(cpuSamples !== undefined ? { cpuSamples } : {}) });

describe('the CPU policy on the fleet its datapoint measured', () => {
  beforeEach(resetAws);

  it('asks CloudWatch for the CPU average\'s SampleCount by AutoScalingGroupName, in the tick\'s one call', async () => {
    // Prepare
    serve([breachOf(3)]);
    const rt = testRuntime(configOf(groupConfig()), NOW);
    // Act
    await makeOnSchedule(() => rt)(tick);
    // Assess
    const calls = cwMock.commandCalls(GetMetricDataCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input.MetricDataQueries!.find((q) => q.Id === 'g0_cpuSamples')).toEqual({
      Id: 'g0_cpuSamples', ReturnData: true,
      MetricStat: { Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'AutoScalingGroupName', Value: GROUP }] }, Period: 60, Stat: 'SampleCount' },
    });
  });

  it('holds, writing nothing, when the instance launched for the breach is already ready: ceil((3 * 80 + 1 * 0) / 60) = 4', async () => {
    // Prepare
    serve([breachOf(3)]);
    const rt = testRuntime(configOf(groupConfig()), NOW);
    // Act
    const result = await makeOnSchedule(() => rt)(tick);
    // Assess
    expect(writesSent()).toEqual([]);
    expect(asgMock).not.toHaveReceivedCommand(SetDesiredCapacityCommand);
    expect(result[0]!.reasonCodes).toContain('VOTE_HOLD');
    expect(rt.records[0]!.plan!.reasons.find((r) => r.code === 'VOTE_HOLD' && r.data?.policy === 'cpu')?.message).toBe('cpu: ceil((3 * 80.0 + 1 * 0) / 60) = 4 <= 4, above target: holding');
  });

  it('scales out on the measured load when it is larger: 4 measured at 80 % -> ceil(320 / 60) = 6', async () => {
    // Prepare
    serve([breachOf(4)]);
    const rt = testRuntime(configOf(groupConfig()), NOW);
    // Act
    await makeOnSchedule(() => rt)(tick);
    // Assess
    expect(writesSent()).toEqual([['SetDesiredCapacityCommand', { AutoScalingGroupName: GROUP, DesiredCapacity: 6, HonorCooldown: false }]]);
  });

  it('without a sample count sizes on the instances ready now, as before: ceil(4 * 80 / 60) = 6', async () => {
    // Prepare
    serve([breachOf()]);
    const rt = testRuntime(configOf(groupConfig()), NOW);
    // Act
    await makeOnSchedule(() => rt)(tick);
    // Assess
    expect(writesSent()).toEqual([['SetDesiredCapacityCommand', { AutoScalingGroupName: GROUP, DesiredCapacity: 6, HonorCooldown: false }]]);
  });
});
