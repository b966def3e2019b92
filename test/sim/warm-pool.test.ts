// The warm pool's documented behaviour (Auto Scaling User Guide, "Warm pools"; API reference, PutWarmPool), in the
// simulated group: warm starts, cold fallback, refill, the pool outside desired capacity, reuse on scale-in, cost.
import { CloudError } from '../../controller/errors';
import { active, addWarmInstance, asgTick, createGroup } from '../../sim/fleet';
import { DEFAULT_PARAMS as p, US_EAST_1_T3_MEDIUM as prices } from '../../sim/params';
import { snapshotOf } from '../../sim/sim-cloud';
import { createMetricStore } from '../../sim/metric-store';
import { runPolicy } from '../../sim/run';
import { deleteWarmPool, putWarmPool, warmPoolCounts, warmPoolMinuteCost, warmPoolTarget } from '../../sim/warm-pool';
import type { World } from '../../sim/world';
import { load, steps, worldOptions } from '../fixtures/sim-world';

const T0 = Date.parse('2026-03-04T15:00:00Z');
const sec = (s: number) => T0 + s * 1000;
const min = (n: number) => sec(60 * n);

/** A group of 2 in service with a ready pool of 3 (MinSize 3, MaxGroupPreparedCapacity 5), at minute 4. */
const groupWithPool = () => {
  const g = createGroup('web', 2, 10, 2, null);
  addWarmInstance(g, 'on-demand', min(-60));
  addWarmInstance(g, 'on-demand', min(-60));
  putWarmPool(g, { minSize: 3, maxGroupPreparedCapacity: 5 });
  asgTick(g, min(0), p); // 3 cold launches into the pool (Warmed:Pending)
  asgTick(g, min(3), p); // 180 s later: Warmed:Stopped
  return g;
};

describe('warm pool', () => {
  it('launches into the pool and keeps the instances stopped: Warmed:Pending for the cold boot, then ready', () => {
    // Prepare
    const g = createGroup('web', 2, 10, 2, null);
    putWarmPool(g, { minSize: 3, maxGroupPreparedCapacity: 5 });
    // Act
    asgTick(g, min(0), p);
    const during = warmPoolCounts(g);
    asgTick(g, min(3), p);
    // Assess: 5 - 2 = 3 in the pool, booting for the median 180 s, then ready.
    expect(during).toEqual({ warming: 3, ready: 0 });
    expect(warmPoolCounts(g)).toEqual({ warming: 0, ready: 3 });
  });

  it('a scale-out with a pool of 3 has 3 instances in service within the warm start time; the 4th takes a cold boot', () => {
    // Prepare
    const g = groupWithPool();
    const pooled = g.warmPool!.instances.map((w) => w.id);
    // Act: desired 2 -> 6 at minute 10.
    g.desired = 6;
    asgTick(g, min(10), p);
    const launched = g.instances.filter((i) => i.state === 'pending');
    asgTick(g, sec(600 + p.warmStartSeconds), p);
    // Assess: the 3 pool instances start in 45 s (Warmed:Stopped -> Pending -> InService); the 4th boots cold, 180 s.
    expect(launched.map((i) => i.bootMs)).toEqual([45_000, 45_000, 45_000, 180_000]);
    expect(launched.slice(0, 3).map((i) => i.id)).toEqual(pooled);
    expect(launched.slice(0, 3).map((i) => i.state)).toEqual(['in-service', 'in-service', 'in-service']);
    expect(launched[3]!.state).toBe('pending');
    asgTick(g, min(13), p);
    expect(launched[3]!.state).toBe('in-service');
  });

  it('refills the pool to MinSize with cold launches after use', () => {
    // Prepare
    const g = groupWithPool();
    // Act
    g.desired = 6;
    asgTick(g, min(10), p);
    const refill = warmPoolCounts(g);
    asgTick(g, min(13), p);
    // Assess: prepared capacity 5 < desired 6 gives 0, but MinSize keeps 3: three new first boots, ready 180 s later.
    expect(warmPoolTarget(g, g.warmPool!.config)).toBe(3);
    expect(refill).toEqual({ warming: 3, ready: 0 });
    expect(warmPoolCounts(g)).toEqual({ warming: 0, ready: 3 });
  });

  it('does not count toward desired capacity, and DescribeAutoScalingGroups does not list it', () => {
    const g = groupWithPool();
    expect(active(g)).toHaveLength(2);
    expect(g.warmPool!.instances).toHaveLength(3);
    const snap = snapshotOf(g, createMetricStore(120_000), min(4), 600_000);
    expect(snap.group.instances).toHaveLength(2);
    expect(snap.group.desired).toBe(2);
  });

  it('without a ready instance, falls back to cold launches (a depleted pool)', () => {
    const g = createGroup('web', 2, 10, 2, null);
    putWarmPool(g, { minSize: 2 });
    asgTick(g, min(0), p); // pool still booting
    g.desired = 4;
    asgTick(g, min(1), p);
    expect(g.instances.filter((i) => i.state === 'pending').map((i) => i.bootMs)).toEqual([180_000, 180_000, 180_000, 180_000]);
  });

  it('returns scaled-in instances to the pool with ReuseOnScaleIn, after the deregistration delay, and launches none cold for them', () => {
    // Prepare: 6 in service, pool sized max - desired = 4, reuse on.
    const g = createGroup('web', 2, 10, 6, null);
    for (let k = 0; k < 6; k += 1) addWarmInstance(g, 'on-demand', min(-60));
    putWarmPool(g, { reuseOnScaleIn: true });
    asgTick(g, min(0), p);
    asgTick(g, min(3), p);
    const before = g.launched;
    // Act: scale in to 4; the pool's size becomes 6.
    g.desired = 4;
    asgTick(g, min(10), p);
    asgTick(g, min(15), p);
    // Assess: the two drained instances (300 s) are in the pool, ready; nothing launched for them.
    expect(g.launched).toBe(before);
    expect(warmPoolCounts(g)).toEqual({ warming: 0, ready: 6 });
    expect(active(g)).toHaveLength(4);
  });

  it('is refused on a group that launches Spot above its On-Demand base, and deleted with its instances', () => {
    const spot = createGroup('web', 2, 10, 2, { onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: 0, spotAllocationStrategy: 'price-capacity-optimized' });
    expect(() => putWarmPool(spot, {})).toThrow(CloudError);
    const g = groupWithPool();
    deleteWarmPool(g);
    asgTick(g, min(10), p);
    expect(g.warmPool).toBeUndefined();
    expect(active(g)).toHaveLength(2);
  });

  it('costs the EBS root volume of each stopped instance: 3 x 20 GiB x $0.08 / (730 h x 60 min) a minute', () => {
    const g = groupWithPool();
    // 3 x 20 x 0.08 = $4.80 a month = $0.0001096 a minute.
    expect(warmPoolMinuteCost(g, p, prices, 2, 2)).toBeCloseTo(4.8 / 43_800, 10);
    putWarmPool(g, { minSize: 3, maxGroupPreparedCapacity: 5, poolState: 'Hibernated' });
    expect(warmPoolMinuteCost(g, p, prices, 2, 2)).toBeCloseTo((3 * 24 * 0.08) / 43_800, 10); // + 4 GiB of RAM each
  });

  it('bills first boots into the pool as running On-Demand instances, beyond the reserved base', () => {
    const g = createGroup('web', 2, 10, 2, null);
    putWarmPool(g, { minSize: 2, maxGroupPreparedCapacity: 4 });
    asgTick(g, min(0), p);
    // 2 booting; the group runs 2 On-Demand with 2 reserved: both paid, 2 x $0.0416 / 60.
    expect(warmPoolMinuteCost(g, p, prices, 2, 2)).toBeCloseTo((2 * 0.0416) / 60, 10);
    // The group runs none: the 2 reserved instances cover both.
    expect(warmPoolMinuteCost(g, p, prices, 0, 2)).toBe(0);
  });

  it("adds the pool's cost to the run's cost, as part of the variable cost", async () => {
    // Prepare: a flat load of 3, a stopped pool of 2 put in before the first minute.
    const o = worldOptions(steps([120, load(3)]), { calm: true });
    const keepPool = (w: World) => {
      putWarmPool(w.group, { minSize: 2, maxGroupPreparedCapacity: 2 });
      return { name: 'pool', describe: 'pool', records: [], control: async () => undefined };
    };
    // Act
    const run = await runPolicy(keepPool, o);
    // Assess: 3 min of 2 first boots, covered by nothing (3 on-demand > 2 reserved): 2 x 3 x 0.0416 / 60, then
    // 117 min of 2 stopped volumes: 2 x 117 x 1.6 / 43,800.
    const expected = (2 * 3 * 0.0416) / 60 + (2 * 117 * 1.6) / 43_800;
    expect(run.summary.warmPoolCostUsd).toBeCloseTo(expected, 4);
    expect(run.summary.costUsd).toBeCloseTo(run.summary.reservedCostUsd + run.summary.variableCostUsd, 4);
    const none = await runPolicy(() => ({ name: 'none', describe: 'none', records: [], control: async () => undefined }), o);
    expect(run.summary.costUsd - none.summary.costUsd).toBeCloseTo(expected, 3);
  });
});
