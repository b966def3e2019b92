// AWS target tracking with the recommended warm pool (sim/policies/aws-warm-pool.ts), against the user guide:
// scale-outs draw on the pool first, the pool sits beside the group and never counts toward desired capacity.
import { awsTtCpu } from '../../sim/policies/aws-target-tracking';
import { awsTtCpuWarmPool, awsTtRequestsWarmPool } from '../../sim/policies/aws-warm-pool';
import { pointNamed } from '../../sim/policies/catalogue';
import { active } from '../../sim/fleet';
import { warmPoolCounts } from '../../sim/warm-pool';
import { createWorld, stepMinute, type World } from '../../sim/world';
import { load, steps, worldOptions } from '../fixtures/sim-world';

const STEP = steps([1, load(3, 0.5)], [29, load(3, 0.9)]);

/** Runs the world and the policy; returns per minute the desired capacity and the instances in service. */
const drive = async (w: World, policy: { control: (now: number, m: number) => Promise<void> }, n: number) => {
  const out: { desired: number; inService: number; pool: number }[] = [];
  for (let m = 0; m < n; m += 1) {
    stepMinute(w, m);
    await policy.control(w.trace.minutes[m]! + 60_000, m);
    out.push({ desired: w.group.desired, inService: w.group.instances.filter((i) => i.state === 'in-service').length, pool: w.group.warmPool?.instances.length ?? 0 });
  }
  return out;
};

describe('AWS target tracking with a warm pool', () => {
  it('is in the catalogue for both metrics at every setting of the sweep', () => {
    for (const s of [40, 50, 60, 70, 80]) {
      expect(pointNamed(`aws-tt-cpu+wp@${s}`)?.family).toBe('aws-tt-cpu+wp');
      expect(pointNamed(`aws-tt-requests+wp@${s}`)?.family).toBe('aws-tt-requests+wp');
    }
  });

  it('puts a Stopped pool of max - desired beside the group, outside its desired capacity', async () => {
    // Prepare
    const w = createWorld(worldOptions(STEP, { calm: true }));
    // Act
    const run = await drive(w, awsTtRequestsWarmPool(60)(w), 4);
    // Assess: 3 in service, 10 - 3 = 7 prepared (first boots done after 180 s), none counted in desired.
    expect(run.at(-1)).toEqual({ desired: 3, inService: 3, pool: 7 });
    expect(warmPoolCounts(w.group)).toEqual({ warming: 0, ready: 7 });
    expect(active(w.group)).toHaveLength(3);
  });

  it('decides the same scale-out as without the pool, and the new instances come from the pool, in service 2 ticks sooner', async () => {
    // Prepare: 3 instances at 90 %: ceil(3 x 90.3 / 60) = 5 at the end of minute 5 (see baselines.test.ts).
    const cold = createWorld(worldOptions(STEP, { calm: true }));
    const warm = createWorld(worldOptions(STEP, { calm: true }));
    const policy = awsTtCpuWarmPool(60)(warm);
    // Act
    const a = await drive(cold, awsTtCpu(60)(cold), 12);
    const pooled = new Set<string>();
    const b: Awaited<ReturnType<typeof drive>> = [];
    for (let m = 0; m < 12; m += 1) {
      for (const x of warm.group.warmPool?.instances ?? []) pooled.add(x.id);
      stepMinute(warm, m);
      await policy.control(warm.trace.minutes[m]! + 60_000, m);
      b.push({ desired: warm.group.desired, inService: warm.group.instances.filter((i) => i.state === 'in-service').length, pool: warm.group.warmPool?.instances.length ?? 0 });
    }
    // Assess: both go 3 -> 5 at the end of minute 5 and launch at minute 6. The warm ones are in service at the
    // next tick (a 45 s start), the cold ones 180 s after launch.
    expect(a.map((x) => x.desired).slice(4, 7)).toEqual([3, 5, 5]);
    expect(b.map((x) => x.desired).slice(4, 7)).toEqual([3, 5, 5]);
    expect(b[6]!.inService).toBe(3); // launched at minute 6's tick
    expect(b[7]!.inService).toBe(5); // 45 s later, seen at the next one-minute tick
    expect(a[8]!.inService).toBe(3);
    expect(a[9]!.inService).toBe(5); // 180 s after launch
    const joined = warm.group.instances.slice(3).map((i) => i.id);
    expect(joined).toHaveLength(2);
    expect(joined.every((id) => pooled.has(id))).toBe(true);
    // The pool refills to max - desired = 5.
    expect(b.at(-1)!.pool).toBe(5);
  });

  it('deletes the pool while the schedule puts Spot above the On-Demand base, and puts it back after', async () => {
    const w = createWorld(worldOptions(STEP, { calm: true }));
    const policy = awsTtCpuWarmPool(60)(w);
    expect(w.group.warmPool).toBeDefined();
    w.group.distribution = { onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: 0, spotAllocationStrategy: 'price-capacity-optimized' };
    stepMinute(w, 0);
    await policy.control(w.trace.minutes[0]! + 60_000, 0);
    expect(w.group.warmPool).toBeUndefined();
    w.group.distribution = { ...w.group.distribution, onDemandPercentageAboveBaseCapacity: 100 };
    stepMinute(w, 1);
    await policy.control(w.trace.minutes[1]! + 60_000, 1);
    expect(w.group.warmPool?.config).toEqual({ minSize: 0, poolState: 'Stopped', reuseOnScaleIn: true });
  });
});
