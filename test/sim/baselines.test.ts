// The baselines' documented behaviour, each against the documentation its file cites.
import fc from 'fast-check';
import { awsStepScaling } from '../../sim/policies/aws-step-scaling';
import { awsTtCpu, awsTtRequests, targetTrackingCapacity } from '../../sim/policies/aws-target-tracking';
import { anyInWarmup, inWarmup } from '../../sim/policies/fleet-history';
import { fixedPeak, peakNeed } from '../../sim/policies/fixed';
import { hpa, hpaRecommendation, scaleUpLimit } from '../../sim/policies/hpa';
import { leadMinutes, oracle } from '../../sim/policies/oracle';
import type { SimInstance } from '../../sim/fleet';
import { createWorld, stepMinute, type World } from '../../sim/world';
import { at, load, steps, worldOptions } from '../fixtures/sim-world';

/** Runs the world and the policy for `n` minutes; returns the desired capacity after each minute. */
const drive = async (w: World, policy: { control: (now: number, m: number) => Promise<void> }, n: number): Promise<number[]> => {
  const out: number[] = [];
  for (let m = 0; m < n; m += 1) {
    stepMinute(w, m);
    await policy.control(w.trace.minutes[m]! + 60_000, m);
    out.push(w.group.desired);
  }
  return out;
};
const changes = (xs: readonly number[]): number[] => xs.slice(1).map((x, i) => x - xs[i]!).filter((d) => d !== 0);

describe('AWS target tracking baseline', () => {
  it('computes capacity as ceil(current x metric / target): 4 at 90 % against 60 -> 6', () => {
    expect(targetTrackingCapacity(4, 90, 60)).toBe(6);
    expect(targetTrackingCapacity(3, 80, 60)).toBe(4);
  });

  it('scales out only after 3 one-minute datapoints above target are visible (plus the 2-minute publication delay)', async () => {
    // Prepare: a calm first minute (the group starts at 3), then 3 instances' worth at 90 % utilisation.
    const w = createWorld(worldOptions(steps([1, load(3, 0.5)], [40, load(3, 0.9)]), { calm: true }));
    // Act
    const desired = await drive(w, awsTtCpu(60)(w), 8);
    // Assess: the point of minute 3 is visible at minute 3 + 1 + 2 = 6, the end of minute 5: then 3 of 3 breach.
    expect(desired.slice(0, 5)).toEqual([3, 3, 3, 3, 3]);
    expect(desired[5]).toBeGreaterThan(3);
  });

  it('adds once for a step in load, and not a second time while the first instances warm up', async () => {
    // Prepare: 3 instances at 90 %: CPU 3 + 97 x 0.9 = 90.3 %, so ceil(3 x 90.3 / 60) = 5.
    const w = createWorld(worldOptions(steps([1, load(3, 0.5)], [59, load(3, 0.9)]), { calm: true }));
    // Act
    const desired = await drive(w, awsTtCpu(60)(w), 60);
    // Assess: one change, +2, held through the warm-up and after it (5 instances carry the load at 54 %).
    expect(changes(desired)).toEqual([2]);
    expect(desired.at(-1)).toBe(5);
  });

  it('does the same on ALBRequestCountPerTarget: 3 targets at 2,160/min against 1,440 -> ceil(4.5) = 5, once', async () => {
    const w = createWorld(worldOptions(steps([1, load(3, 0.5)], [59, load(3, 0.9)]), { calm: true }));
    const desired = await drive(w, awsTtRequests(60)(w), 60);
    expect(changes(desired)).toEqual([2]);
  });

  it('scales in gradually: one instance per action, after 15 datapoints below 90 % of target, never below the proportional capacity', async () => {
    // Prepare: 8 instances busy at 55 % (CPU 56.4 %, inside the band), then the load of 2.
    const w = createWorld(worldOptions(steps([10, load(8, 0.55)], [80, load(2, 0.6)]), { calm: true }));
    w.group.desired = 8;
    // Act
    const desired = await drive(w, awsTtCpu(60)(w), 90);
    // Assess: the quiet minutes 10..24 are all visible at 24 + 1 + 2 = 27 min, the end of minute 26: nothing earlier.
    const firstDrop = desired.findIndex((d) => d < 8);
    expect(firstDrop).toBe(26);
    expect(changes(desired).every((d) => d === -1)).toBe(true);
    // 2 instances' load spread over 3: CPU 3 + 97 x 0.4 = 41.8 %, ceil(3 x 41.8 / 60) = 3 is where it stops.
    expect(desired.at(-1)).toBe(3);
  });

  it('counts the warm-up from InService, not from launch', () => {
    const now = at(20);
    const base = { id: 'i-1', market: 'on-demand', target: 'healthy', asgHealth: 'Healthy', passes: 2, fails: 0, broken: false, bootMs: 180_000, backlog: 0, credits: 0, surplus: 0 } as const;
    const booted: SimInstance = { ...base, launchedAt: now - 400_000, inServiceAt: now - 220_000, state: 'in-service' };
    expect(inWarmup(booted, now, 300_000)).toBe(true); // launched 400 s ago, but in service for 220 s only
    expect(inWarmup({ ...booted, inServiceAt: now - 300_000 }, now, 300_000)).toBe(false);
    expect(inWarmup({ ...booted, state: 'pending' }, now, 300_000)).toBe(true);
    expect(anyInWarmup({ instances: [booted] } as never, now, 300_000)).toBe(true);
  });
});

describe('AWS step scaling baseline', () => {
  it('adds one instance when CPU > 80 % for 3 minutes, and waits for the warm-up before adding again', async () => {
    const w = createWorld(worldOptions(steps([1, load(3, 0.5)], [30, load(3, 0.95)]), { calm: true }));
    const desired = await drive(w, awsStepScaling(w), 12);
    expect(desired.slice(0, 5)).toEqual([3, 3, 3, 3, 3]);
    expect(desired.slice(5, 10)).toEqual([4, 4, 4, 4, 4]); // +1, then nothing while it warms up (300 s)
  });
});

describe('HPA baseline', () => {
  it('follows ceil(usageRatio x ready) per metric, the largest winning, the current replicas within 10 %', () => {
    expect(hpaRecommendation(4, 4, [{ value: 90, target: 60 }, { value: 50, target: 70 }])).toBe(6);
    expect(hpaRecommendation(4, 4, [{ value: 64, target: 60 }])).toBe(4);
    expect(hpaRecommendation(4, 4, [{ value: 20, target: 60 }])).toBe(2);
  });

  it('counts ready replicas only: 6 desired, 4 ready at 90 % against 60 -> 6, not 9', () => {
    expect(hpaRecommendation(6, 4, [{ value: 90, target: 60 }])).toBe(6);
    // Within tolerance it keeps the current (desired) replicas, as replica_calculator.go returns currentReplicas.
    expect(hpaRecommendation(6, 4, [{ value: 63, target: 60 }])).toBe(6);
  });

  it('does not multiply pending instances: 3 ready at 90 % with 2 more launching asks for 5, and holds', async () => {
    // Prepare: 3 instances at 90 % (CPU 90.3 %): ceil(90.3 / 60 x 3) = 5.
    const w = createWorld(worldOptions(steps([1, load(3, 0.5)], [20, load(3, 0.9)]), { calm: true }));
    // Act
    const desired = await drive(w, hpa(60)(w), 21);
    // Assess: one step to 5; the two launching instances are not ready, so nothing asks for more.
    expect(changes(desired)).toEqual([2]);
  });

  it('limits a scale-up to max(+4, +100 %) per period', () => {
    expect(scaleUpLimit(2)).toBe(6);
    expect(scaleUpLimit(6)).toBe(12);
  });

  it('scales down only to the highest recommendation of the last 300 s', async () => {
    // Busy for 10 minutes, then quiet: the quiet recommendation must wait out the window.
    const w = createWorld(worldOptions(steps([10, load(4, 0.6)], [20, load(4, 0.15)]), { calm: true }));
    w.group.desired = 4;
    const desired = await drive(w, hpa(60)(w), 30);
    const firstDrop = desired.findIndex((d) => d < 4);
    // Quiet from minute 10; visible from minute 12 (delay); a drop is allowed once 300 s of quiet have passed.
    expect(firstDrop).toBeGreaterThanOrEqual(16);
  });
});

describe('fixed and oracle baselines', () => {
  it('fixes capacity at the peak SLO need: 8 instances of load at 60 % -> ceil(11,520 / (2,400 x 0.927)) = 6', () => {
    const w = createWorld(worldOptions(steps([5, load(2)], [5, load(8)]), { calm: true }));
    expect(peakNeed(w)).toBe(6);
    fixedPeak(w);
    expect(w.group.instances.filter((i) => i.state === 'in-service')).toHaveLength(6);
  });

  it('launches exactly the lead time ahead (1 + 3 min boot + 1 min health checks = 5 minutes), not earlier', async () => {
    const requests = steps([20, load(2)], [20, load(8)]);
    const w = createWorld(worldOptions(requests, { calm: true }));
    expect(leadMinutes(w)).toBe(5);
    const desired = await drive(w, oracle(w), 40);
    expect(desired[14]).toBe(2); // ceil(2,880 / (2,400 x 0.927)) = 2: nothing extra before it is needed
    expect(desired[15]).toBeGreaterThanOrEqual(6); // asked at minute 15 for minute 20
    expect(w.trace.minutes[0]).toBe(at(0));
  });

  it('meets the SLO on that step, where the controller cannot', async () => {
    const { runPolicy } = await import('../../sim/run');
    const { controller } = await import('../../sim/policies/controller');
    // The calm world: the oracle knows the trace, not the arrival noise or the boot-time tail (world issue 9).
    const opts = worldOptions(steps([20, load(2)], [20, load(8)]), { calm: true });
    expect((await runPolicy(oracle, opts)).summary.sloViolationMinutes).toBe(0);
    expect((await runPolicy(controller, opts)).summary.sloViolationMinutes).toBeGreaterThan(0);
  });
});

describe('target tracking scale-in, as a property', () => {
  it('never removes more than one instance in one minute, whatever the load', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 20, maxLength: 40 }), async (levels) => {
      const w = createWorld(worldOptions(levels.map((l) => load(l, 0.6)), { calm: true }));
      const desired = await drive(w, awsTtCpu(60)(w), levels.length);
      return changes([w.config.capacity.desired, ...desired]).every((d) => d >= -1);
    }), { numRuns: 1000 });
  });
});
