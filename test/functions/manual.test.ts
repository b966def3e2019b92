import { CreateOrUpdateTagsCommand } from '@aws-sdk/client-auto-scaling';
import { EventParseError, UnknownGroupError } from '../../controller/errors';
import { makeManual } from '../../functions/manual';
import { TAGS } from '../../policies/tags';
import type { Snapshot } from '../../policies/snapshot';
import { asgMock, cwMock, elbMock, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { event, example, INSTANCE, shippedConfig } from '../fixtures/shipped';

const rush = example('evening-rush');
const at = rush.takenAt;
const iso = (t: number) => new Date(t).toISOString();
const tags = (group: string, t: Record<string, string>) =>
  ['CreateOrUpdateTagsCommand', { Tags: Object.entries(t).map(([Key, Value]) => ({ ResourceId: group, ResourceType: 'auto-scaling-group', Key, Value, PropagateAtLaunch: false })) }];
const withTags = (s: Snapshot, t: Record<string, string>): Snapshot => ({ ...s, group: { ...s.group, tags: { ...s.group.tags, ...t } } });
const run = (payload: unknown, s: Snapshot = rush, dryRun = false) => {
  serve([s]);
  const rt = testRuntime(shippedConfig(), s.takenAt, { dryRun });
  return { rt, result: makeManual(() => rt)(payload) };
};

describe('manual handler', () => {
  beforeEach(resetAws);

  it('plan returns the plan and writes nothing', async () => {
    const { result } = run(event('manual-plan'));
    const res = await result;
    expect(writesSent()).toEqual([]);
    expect(res).toMatchObject({ action: 'plan', ok: true, groups: [{ outcome: 'dry-run', reasonCodes: expect.arrayContaining(['SCALE_OUT_CPU']) }] });
    expect(res.plans).toEqual([expect.objectContaining({ desired: 5 })]);
  });

  it('reconcile applies the plan now', async () => {
    await run(event('manual-reconcile')).result;
    expect(writesSent()).toEqual([['SetDesiredCapacityCommand', { AutoScalingGroupName: 'cinemahint-web', DesiredCapacity: 5, HonorCooldown: false }]]);
  });

  it('set-capacity tags an override expiring in 2 h and sets it at once', async () => {
    const res = await run(event('manual-set-capacity')).result;
    expect(writesSent()).toEqual([
      tags('cinemahint-web', { [TAGS.overrideDesired]: '6', [TAGS.overrideUntil]: iso(at + 2 * 3600_000) }),
      ['SetDesiredCapacityCommand', { AutoScalingGroupName: 'cinemahint-web', DesiredCapacity: 6, HonorCooldown: false }],
    ]);
    expect(res.groups[0]!.reasonCodes[0]).toBe('OVERRIDE_ACTIVE');
  });

  it('pause tags the group and changes nothing else, even with CPU at 91 %', async () => {
    const res = await run(event('manual-pause')).result;
    expect(writesSent()).toEqual([tags('cinemahint-web', { [TAGS.pausedUntil]: iso(at + 3600_000) })]);
    expect(res.groups[0]!.reasonCodes).toEqual(['PAUSED']);
  });

  it('resume deletes only the controller tags present, then reconciles', async () => {
    const paused = withTags(rush, { [TAGS.pausedUntil]: iso(at + 3600_000), [TAGS.mode]: 'spot' });
    await run(event('manual-resume'), paused).result;
    expect(writesSent()).toEqual([
      ['DeleteTagsCommand', { Tags: [TAGS.pausedUntil, TAGS.mode].map((Key) => ({ ResourceId: 'cinemahint-web', ResourceType: 'auto-scaling-group', Key })) }],
      ['SetDesiredCapacityCommand', { AutoScalingGroupName: 'cinemahint-web', DesiredCapacity: 5, HonorCooldown: false }],
    ]);
  });

  it('set-mode spot tags the mode and writes the distribution with the scale-out in one call', async () => {
    await run({ action: 'set-mode', group: 'cinemahint-web', mode: 'spot', for: '3h' }).result;
    expect(writesSent()).toEqual([
      tags('cinemahint-web', { [TAGS.mode]: 'spot', [TAGS.modeUntil]: iso(at + 3 * 3600_000) }),
      ['UpdateAutoScalingGroupCommand', {
        AutoScalingGroupName: 'cinemahint-web', DesiredCapacity: 5,
        MixedInstancesPolicy: { InstancesDistribution: { OnDemandBaseCapacity: 2, OnDemandPercentageAboveBaseCapacity: 0, SpotAllocationStrategy: 'price-capacity-optimized' } },
      }],
    ]);
  });

  it('replace hands the named instance to the ASG', async () => {
    const s = example('one-bad-instance');
    await run(event('manual-replace'), s).result;
    expect(writesSent()).toEqual([['SetInstanceHealthCommand', { InstanceId: INSTANCE(1), HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: true }]]);
  });

  it('refuses to replace an instance that is not in the group, with no write', async () => {
    await expect(run({ action: 'replace', group: 'cinemahint-web', instanceId: 'i-0123456789abcdef0' }).result).rejects.toThrow(/i-0123456789abcdef0 is not an instance of group cinemahint-web/);
    expect(writesSent()).toEqual([]);
  });

  it('writes nothing at all in dry run, tags included', async () => {
    const { rt, result } = run(event('manual-set-capacity'), rush, true);
    const res = await result;
    expect(writesSent()).toEqual([]);
    expect(res.tagWrites).toEqual([]);
    expect(rt.records[0]).toMatchObject({ outcome: 'dry-run', reasonCodes: expect.arrayContaining(['OVERRIDE_ACTIVE']) });
  });

  it.each([
    ['malformed-manual-unknown-action', EventParseError, /payload\.action: /],
    ['malformed-manual-out-of-range', EventParseError, /payload\.desired: 50 is outside the bounds of group cinemahint-web \(2\.\.10\)/],
    ['malformed-manual-typo', EventParseError, /Unrecognized key: "untill"/],
    ['malformed-manual-unknown-group', UnknownGroupError, /unknown group "cinemahint-api"/],
  ])('rejects %s with a clear error and no AWS call', async (name, type, message) => {
    const { result } = run(event(name));
    await expect(result).rejects.toThrow(type);
    await expect(makeManual(() => testRuntime(shippedConfig(), at))(event(name))).rejects.toThrow(message);
    expect(asgMock.calls().length + cwMock.calls().length + elbMock.calls().length).toBe(0);
    expect(asgMock).not.toHaveReceivedCommand(CreateOrUpdateTagsCommand);
  });

  it.each([
    [{ action: 'pause', group: 'cinemahint-web' }, /needs for \(e\.g\. "1h"\) or until/],
    [{ action: 'pause', group: 'cinemahint-web', for: '8d' }, /payload\.for: "8d" ends more than 7 days from now/],
    [{ action: 'pause', group: 'cinemahint-web', until: '2020-01-01T00:00:00Z' }, /is not in the future/],
    [{ action: 'set-capacity', group: 'cinemahint-web', desired: 4, for: '1h', until: '2026-03-04T02:00:00Z' }, /either for or until, not both/],
  ])('rejects an expiry that cannot work: %j', async (payload, message) => {
    await expect(run(payload).result).rejects.toThrow(message);
    expect(asgMock.calls()).toHaveLength(0);
  });
});
