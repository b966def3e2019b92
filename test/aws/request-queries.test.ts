// Issue 12: the request-count and forecast reads, as CloudWatch receives them: RequestCount Sum per minute in the
// tick's call, and the forecast's 14 days of 5-minute sums in a call of its own, read once per slot.
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { FORECAST_ON } from '../../bench/select-rule';
import { makeOnSchedule } from '../../functions/on-schedule';
import { configOf, cwMock, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { event, example, shippedConfig } from '../fixtures/shipped';

const rush = example('evening-rush'); // taken at 2026-03-04T00:40:00Z
const DIMS = [{ Name: 'LoadBalancer', Value: 'app/web/50dc6c495c0c9188' }, { Name: 'TargetGroup', Value: 'targetgroup/cinemahint-web/6d0ecf831eec9f09' }];
const calls = () => cwMock.commandCalls(GetMetricDataCommand).map((c) => c.args[0].input);
/** The shipped group with the forecast on, as bench:select's forecast candidates run it. */
const group = () => ({ ...shippedConfig().groups[0]!, forecast: FORECAST_ON });

describe('request-count and forecast reads', () => {
  beforeEach(resetAws);

  it('reads RequestCount Sum per minute by LoadBalancer and TargetGroup in the tick\'s call, as requests', async () => {
    // Prepare
    serve([rush]);
    const rt = testRuntime(configOf(group()), rush.takenAt);
    // Act
    await makeOnSchedule(() => rt)(event('schedule-tick'));
    // Assess
    const queries = calls()[0]!.MetricDataQueries!;
    expect(queries.find((q) => q.Id === 'g0_req0')).toEqual({
      Id: 'g0_req0', ReturnData: false,
      MetricStat: { Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'RequestCount', Dimensions: DIMS }, Period: 60, Stat: 'Sum' },
    });
    expect(queries.find((q) => q.Id === 'g0_requests')).toEqual({ Id: 'g0_requests', Expression: 'g0_req0', Label: 'requests', ReturnData: true });
  });

  it('reads the forecast\'s 14 days as 5-minute sums over published slots only, per minute, in a second call', async () => {
    // Prepare
    serve([rush]);
    const rt = testRuntime(configOf(group()), rush.takenAt);
    // Act
    await makeOnSchedule(() => rt)(event('schedule-tick'));
    // Assess: 00:40 less the 3-minute publish margin is 00:37, whose slot starts 00:35; 14 days back is 02-18 00:35.
    expect(calls()).toHaveLength(2);
    const history = calls()[1]!;
    expect(history.StartTime).toEqual(new Date('2026-02-18T00:35:00Z'));
    expect(history.EndTime).toEqual(new Date('2026-03-04T00:35:00Z'));
    expect(history.MetricDataQueries).toEqual([
      { Id: 'g0_hreq0', ReturnData: false, MetricStat: { Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'RequestCount', Dimensions: DIMS }, Period: 300, Stat: 'Sum' } },
      { Id: 'g0_history', Expression: 'FILL(g0_hreq0, 0) / 5', Label: 'history', ReturnData: true },
    ]);
  });

  it('reads the history once per slot per container: 00:41 reuses 00:40\'s, 00:45 reads the next slot', async () => {
    // Prepare
    serve([rush]);
    let now = rush.takenAt;
    const rt = { ...testRuntime(configOf(group()), rush.takenAt), now: () => now };
    const tick = makeOnSchedule(() => rt);
    // Act
    await tick(event('schedule-tick'));
    now = rush.takenAt + 60_000;
    await tick(event('schedule-tick'));
    now = rush.takenAt + 5 * 60_000;
    await tick(event('schedule-tick'));
    // Assess: minute, history, minute, minute, history
    expect(calls().map((c) => c.MetricDataQueries!.some((q) => q.Id === 'g0_history'))).toEqual([false, true, false, false, true]);
    expect(calls()[4]!.EndTime).toEqual(new Date('2026-03-04T00:40:00Z'));
  });

  it('reads no history for a group without a forecast, and no RequestCount beyond the tick\'s call', async () => {
    // Prepare
    serve([rush]);
    const { forecast: _shipped, ...g } = shippedConfig().groups[0]!;
    const rt = testRuntime(configOf(g), rush.takenAt);
    // Act
    await makeOnSchedule(() => rt)(event('schedule-tick'));
    // Assess
    expect(calls()).toHaveLength(1);
  });

  it('a failed history read fails that group, reported, with no write', async () => {
    // Prepare
    serve([rush]);
    cwMock.on(GetMetricDataCommand, { StartTime: new Date('2026-02-18T00:35:00Z') }).rejects(Object.assign(new Error('not authorized to read history'), { name: 'AccessDenied' }));
    const rt = testRuntime(configOf(group()), rush.takenAt);
    // Act
    const result = await makeOnSchedule(() => rt)(event('schedule-tick')).catch((e: unknown) => e);
    // Assess
    expect(writesSent()).toEqual([]);
    expect(JSON.stringify(result) + JSON.stringify(rt.records)).toMatch(/\(history\)/);
  });
});
