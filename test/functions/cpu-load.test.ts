// The CPU policy through the onSchedule handler over mocked clients: CloudWatch's SampleCount of the group's CPU tells
// the handler which fleet an average was measured on, so a breach already answered is not answered twice.
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { SetDesiredCapacityCommand } from '@aws-sdk/client-auto-scaling';
import { makeOnSchedule } from '../../functions/on-schedule';
import { asgMock, configOf, cwMock, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { flat, groupConfig, instances, MIN, NOW, snapshot } from '../fixtures/builders';
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

  it('counts an instance ready only since the datapoint at 100 % on a scale-in, on purpose (HPA would leave it out): 3 measured at 20 % of 4 -> ceil((60 + 100) / 60) = 3', async () => {
    // Prepare: 3 in service for an hour, a 4th launched 6 minutes ago (ready 1 minute ago, after a 300 s warm-up); CPU
    // published up to 2 minutes ago, 20 % over 3 samples every minute. HPA's groupPods would call the 4th unready and
    // size on the 3 alone: ceil(60 / 60) = 1, to min 2. The README's design notes say why we do not.
    const fourth = instances(1).map((i) => ({ ...i, id: 'i-0000000a', launchedAt: NOW - 6 * MIN }));
    const late = (v: number) => flat(v, 10, NOW - 2 * MIN);
    serve([snapshot({ desired: 4, cpu: late(20), cpuSamples: late(3), memory: 20, latency: 0.3, instances: [...instances(3), ...fourth] })]);
    const rt = testRuntime(configOf(groupConfig({ stepLimits: { out: { instances: 4, percent: 100 }, in: { instances: 1, percent: 100 } } })), NOW);
    // Act
    await makeOnSchedule(() => rt)(tick);
    // Assess
    expect(writesSent()).toEqual([['SetDesiredCapacityCommand', { AutoScalingGroupName: GROUP, DesiredCapacity: 3, HonorCooldown: false }]]);
    expect(rt.records[0]!.plan!.reasons.find((r) => r.code === 'VOTE_SCALE_IN' && r.data?.policy === 'cpu')?.message).toBe('cpu: ceil((3 * 20.0 + 1 * 100) / 60) = 3 < 4');
  });
});
