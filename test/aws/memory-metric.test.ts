// Item 16: the memory metric's namespace, name, dimensions and statistic come from the config.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { parseConfig } from '../../controller/config';
import { ConfigError } from '../../controller/errors';
import { makeOnSchedule } from '../../functions/on-schedule';
import { configOf, cwMock, resetAws, serve, testRuntime } from '../fixtures/aws-world';
import { event, example, shippedConfig } from '../fixtures/shipped';

const rush = example('evening-rush');
const memoryQueryOf = () => cwMock.commandCalls(GetMetricDataCommand)[0]!.args[0].input.MetricDataQueries!.find((q) => q.Id === 'g0_memory');

describe('memory metric source', () => {
  beforeEach(resetAws);

  it('defaults to CWAgent mem_used_percent by AutoScalingGroupName, Average', async () => {
    // Prepare
    serve([rush]);
    const { memoryMetric: _m, ...g } = shippedConfig().groups[0]!;
    const rt = testRuntime(configOf(g), rush.takenAt);
    // Act
    await makeOnSchedule(() => rt)(event('schedule-tick'));
    // Assess
    expect(memoryQueryOf()).toEqual({
      Id: 'g0_memory', ReturnData: true,
      MetricStat: { Metric: { Namespace: 'CWAgent', MetricName: 'mem_used_percent', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'cinemahint-web' }] }, Period: 60, Stat: 'Average' },
    });
  });

  it('reads the configured namespace, name, dimensions and statistic, with the ASG name filled in', async () => {
    serve([rush]);
    const g = { ...shippedConfig().groups[0]!, memoryMetric: { namespace: 'CinemaHint/Host', name: 'MemoryUsed', dimensions: { Fleet: 'web', Group: 'asg={autoScalingGroupName}' }, statistic: 'p90' } };
    const rt = testRuntime(configOf(g), rush.takenAt);
    await makeOnSchedule(() => rt)(event('schedule-tick'));
    expect(memoryQueryOf()!.MetricStat).toEqual({
      Metric: { Namespace: 'CinemaHint/Host', MetricName: 'MemoryUsed', Dimensions: [{ Name: 'Fleet', Value: 'web' }, { Name: 'Group', Value: 'asg=cinemahint-web' }] }, Period: 60, Stat: 'p90',
    });
  });

  it('the shipped config names the series the shipped agent config publishes', () => {
    const agent = JSON.parse(readFileSync(join(__dirname, '../../config/cloudwatch-agent.json'), 'utf8'));
    const m = shippedConfig().groups[0]!.memoryMetric!;
    expect(agent.metrics.namespace).toBe(m.namespace);
    expect(agent.metrics.metrics_collected.mem.measurement).toContain(m.name);
    expect(agent.metrics.aggregation_dimensions).toContainEqual(Object.keys(m.dimensions));
    expect(agent.metrics.append_dimensions.AutoScalingGroupName).toBe('${aws:AutoScalingGroupName}');
  });

  it('refuses an unknown statistic, naming its path', () => {
    const text = 'groups:\n  g:\n    capacity: {min: 1, max: 2, desired: 1}\n    policies: {cpu: {target: 60, alarm: 80}}\n    capacityMode: {}\n    health: {}\n    memoryMetric: {statistic: Mean}\n';
    expect(() => parseConfig(text)).toThrow(ConfigError);
    expect(() => parseConfig(text)).toThrow(/groups\.g\.memoryMetric\.statistic: must be Average, Maximum/);
  });
});
