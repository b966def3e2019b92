import { makeReplaceUnhealthy } from '../../functions/replace-unhealthy';
import { resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { event, example, INSTANCE, shippedConfig } from '../fixtures/shipped';

describe('replaceUnhealthy handler', () => {
  beforeEach(resetAws);

  it.each(['schedule-health-tick', 'alarm-unhealthy-hosts'])('on %s hands the one unhealthy instance to the ASG', async (name) => {
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
    await makeReplaceUnhealthy(() => rt)(event('schedule-health-tick'));
    expect(writesSent()).toEqual([]);
  });

  it('replaces nothing when every target is down with idle CPUs: the breaker opens', async () => {
    const s = example('dependency-outage');
    serve([s]);
    const rt = testRuntime(shippedConfig(), s.takenAt);
    await makeReplaceUnhealthy(() => rt)(event('schedule-health-tick'));
    expect(writesSent()).toEqual([]);
    expect(rt.records[0]!.reasonCodes).toEqual(['BREAKER_OPEN']);
  });
});
