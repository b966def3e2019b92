import { awsStepScaling } from '../../sim/policies/aws-step-scaling';
import { awsTargetTracking, targetTrackingCapacity } from '../../sim/policies/aws-target-tracking';
import { fixedPeak, peakNeed } from '../../sim/policies/fixed';
import { hpa, hpaRecommendation } from '../../sim/policies/hpa';
import { leadMinutes, oracle } from '../../sim/policies/oracle';
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

describe('AWS target tracking baseline', () => {
  it('computes capacity as ceil(current x metric / target): 4 at 90 % against 60 -> 6', () => {
    expect(targetTrackingCapacity(4, 90, 60)).toBe(6);
    expect(targetTrackingCapacity(3, 80, 60)).toBe(4);
  });

  it('scales out only after 3 one-minute datapoints above target are visible (plus the 2-minute publication delay)', async () => {
    // A calm first minute (the group starts at 3), then 3 instances' worth at 90 % utilization from minute 1.
    const w = createWorld(worldOptions(steps([1, load(3, 0.5)], [20, load(3, 0.9)])));
    const desired = await drive(w, awsTargetTracking(w), 8);
    // The point of minute 3 is visible at minute 3 + 1 + 2 = 6, the end of minute 5: then 3 of 3 breach.
    expect(desired.slice(0, 5)).toEqual([3, 3, 3, 3, 3]);
    expect(desired[5]).toBeGreaterThan(3);
  });

  it('scales in only after 15 datapoints below 90 % of target', async () => {
    const w = createWorld(worldOptions(steps([40, load(1, 0.5)])));
    w.group.desired = 4;
    const desired = await drive(w, awsTargetTracking(w), 30);
    // Points of minutes 0..14 are all visible at minute 17, the end of minute 16.
    expect(desired.slice(0, 16)).toEqual(Array(16).fill(4));
    expect(Math.min(...desired)).toBeLessThan(4);
  });
});

describe('AWS step scaling baseline', () => {
  it('adds one instance when CPU > 80 % for 3 minutes, and waits for the warm-up before adding again', async () => {
    const w = createWorld(worldOptions(steps([1, load(3, 0.5)], [30, load(3, 0.95)])));
    const desired = await drive(w, awsStepScaling(w), 12);
    expect(desired.slice(0, 5)).toEqual([3, 3, 3, 3, 3]);
    expect(desired.slice(5, 10)).toEqual([4, 4, 4, 4, 4]); // +1, then nothing while it warms up (300 s)
  });
});

describe('HPA baseline', () => {
  it('follows ceil(current x metric / target), the largest metric winning, nothing within 10 %', () => {
    expect(hpaRecommendation(4, [{ value: 90, target: 60 }, { value: 50, target: 70 }])).toBe(6);
    expect(hpaRecommendation(4, [{ value: 64, target: 60 }])).toBe(4);
    expect(hpaRecommendation(4, [{ value: 20, target: 60 }])).toBe(2);
  });

  it('scales down only to the highest recommendation of the last 300 s', async () => {
    // Busy for 10 minutes, then quiet: the quiet recommendation must wait out the window.
    const w = createWorld(worldOptions(steps([10, load(4, 0.6)], [20, load(4, 0.15)])));
    w.group.desired = 4;
    const desired = await drive(w, hpa(w), 30);
    const firstDrop = desired.findIndex((d) => d < 4);
    // Quiet from minute 10; visible from minute 12 (delay); a drop is allowed once 300 s of quiet have passed.
    expect(firstDrop).toBeGreaterThanOrEqual(16);
  });
});

describe('fixed and oracle baselines', () => {
  it('fixes capacity at the peak need at the CPU target: 8 instances of load at 60 % -> 8', () => {
    const w = createWorld(worldOptions(steps([5, load(2)], [5, load(8)])));
    expect(peakNeed(w)).toBe(8);
    fixedPeak(w);
    expect(w.group.instances.filter((i) => i.state === 'in-service')).toHaveLength(8);
  });

  it('launches exactly the lead time ahead (1 + 3 min boot + 1 min health checks = 5 minutes), not earlier', async () => {
    const requests = steps([20, load(2)], [20, load(8)]);
    const w = createWorld(worldOptions(requests));
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
