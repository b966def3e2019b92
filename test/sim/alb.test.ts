import { addWarmInstance, createGroup, type SimGroup } from '../../sim/fleet';
import { DEFAULT_PARAMS as p } from '../../sim/params';
import { trafficMinute, type Conditions } from '../../sim/traffic';
import { createWorld, stepMinute } from '../../sim/world';
import { load, steps, worldOptions } from '../fixtures/sim-world';

const calm: Conditions = { dependencyDown: false, appErrorShare: 0, serviceMix: 1, slowWaitSeconds: 0.7 };
const groupOf = (n: number): SimGroup => {
  const g = createGroup('web', 1, 10, n, null);
  for (let k = 0; k < n; k += 1) addWarmInstance(g, 'on-demand', 0);
  return g;
};

describe('the ALB', () => {
  it('routes only to healthy targets: 2 healthy of 3 share 2,400 requests, 1,200 each', () => {
    // Prepare
    const g = groupOf(3);
    g.instances[2]!.target = 'unhealthy';
    // Act
    const m = trafficMinute(g, 2400, calm, p);
    // Assess: the two healthy ones at 50 % (CPU 51.5 %), the unhealthy one idle at 3 %.
    expect(m.cpu).toBeCloseTo((51.5 + 51.5 + 3) / 3, 6);
    expect(m.requestCountPerTarget).toBe(1200);
    expect(g.instances[2]!.backlog).toBe(0);
  });

  it('fails open: with every registered target unhealthy, it routes to all of them', () => {
    // Prepare
    const g = groupOf(2);
    for (const i of g.instances) i.target = 'unhealthy';
    // Act
    const m = trafficMinute(g, 2400, calm, p);
    // Assess: served (minus the base 0.05 % errors), both at 50 %.
    expect(m.served).toBeCloseTo(2400 * (1 - p.baseErrorPercent / 100), 6);
    expect(m.cpu).toBeCloseTo(51.5, 6);
    expect(m.errorPercent).toBeCloseTo(p.baseErrorPercent, 6);
  });

  it('keeps an overloaded target that failed its checks busy draining its queue, not idle (finding 5)', () => {
    // Prepare: a target taken out of rotation with a minute of work queued.
    const g = groupOf(3);
    g.instances[2]!.target = 'unhealthy';
    g.instances[2]!.backlog = 2400;
    // Act
    const m = trafficMinute(g, 2400, calm, p);
    // Assess: it served its whole queue at 100 % CPU while the healthy two carried the new load at 50 %.
    expect(g.instances[2]!.backlog).toBe(0);
    expect(m.cpu).toBeCloseTo((51.5 + 51.5 + 100) / 3, 6);
  });

  it('holds group CPU at saturation through a sustained overload instead of alternating 100 % / 51 %', () => {
    // Prepare: 3 instances, no policy, 1.5 x their capacity for 30 minutes.
    const o = worldOptions(steps([30, load(3, 1.5)]));
    const w = createWorld({ ...o, config: { ...o.config, capacity: { min: 2, max: 3, desired: 3 } } });
    // Act
    const minutes = Array.from({ length: 30 }, (_, m) => stepMinute(w, m));
    // Assess
    expect(minutes.every((m) => m.cpu > 95)).toBe(true);
    expect(minutes.slice(5).every((m) => m.errorPercent > 20)).toBe(true);
  });

  it('sends no requests when no target is registered: all 503', () => {
    const g = createGroup('web', 1, 10, 1, null);
    const m = trafficMinute(g, 1000, calm, p);
    expect(m).toMatchObject({ errors: 1000, errorPercent: 100, served: 0 });
  });
});
