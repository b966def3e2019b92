import fc from 'fast-check';
import type { Lifecycle } from '../../policies/snapshot';
import { AT_RISK_TAG, atRiskAllowance, planSpotReplacement, readAtRiskTag, type AtRiskSignal, type SpotGroup } from '../../policies/spot-interruption';

const RUNS = { numRuns: 1000 };
const id = (n: number): string => `i-0000000${n}`;
const group = (over: Partial<SpotGroup> = {}): SpotGroup => ({
  desired: 4, max: 6, capacityRebalance: false, tags: {},
  instances: [1, 2, 3, 4].map((n) => ({ id: id(n), lifecycle: 'InService' as Lifecycle })),
  ...over,
});
const interruption = (n: number): AtRiskSignal => ({ instanceId: id(n), kind: 'interruption' });
const rebalance = (n: number): AtRiskSignal => ({ instanceId: id(n), kind: 'rebalance' });
const codes = (p: { reasons: readonly { code: string }[] }) => p.reasons.map((r) => r.code);
/** The group as it reads after the plan's writes went through. */
const after = (g: SpotGroup, p: ReturnType<typeof planSpotReplacement>): SpotGroup => {
  const tags = { ...g.tags };
  if (p.tag === null) delete tags[AT_RISK_TAG];
  else if (p.tag !== undefined) tags[AT_RISK_TAG] = p.tag;
  return { ...g, desired: p.desired ?? g.desired, tags };
};

describe('spot interruption', () => {
  it('launches the replacement first: an interruption warning for an in-service instance raises 4 -> 5 and records it', () => {
    // Act
    const plan = planSpotReplacement(group(), [interruption(1)]);
    // Assess
    expect(plan).toEqual({ desired: 5, tag: 'i-00000001:add', reasons: [expect.objectContaining({ code: 'SPOT_INTERRUPTION_REPLACE', data: expect.objectContaining({ instanceId: id(1), desired: 5 }) })] });
  });

  it('is idempotent: the same event delivered again finds the instance recorded and writes nothing', () => {
    // Prepare
    const g = group();
    const first = planSpotReplacement(g, [interruption(1)]);
    // Act
    const again = planSpotReplacement(after(g, first), [interruption(1)]);
    // Assess
    expect(again).toEqual({ reasons: [expect.objectContaining({ code: 'SPOT_AT_RISK_ALREADY_REPLACED' })] });
  });

  it('does not add twice when the interruption follows a rebalance recommendation for the same instance', () => {
    const g = group();
    const first = planSpotReplacement(g, [rebalance(2)]);
    expect(first).toMatchObject({ desired: 5, tag: 'i-00000002:add', reasons: [{ code: 'SPOT_REBALANCE_REPLACE' }] });
    expect(codes(planSpotReplacement(after(g, first), [interruption(2)]))).toEqual(['SPOT_AT_RISK_ALREADY_REPLACED']);
  });

  it('leaves rebalance recommendations to the ASG when its Capacity Rebalancing is on, and remembers so', () => {
    // Prepare
    const g = group({ capacityRebalance: true });
    // Act
    const plan = planSpotReplacement(g, [rebalance(3)]);
    // Assess: no capacity; the later interruption of that instance adds nothing either (the ASG launched one).
    expect(plan).toEqual({ tag: 'i-00000003:asg', reasons: [expect.objectContaining({ code: 'SPOT_REBALANCE_BY_ASG' })] });
    expect(codes(planSpotReplacement(after(g, plan), [interruption(3)]))).toEqual(['SPOT_AT_RISK_ALREADY_REPLACED']);
  });

  it('ignores an instance that is not in the group, and writes nothing', () => {
    expect(planSpotReplacement(group(), [interruption(9)])).toEqual({ reasons: [expect.objectContaining({ code: 'SPOT_AT_RISK_UNKNOWN_INSTANCE' })] });
  });

  it('does not replace an instance that is not in service (pending, terminating)', () => {
    const g = group({ instances: [{ id: id(1), lifecycle: 'Pending' }, { id: id(2), lifecycle: 'Terminating' }] });
    expect(codes(planSpotReplacement(g, [interruption(1), interruption(2)]))).toEqual(['SPOT_AT_RISK_NOT_IN_SERVICE', 'SPOT_AT_RISK_NOT_IN_SERVICE']);
  });

  it('stays within the maximum: 5 of max 6 with two warnings adds one; the other is not recorded and adds once room appears', () => {
    // Prepare
    const g = group({ desired: 5 });
    // Act
    const plan = planSpotReplacement(g, [interruption(1), interruption(2)]);
    // Assess: min(6, 5 + 2) = 6
    expect(plan.desired).toBe(6);
    expect(codes(plan)).toEqual(['SPOT_INTERRUPTION_REPLACE', 'LIMIT_MAX_BOUND']);
    expect(readAtRiskTag(plan.tag!)).toEqual(new Map([[id(1), 'add']]));
    const later = planSpotReplacement({ ...after(g, plan), max: 7 }, [interruption(2)]);
    expect(later).toMatchObject({ desired: 7, reasons: [{ code: 'SPOT_INTERRUPTION_REPLACE' }] });
  });

  it('serves interruptions before rebalance recommendations when room is short', () => {
    const plan = planSpotReplacement(group({ desired: 5 }), [rebalance(1), interruption(2)]);
    expect(plan.reasons.map((r) => [r.code, r.data.instanceId])).toEqual([['SPOT_INTERRUPTION_REPLACE', id(2)], ['LIMIT_MAX_BOUND', id(1)]]);
  });

  it('prunes entries for instances that left the group, deleting the tag when none remain', () => {
    const plan = planSpotReplacement(group({ tags: { [AT_RISK_TAG]: 'i-00000009:add' } }), []);
    expect(plan).toEqual({ tag: null, reasons: [] });
  });

  it('drops unreadable entries from the tag: "junk,i-00000001:add,i-00000002:maybe" reads as one entry', () => {
    expect(readAtRiskTag('junk,i-00000001:add,i-00000002:maybe')).toEqual(new Map([[id(1), 'add']]));
  });

  it('tells decide() how many replacements to keep on top of the reactive target: one added, one left to the ASG -> 1', () => {
    expect(atRiskAllowance(group({ tags: { [AT_RISK_TAG]: 'i-00000001:add,i-00000002:asg' } }))).toBe(1);
  });

  describe('invariants (fast-check, 1,000 runs each)', () => {
    const lifecycles: Lifecycle[] = ['InService', 'InService', 'InService', 'Pending', 'Terminating', 'Standby'];
    const arb = fc.record({
      states: fc.array(fc.constantFrom(...lifecycles), { minLength: 0, maxLength: 8 }),
      desired: fc.integer({ min: 0, max: 10 }), room: fc.integer({ min: 0, max: 4 }), capacityRebalance: fc.boolean(),
      tagged: fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom('add', 'asg')), { maxLength: 4 }),
      signals: fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom<'interruption' | 'rebalance'>('interruption', 'rebalance')), { maxLength: 6 }),
    }).map((a): [SpotGroup, AtRiskSignal[]] => [
      {
        desired: a.desired, max: a.desired + a.room, capacityRebalance: a.capacityRebalance,
        instances: a.states.map((lifecycle, i) => ({ id: id(i + 1), lifecycle })),
        tags: a.tagged.length > 0 ? { [AT_RISK_TAG]: a.tagged.map(([n, h]) => `${id(n)}:${h}`).join(',') } : {},
      },
      a.signals.map(([n, kind]) => ({ instanceId: id(n), kind })),
    ]);

    it('adds one per distinct at-risk in-service instance at most, and never past the maximum', () => {
      fc.assert(fc.property(arb, ([g, signals]) => {
        const plan = planSpotReplacement(g, signals);
        const d = plan.desired ?? g.desired;
        const candidates = new Set(signals.map((s) => s.instanceId).filter((i) => g.instances.some((x) => x.id === i && x.lifecycle === 'InService')));
        const added = plan.reasons.filter((r) => r.code === 'SPOT_INTERRUPTION_REPLACE' || r.code === 'SPOT_REBALANCE_REPLACE').length;
        return d <= g.max && d - g.desired === added && added <= candidates.size;
      }), RUNS);
    });

    it('is idempotent: replaying the same signals on the state the plan left changes nothing', () => {
      fc.assert(fc.property(arb, ([g, signals]) => {
        const again = planSpotReplacement(after(g, planSpotReplacement(g, signals)), signals);
        return again.desired === undefined && again.tag === undefined;
      }), RUNS);
    });

    it('a duplicated event is the same as one: the plan for the signals twice equals the plan for them once', () => {
      fc.assert(fc.property(arb, ([g, signals]) => {
        const once = planSpotReplacement(g, signals);
        const twice = planSpotReplacement(g, [...signals, ...signals]);
        return once.desired === twice.desired && once.tag === twice.tag && JSON.stringify(codes(once)) === JSON.stringify(codes(twice));
      }), RUNS);
    });
  });
});
