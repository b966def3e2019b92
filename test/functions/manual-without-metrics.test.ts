// Item 15: a manual action validates against the group alone, writes its tags, then reconciles; a CloudWatch
// outage cannot block a pause, and the response reports the two parts apart.
import { CreateOrUpdateTagsCommand, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { makeManual } from '../../functions/manual';
import { TAGS } from '../../policies/tags';
import { asgMock, cwMock, elbMock, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { example, shippedConfig } from '../fixtures/shipped';

const rush = example('evening-rush');
const at = rush.takenAt;
const iso = (t: number) => new Date(t).toISOString();
const tags = (t: Record<string, string>) =>
  ['CreateOrUpdateTagsCommand', { Tags: Object.entries(t).map(([Key, Value]) => ({ ResourceId: 'cinemahint-web', ResourceType: 'auto-scaling-group', Key, Value, PropagateAtLaunch: false })) }];
const cloudWatchDown = () => cwMock.on(GetMetricDataCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: {} }));

const run = (payload: unknown) => {
  serve([rush]);
  cloudWatchDown();
  const rt = testRuntime(shippedConfig(), at);
  return { rt, result: makeManual(() => rt)(payload) };
};

describe('manual actions with the metrics read failing', () => {
  beforeEach(resetAws);

  it('pause writes its tag and the reconcile holds PAUSED', async () => {
    // Act
    const res = await run({ action: 'pause', group: 'cinemahint-web', for: '1h' }).result;
    // Assess
    expect(writesSent()).toEqual([tags({ [TAGS.pausedUntil]: iso(at + 3600_000) })]);
    expect(res.tags).toEqual({ ok: true, written: [{ kind: 'putTags', group: 'cinemahint-web', tags: { [TAGS.pausedUntil]: iso(at + 3600_000) } }] });
    expect(res.reconcile).toEqual({ ok: true, ran: true, withoutMetrics: [{ group: 'cinemahint-web', error: expect.stringMatching(/^GetMetricData for group cinemahint-web: Throttling: Rate exceeded/) }] });
    expect(res.groups[0]!.reasonCodes).toEqual(['PAUSED']);
  });

  it('set-capacity writes its tags and still sets the override capacity, which needs no metric', async () => {
    const res = await run({ action: 'set-capacity', group: 'cinemahint-web', desired: 6, for: '2h' }).result;
    expect(writesSent()).toEqual([
      tags({ [TAGS.overrideDesired]: '6', [TAGS.overrideUntil]: iso(at + 2 * 3600_000) }),
      ['SetDesiredCapacityCommand', { AutoScalingGroupName: 'cinemahint-web', DesiredCapacity: 6, HonorCooldown: false }],
    ]);
    expect(res).toMatchObject({ ok: true, tags: { ok: true }, reconcile: { ok: true, ran: true } });
  });

  it('set-mode writes its tags; the reconcile changes the distribution and holds the capacity on no data', async () => {
    const res = await run({ action: 'set-mode', group: 'cinemahint-web', mode: 'spot', for: '3h' }).result;
    expect(writesSent()).toEqual([
      tags({ [TAGS.mode]: 'spot', [TAGS.modeUntil]: iso(at + 3 * 3600_000) }),
      ['UpdateAutoScalingGroupCommand', {
        AutoScalingGroupName: 'cinemahint-web',
        MixedInstancesPolicy: { InstancesDistribution: { OnDemandBaseCapacity: 2, OnDemandPercentageAboveBaseCapacity: 0, SpotAllocationStrategy: 'price-capacity-optimized' } },
      }],
    ]);
    expect(res.groups[0]!.reasonCodes).toEqual(expect.arrayContaining(['MODE_CHANGE', 'HOLD_NO_DATA']));
  });

  it('validates against DescribeAutoScalingGroups alone before writing the tags', async () => {
    await run({ action: 'pause', group: 'cinemahint-web', for: '1h' }).result;
    const first = asgMock.calls()[0]!.args[0];
    const tagWrite = asgMock.calls().findIndex((c) => c.args[0] instanceof CreateOrUpdateTagsCommand);
    expect(first).toBeInstanceOf(DescribeAutoScalingGroupsCommand);
    // Before the tags: one describe, nothing from CloudWatch or ELB.
    expect(tagWrite).toBe(1);
    expect(elbMock.calls().length + cwMock.calls().length).toBeGreaterThan(0); // the reconcile afterwards reads them
  });

  it('a refused tag write is reported as the failed part, and no reconcile runs', async () => {
    serve([rush]);
    asgMock.on(CreateOrUpdateTagsCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDenied', $metadata: {} }));
    const rt = testRuntime(shippedConfig(), at);
    const res = await makeManual(() => rt)({ action: 'pause', group: 'cinemahint-web', for: '1h' });
    expect(res).toMatchObject({ ok: false, tags: { ok: false, written: [], error: 'putTags on cinemahint-web: AccessDenied: not authorized' }, reconcile: { ran: false } });
    expect(cwMock.calls()).toHaveLength(0);
  });

  it('the tick, unlike a manual action, fails the group when its metrics cannot be read', async () => {
    serve([rush]);
    cloudWatchDown();
    const rt = testRuntime(shippedConfig(), at);
    const res = await makeManual(() => rt)({ action: 'reconcile', group: 'cinemahint-web' });
    expect(res.ok).toBe(false);
    expect(writesSent()).toEqual([]);
  });
});
