// Warm capacity through the handlers over mocked AWS clients: PutWarmPool with its exact input, a refusal that falls
// back (WARM_POOL_UNSUPPORTED) without failing the run, one group's failure not stopping another, and DescribeWarmPool
// in the manual plan only.
import { DescribeWarmPoolCommand, PutWarmPoolCommand } from '@aws-sdk/client-auto-scaling';
import { RunFailedError } from '../../controller/errors';
import { makeManual } from '../../functions/manual';
import { makeOnSchedule } from '../../functions/on-schedule';
import type { GroupConfig } from '../../policies/config';
import type { Snapshot } from '../../policies/snapshot';
import tick from '../../events/schedule-tick.json';
import { asgMock, configOf, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { groupConfig, MIN, NOW, snapshot } from '../fixtures/builders';

// Requests rise 100, 200, 0, 300 a minute: p95 300, over 7 minutes at 1,000 per instance: ceil(2.1) = 3 warm instances.
const rising = [3000, 3100, 3300, 3300, 3600].map((v, i) => ({ t: NOW - (4 - i) * MIN, v }));
const warmPool = { minSize: 1, maxSize: 4, targetPerInstance: 1000, volatilityMinutes: 7, reuseOnScaleIn: true, mixedInstancesAllowed: true };
const cfg = (name: string): GroupConfig => groupConfig({ name, autoScalingGroupName: `${name}-asg`, warmPool });
const snap = (name: string): Snapshot => {
  const s = snapshot({ requests: rising, warmPool: null });
  return { ...s, group: { ...s.group, name: `${name}-asg` } };
};
const put = (group: string) => ['PutWarmPoolCommand', { AutoScalingGroupName: group, MinSize: 3, MaxGroupPreparedCapacity: 3, PoolState: 'Stopped', InstanceReusePolicy: { ReuseOnScaleIn: true } }];
const awsError = (name: string, message: string): Error => Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
const REFUSAL = 'You cannot add a warm pool to an Auto Scaling group that has a mixed instances policy or a launch template or launch configuration that requests Spot Instances.';

describe('warm pool, through onSchedule', () => {
  beforeEach(resetAws);

  it('puts the absolute size, MinSize = MaxGroupPreparedCapacity = 3, Stopped, with the configured reuse, and reads no DescribeWarmPool', async () => {
    serve([snap('web')]);
    const rt = testRuntime(configOf(cfg('web')), NOW);
    await makeOnSchedule(() => rt)(tick);
    expect(writesSent()).toEqual([put('web-asg')]);
    expect(asgMock).not.toHaveReceivedCommand(DescribeWarmPoolCommand);
    expect(rt.records[0]).toMatchObject({ outcome: 'changed', reasonCodes: expect.arrayContaining(['WARM_POOL_RESIZE']), plan: { action: { kind: 'update', code: 'WARM_POOL_RESIZE' }, warmPool: { size: 3 } } });
  });

  it('reports a PutWarmPool refusal as WARM_POOL_UNSUPPORTED and does not fail the run', async () => {
    // Prepare: the launch template requests Spot, which DescribeAutoScalingGroups does not show
    serve([snap('web')]);
    asgMock.on(PutWarmPoolCommand).rejects(awsError('ValidationError', REFUSAL));
    const rt = testRuntime(configOf(cfg('web')), NOW);
    // Act
    const result = await makeOnSchedule(() => rt)(tick);
    // Assess
    expect(writesSent()).toEqual([put('web-asg')]);
    expect(result[0]).toMatchObject({ outcome: 'unchanged', reasonCodes: expect.arrayContaining(['WARM_POOL_UNSUPPORTED']) });
    expect(result[0]!.reasonCodes).not.toContain('WARM_POOL_RESIZE');
    expect(rt.records[0]!.error).toMatchObject({ code: 'WarmPoolUnsupported', message: expect.stringContaining('putWarmPool on web-asg: ValidationError: You cannot add a warm pool') });
  });

  it('fails the group on any other PutWarmPool error (a ValidationError about something else), and the other group still gets its pool', async () => {
    // Prepare
    serve([snap('web'), snap('api')]);
    asgMock.on(PutWarmPoolCommand, { AutoScalingGroupName: 'web-asg' }).rejects(awsError('ValidationError', 'MinSize must be less than or equal to MaxGroupPreparedCapacity'));
    const rt = testRuntime(configOf(cfg('web'), cfg('api')), NOW);
    // Act
    const error = await makeOnSchedule(() => rt)(tick).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as RunFailedError).failures.map((f) => f.group)).toEqual(['web']);
    expect(writesSent()).toEqual([put('web-asg'), put('api-asg')]);
    expect(rt.records.map((r) => [r.group, r.outcome])).toEqual([['web', 'failed'], ['api', 'changed']]);
  });

  it('one group refused, the other written: neither fails the run', async () => {
    serve([snap('web'), snap('api')]);
    asgMock.on(PutWarmPoolCommand, { AutoScalingGroupName: 'api-asg' }).rejects(awsError('ValidationError', REFUSAL));
    const rt = testRuntime(configOf(cfg('web'), cfg('api')), NOW);
    const result = await makeOnSchedule(() => rt)(tick);
    expect(result.map((r) => [r.group, r.outcome])).toEqual([['web', 'changed'], ['api', 'unchanged']]);
    expect(result[1]!.reasonCodes).toContain('WARM_POOL_UNSUPPORTED');
  });

  it('leaves the pool alone for a group without warm-pool settings', async () => {
    serve([snap('web')]);
    const rt = testRuntime(configOf(groupConfig({ name: 'web', autoScalingGroupName: 'web-asg' })), NOW);
    await makeOnSchedule(() => rt)(tick);
    expect(writesSent()).toEqual([]);
    expect(rt.records[0]!.plan!.warmPool).toBeUndefined();
  });
});

describe('warm pool, in the manual plan (DescribeWarmPool)', () => {
  beforeEach(resetAws);

  it('lists each planned group\'s pool and the instances in it, counting those ready to start, and writes nothing', async () => {
    // Prepare
    serve([snap('web')]);
    asgMock.on(DescribeWarmPoolCommand).resolves({
      WarmPoolConfiguration: { MinSize: 3, MaxGroupPreparedCapacity: 3, PoolState: 'Stopped' },
      Instances: [
        { InstanceId: 'i-00000011', LifecycleState: 'Warmed:Stopped' }, { InstanceId: 'i-00000012', LifecycleState: 'Warmed:Stopped' },
        { InstanceId: 'i-00000013', LifecycleState: 'Warmed:Pending' },
      ] as never,
    });
    const rt = testRuntime(configOf(cfg('web')), NOW);
    // Act
    const res = await makeManual(() => rt)({ action: 'plan', group: 'web' });
    // Assess
    expect(asgMock.commandCalls(DescribeWarmPoolCommand).map((c) => c.args[0].input)).toEqual([{ AutoScalingGroupName: 'web-asg', MaxRecords: 50 }]);
    expect(res.warmPools).toEqual([{
      group: 'web', autoScalingGroupName: 'web-asg', config: { minSize: 3, maxGroupPreparedCapacity: 3, poolState: 'Stopped' }, ready: 2,
      instances: [{ id: 'i-00000011', lifecycle: 'Warmed:Stopped' }, { id: 'i-00000012', lifecycle: 'Warmed:Stopped' }, { id: 'i-00000013', lifecycle: 'Warmed:Pending' }],
    }]);
    expect(writesSent()).toEqual([]);
  });

  it('reports one group\'s failed DescribeWarmPool on its own line; the other group\'s pool is still listed', async () => {
    serve([snap('web'), snap('api')]);
    asgMock.on(DescribeWarmPoolCommand, { AutoScalingGroupName: 'web-asg' }).rejects(awsError('AccessDenied', 'not authorized'))
      .on(DescribeWarmPoolCommand, { AutoScalingGroupName: 'api-asg' }).resolves({ Instances: [] });
    const rt = testRuntime(configOf(cfg('web'), cfg('api')), NOW);
    const res = await makeManual(() => rt)({ action: 'plan' });
    expect(res.warmPools).toEqual([
      { group: 'web', autoScalingGroupName: 'web-asg', config: null, instances: [], ready: 0, error: expect.stringContaining('DescribeWarmPool web-asg: AccessDenied') },
      { group: 'api', autoScalingGroupName: 'api-asg', config: null, instances: [], ready: 0 },
    ]);
  });

  it('reads no warm pool for other manual actions', async () => {
    serve([snap('web')]);
    const rt = testRuntime(configOf(cfg('web')), NOW);
    const res = await makeManual(() => rt)({ action: 'reconcile', group: 'web' });
    expect(res.warmPools).toEqual([]);
    expect(asgMock).not.toHaveReceivedCommand(DescribeWarmPoolCommand);
  });
});
