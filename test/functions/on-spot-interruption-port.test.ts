// The spot handler over a Cloud port without DescribeAutoScalingInstances, as the simulator's is: the instance is
// found in the managed groups' own instance lists, and the events come from spotEventOf, as the simulator builds them.
import type { Cloud, ObserveOptions } from '../../controller/port';
import type { Write } from '../../controller/writes';
import { parseSpotEvent, spotEventOf } from '../../events/spot-interruption-event';
import { makeOnSpotInterruption } from '../../functions/on-spot-interruption';
import type { Runtime } from '../../functions/runtime';
import type { DecisionRecord } from '../../controller/decision-record';
import type { Snapshot } from '../../policies/snapshot';
import { AT_RISK_TAG } from '../../policies/spot-interruption';
import { groupConfig, instances, NOW, snapshot } from '../fixtures/builders';

/** The simulator's instance ids: i- and 17 hex digits (sim/fleet.ts). */
const simId = (n: number): string => `i-${n.toString(16).padStart(17, '0')}`;
const spot = { onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: 0, spotAllocationStrategy: 'price-capacity-optimized' };

/** A one-group world the handler observes and writes, recording what it was asked. */
const world = (desired: number, max: number) => {
  let snap: Snapshot = snapshot({ desired, max, distribution: spot, instances: instances(desired).map((i, k) => ({ ...i, id: simId(k + 1) })) });
  const writes: Write[] = [];
  const scopes: (ObserveOptions['scope'] | undefined)[] = [];
  const cloud: Cloud = {
    observe: async (groups, _now, options) => {
      scopes.push(options?.scope);
      return { snapshots: new Map(groups.map((g) => [g.name, snap])), failures: new Map() };
    },
    write: async (w) => {
      writes.push(w);
      const g = snap.group;
      if (w.kind === 'setDesiredCapacity') snap = { ...snap, group: { ...g, desired: w.desired } };
      if (w.kind === 'putTags') snap = { ...snap, group: { ...g, tags: { ...g.tags, ...w.tags } } };
    },
  };
  const records: DecisionRecord[] = [];
  const rt: Runtime = { config: { dryRun: false, groups: [groupConfig()] }, cloud, record: (r) => records.push(r), now: () => NOW, dryRun: false };
  return { handler: makeOnSpotInterruption(() => rt), writes, scopes, records, group: () => snap.group };
};

describe('spotEventOf', () => {
  it.each(['interruption', 'rebalance'] as const)('builds the %s event the handler parses back to the same signal', (kind) => {
    // Act
    const parsed = parseSpotEvent(spotEventOf({ kind, instanceId: simId(7), at: NOW }));
    // Assess
    expect(parsed).toMatchObject({ kind, instanceId: simId(7), at: NOW, region: 'us-east-1' });
  });
});

describe('onSpotInterruption over a port without DescribeAutoScalingInstances (the simulator\'s)', () => {
  it('adds one per distinct at-risk instance, once each, and stops at the maximum: 3 -> 4 -> 5, then nothing', async () => {
    // Prepare: 3 desired of at most 5; Capacity Rebalancing off, so a rebalance recommendation is replaced too.
    const w = world(3, 5);
    const [a, b, c] = [simId(1), simId(2), simId(3)];
    // Act + Assess, delivery by delivery
    await w.handler(spotEventOf({ kind: 'interruption', instanceId: b, at: NOW }));
    expect(w.writes).toEqual([{ kind: 'setDesiredCapacity', group: 'web-asg', desired: 4 }, { kind: 'putTags', group: 'web-asg', tags: { [AT_RISK_TAG]: `${b}:add` } }]);

    await w.handler(spotEventOf({ kind: 'interruption', instanceId: b, at: NOW }));
    expect(w.writes).toHaveLength(2);
    expect(w.records[1]!.reasonCodes).toEqual(['SPOT_AT_RISK_ALREADY_REPLACED']);

    await w.handler(spotEventOf({ kind: 'rebalance', instanceId: c, at: NOW }));
    expect(w.writes.slice(2)).toEqual([{ kind: 'setDesiredCapacity', group: 'web-asg', desired: 5 }, { kind: 'putTags', group: 'web-asg', tags: { [AT_RISK_TAG]: `${b}:add,${c}:add` } }]);

    await w.handler(spotEventOf({ kind: 'interruption', instanceId: a, at: NOW }));
    expect(w.writes).toHaveLength(4);
    expect(w.records[3]!.reasonCodes).toEqual(['LIMIT_MAX_BOUND']);
    expect(w.group().desired).toBe(5);
    // Found through the group's own instance list, never the metrics: 'group' scope every time.
    expect(w.scopes.every((s) => s === 'group')).toBe(true);
  });

  it('ignores an instance of no managed group and writes nothing', async () => {
    // Prepare
    const w = world(3, 5);
    // Act
    const res = await w.handler(spotEventOf({ kind: 'interruption', instanceId: simId(0x99), at: NOW }));
    // Assess
    expect(w.writes).toEqual([]);
    expect(res.ignored).toEqual([expect.objectContaining({ code: 'SPOT_AT_RISK_UNKNOWN_INSTANCE', instanceId: simId(0x99) })]);
  });
});
