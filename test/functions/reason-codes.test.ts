// Every reason code of the catalogue, driven end to end through a handler over mocked AWS clients:
// the exact write commands and inputs, and no write where none is due.
import { DeleteWarmPoolCommand, PutWarmPoolCommand, SetDesiredCapacityCommand, SetInstanceHealthCommand, UpdateAutoScalingGroupCommand } from '@aws-sdk/client-auto-scaling';
import { makeManual } from '../../functions/manual';
import { makeOnSchedule } from '../../functions/on-schedule';
import { makeOnSpotInterruption } from '../../functions/on-spot-interruption';
import { AT_RISK_TAG } from '../../policies/spot-interruption';
import { distributionFor } from '../../policies/capacity-mode';
import { REASON_CODES } from '../../policies/reasons';
import { asgMock, configOf, locateInstance, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { instances, NOW, snapshot } from '../fixtures/builders';
import { SCENARIOS, type Scenario } from '../fixtures/scenarios';
import { SPOT_SCENARIOS } from '../fixtures/spot-scenarios';
import tick from '../../events/schedule-tick.json';

const GROUP = 'web-asg';

/** The AWS contract for a scenario's expected plan, spelled out as commands and inputs. */
const expectedWrites = (s: Scenario): [string, unknown][] => {
  const out: [string, unknown][] = [];
  const { desired, bounds, distribution, replace, capacityRebalance, warmPool } = s.expect;
  if (warmPool?.delete) out.push(['DeleteWarmPoolCommand', { AutoScalingGroupName: GROUP, ForceDelete: false }]);
  if (bounds || distribution || capacityRebalance) {
    const d = distribution ? distributionFor(distribution, s.config.capacityMode) : undefined;
    out.push(['UpdateAutoScalingGroupCommand', {
      AutoScalingGroupName: GROUP,
      ...(bounds ? { MinSize: bounds.min, MaxSize: bounds.max } : {}),
      ...(desired !== undefined ? { DesiredCapacity: desired } : {}),
      ...(d ? { MixedInstancesPolicy: { InstancesDistribution: { OnDemandBaseCapacity: d.onDemandBaseCapacity, OnDemandPercentageAboveBaseCapacity: d.onDemandPercentageAboveBaseCapacity, SpotAllocationStrategy: d.spotAllocationStrategy } } } : {}),
      ...(capacityRebalance ? { CapacityRebalance: true } : {}),
    }]);
  } else if (desired !== undefined) {
    out.push(['SetDesiredCapacityCommand', { AutoScalingGroupName: GROUP, DesiredCapacity: desired, HonorCooldown: false }]);
  }
  for (const id of replace ?? []) out.push(['SetInstanceHealthCommand', { InstanceId: id, HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: true }]);
  if (warmPool?.put !== undefined) {
    out.push(['PutWarmPoolCommand', { AutoScalingGroupName: GROUP, MinSize: warmPool.put, MaxGroupPreparedCapacity: warmPool.put, PoolState: 'Stopped', InstanceReusePolicy: { ReuseOnScaleIn: false } }]);
  }
  return out;
};

const covered = new Set<string>();

describe('every reason code, through the onSchedule handler', () => {
  beforeEach(resetAws);

  it.each(SCENARIOS.map((s) => [s.code, s.title, s] as const))('%s: %s', async (code, _t, s) => {
    // Prepare
    serve([s.snapshot]);
    const rt = testRuntime(configOf(s.config), s.now);
    // Act
    const result = await makeOnSchedule(() => rt)(tick);
    // Assess
    expect(rt.records).toHaveLength(1);
    expect(rt.records[0]!.reasonCodes).toContain(code);
    expect(result[0]!.reasonCodes).toContain(code);
    const expected = expectedWrites(s);
    expect(writesSent()).toEqual(expected);
    if (expected.length === 0) {
      expect(asgMock).not.toHaveReceivedCommand(SetDesiredCapacityCommand);
      expect(asgMock).not.toHaveReceivedCommand(UpdateAutoScalingGroupCommand);
      expect(asgMock).not.toHaveReceivedCommand(SetInstanceHealthCommand);
      expect(asgMock).not.toHaveReceivedCommand(PutWarmPoolCommand);
      expect(asgMock).not.toHaveReceivedCommand(DeleteWarmPoolCommand);
      expect(rt.records[0]!.outcome).toBe('unchanged');
    } else {
      expect(rt.records[0]!.outcome).toBe('changed');
    }
    covered.add(code);
  });

  it('REPLACE_MANUAL: the manual replace action sends exactly one SetInstanceHealth', async () => {
    // Prepare
    serve([snapshot({ desired: 4, instances: instances(4) })]);
    const rt = testRuntime(configOf(SCENARIOS[0]!.config), NOW);
    // Act
    const res = await makeManual(() => rt)({ action: 'replace', group: 'web', instanceId: 'i-00000002' });
    // Assess
    expect(res.ok).toBe(true);
    expect(writesSent()).toEqual([['SetInstanceHealthCommand', { InstanceId: 'i-00000002', HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: true }]]);
    expect(asgMock).toHaveReceivedCommandWith(SetInstanceHealthCommand, { InstanceId: 'i-00000002', HealthStatus: 'Unhealthy' });
    expect(rt.records[0]!.reasonCodes).toEqual(['REPLACE_MANUAL']);
    covered.add('REPLACE_MANUAL');
  });

  it.each(SPOT_SCENARIOS.map((s) => [s.code, s.title, s] as const))('%s: %s, through the onSpotInterruption handler', async (code, _t, s) => {
    // Prepare
    serve([s.snapshot]);
    locateInstance((s.event.detail as Record<string, string>)['instance-id']!, GROUP);
    const rt = testRuntime(configOf(s.config), NOW);
    // Act
    const result = await makeOnSpotInterruption(() => rt)(s.event);
    // Assess
    expect(rt.records).toHaveLength(1);
    expect(rt.records[0]!.reasonCodes).toContain(code);
    expect(result.groups[0]!.reasonCodes).toContain(code);
    const expected: [string, unknown][] = [
      ...(s.expect.desired !== undefined ? [['SetDesiredCapacityCommand', { AutoScalingGroupName: GROUP, DesiredCapacity: s.expect.desired, HonorCooldown: false }] as [string, unknown]] : []),
      ...(s.expect.tag === undefined ? [] : s.expect.tag === null
        ? [['DeleteTagsCommand', { Tags: [{ ResourceId: GROUP, ResourceType: 'auto-scaling-group', Key: AT_RISK_TAG }] }] as [string, unknown]]
        : [['CreateOrUpdateTagsCommand', { Tags: [{ ResourceId: GROUP, ResourceType: 'auto-scaling-group', Key: AT_RISK_TAG, Value: s.expect.tag, PropagateAtLaunch: false }] }] as [string, unknown]]),
    ];
    expect(writesSent()).toEqual(expected);
    expect(rt.records[0]!.outcome).toBe(expected.length === 0 ? 'unchanged' : 'changed');
    covered.add(code);
  });

  afterAll(() => {
    // A code in the catalogue without an end-to-end handler test fails the suite here.
    expect(REASON_CODES.filter((c) => !covered.has(c))).toEqual([]);
  });
});
