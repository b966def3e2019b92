import { makeReplaceUnhealthy } from '../../functions/replace-unhealthy';
import { makeOnSchedule } from '../../functions/on-schedule';
import { readCalls, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { event, example, INSTANCE, shippedConfig } from '../fixtures/shipped';

describe('replaceUnhealthy handler', () => {
  beforeEach(resetAws);

  it('on the plain health tick reads nothing and writes nothing: the onSchedule tick does the health pass', async () => {
    // Prepare
    const s = example('one-bad-instance');
    serve([s]);
    const rt = testRuntime(shippedConfig(), s.takenAt);
    // Act
    const out = await makeReplaceUnhealthy(() => rt)(event('schedule-health-tick'));
    // Assess
    expect(out).toEqual([]);
    expect(readCalls()).toBe(0);
    expect(writesSent()).toEqual([]);
  });

  it('the onSchedule tick hands the one unhealthy instance to the ASG in the same run as the capacity decision', async () => {
    const s = example('one-bad-instance');
    serve([s]);
    const rt = testRuntime(shippedConfig(), s.takenAt);
    await makeOnSchedule(() => rt)(event('schedule-tick'));
    expect(writesSent()).toContainEqual(['SetInstanceHealthCommand', { InstanceId: INSTANCE(1), HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: true }]);
    expect(rt.records[0]!.reasonCodes).toContain('REPLACE_UNHEALTHY');
  });

  it.each(['alarm-unhealthy-hosts', 'schedule-input-groups'])('on %s hands the one unhealthy instance to the ASG', async (name) => {
    // Prepare
    const s = example('one-bad-instance');
    serve([s]);
    const rt = testRuntime(shippedConfig(), s.takenAt);
    // Act
    await makeReplaceUnhealthy(() => rt)(event(name));
    // Assess
    expect(writesSent()).toEqual([['SetInstanceHealthCommand', { InstanceId: INSTANCE(1), HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: true }]]);
    expect(rt.records[0]!.reasonCodes).toEqual(['REPLACE_UNHEALTHY']);
  });

  it('plans no capacity change, even with CPU at 91 %', async () => {
    const s = example('evening-rush');
    serve([s]);
    const rt = testRuntime(shippedConfig(), s.takenAt);
    await makeReplaceUnhealthy(() => rt)(event('alarm-unhealthy-hosts'));
    expect(writesSent()).toEqual([]);
  });

  it('replaces nothing when every target is down with idle CPUs: the breaker opens', async () => {
    const s = example('dependency-outage');
    serve([s]);
    const rt = testRuntime(shippedConfig(), s.takenAt);
    await makeReplaceUnhealthy(() => rt)(event('alarm-unhealthy-hosts'));
    expect(writesSent()).toEqual([]);
    expect(rt.records[0]!.reasonCodes).toEqual(['BREAKER_OPEN']);
  });
});
