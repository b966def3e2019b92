// CPU target tracking sizes on the fleet its datapoint was measured on, at a minute boundary where instances enter
// service: ceil(sum of the minute's instance CPU / target) (User Guide, "Target tracking scaling policies": the
// policy scales out proportionally to the metric; the group average is over the instances of that minute).
import { trackingStep } from '../../sim/policies/aws-target-tracking';
import { createWorld, stepMinute } from '../../sim/world';
import { load, steps, worldOptions } from '../fixtures/sim-world';

describe('AWS target tracking on CPU at a fleet boundary', () => {
  it('uses the instances of the datapoint\'s own minute: 3 busy + 2 just in service -> ceil(276.9 / 60) = 5', () => {
    // Prepare: 3 instances at 90 % (CPU 3 + 97 x 0.9 = 90.3 %); desired 5 at the start, so 2 launch at minute 0's
    // tick and enter service at minute 3's tick (180 s): in minute 3 they are registered but get no requests yet
    // (idle, 3 % CPU), so the minute's average is (3 x 90.3 + 2 x 3) / 5 = 55.38 %.
    const w = createWorld(worldOptions(steps([1, load(3, 0.5)], [11, load(3, 0.9)]), { calm: true })); // starts at 3
    const step = trackingStep(w, { name: 'tt', describe: 'tt', metric: 'cpu', target: 60 });
    w.group.desired = 5;
    const running: number[] = [];
    const cpu: number[] = [];
    // Act: minutes 0..5; minute 3's datapoint is published at its end + 2 min: visible at the end of minute 5.
    for (let m = 0; m <= 5; m += 1) {
      const minute = stepMinute(w, m);
      cpu.push(minute.cpu);
      running.push(w.group.instances.filter((i) => i.state === 'in-service' || i.state === 'draining').length);
      step.fleet.observe(m);
    }
    const now = w.trace.minutes[5]! + 60_000;
    // Assess
    expect(running.slice(2, 4)).toEqual([3, 5]); // the boundary: minute 3 is the first with 5 in service
    expect(cpu[3]).toBeCloseTo(55.38, 2);
    expect(step.fleet.at(w.trace.minutes[3]!)?.running).toBe(5);
    // ceil(5 x 55.38 / 60) = ceil(4.615) = 5: the load's CPU sum (276.9) over the target. Sizing with the fleet of
    // the minute before (3) would answer ceil(2.77) = 3 and under-size; with a later fleet it would double-count.
    expect(step.wanted(now)).toBe(5);
  });
});
