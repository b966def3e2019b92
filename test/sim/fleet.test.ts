import { asgTick, createGroup, onDemandWanted, running } from '../../sim/fleet';
import { DEFAULT_PARAMS as p } from '../../sim/params';
import { createRng } from '../../sim/rng';

const T0 = Date.parse('2026-03-04T15:00:00Z');
const min = (n: number) => T0 + n * 60_000;
const spotAbove2 = { onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: 0, spotAllocationStrategy: 'price-capacity-optimized' };

describe('simulated Auto Scaling group', () => {
  it('launches to desired, and an instance is in service after the 180 s boot', () => {
    const g = createGroup('web', 2, 10, 2, null);
    asgTick(g, min(0), p);
    expect(g.instances.map((i) => i.state)).toEqual(['pending', 'pending']);
    asgTick(g, min(2), p);
    expect(g.instances[0]!.state).toBe('pending');
    asgTick(g, min(3), p);
    expect(g.instances.map((i) => [i.state, i.target])).toEqual([['in-service', 'initial'], ['in-service', 'initial']]);
    expect(g.activities.map((a) => a.status)).toEqual(['Successful', 'Successful']);
  });

  it('keeps the on-demand base and puts the rest on spot in spot mode', () => {
    expect(onDemandWanted(spotAbove2, 5)).toBe(2);
    expect(onDemandWanted({ ...spotAbove2, onDemandPercentageAboveBaseCapacity: 50 }, 5)).toBe(4); // 2 + ceil(3 * 0.5)
    const g = createGroup('web', 2, 10, 5, spotAbove2);
    asgTick(g, min(0), p);
    expect(g.instances.map((i) => i.market)).toEqual(['on-demand', 'on-demand', 'spot', 'spot', 'spot']);
  });

  it('drains a scaled-in instance for the 300 s deregistration delay, billed, then terminates it', () => {
    const g = createGroup('web', 1, 10, 2, null);
    asgTick(g, min(0), p);
    asgTick(g, min(3), p);
    g.desired = 1;
    asgTick(g, min(4), p);
    expect(running(g).map((i) => i.state)).toEqual(['in-service', 'draining']);
    expect(g.activities.at(-1)).toMatchObject({ status: 'InProgress', description: expect.stringMatching(/^Terminating EC2 instance/) });
    asgTick(g, min(8), p);
    expect(running(g)).toHaveLength(2);
    asgTick(g, min(9), p);
    expect(running(g)).toHaveLength(1);
  });

  it('scales in the market in excess of the distribution first', () => {
    const g = createGroup('web', 1, 10, 4, spotAbove2);
    asgTick(g, min(0), p);
    g.desired = 3;
    asgTick(g, min(1), p);
    expect(g.instances.filter((i) => i.state !== 'terminated').map((i) => i.market)).toEqual(['on-demand', 'on-demand', 'spot']);
  });

  it('replaces an instance the controller marked Unhealthy', () => {
    const g = createGroup('web', 1, 10, 2, null);
    asgTick(g, min(0), p);
    asgTick(g, min(3), p);
    g.instances[0]!.asgHealth = 'Unhealthy';
    asgTick(g, min(4), p);
    expect(g.instances.map((i) => i.state)).toEqual(['draining', 'in-service', 'pending']);
  });
});

describe('boot time', () => {
  it('draws each launch from a log-normal with a tail: median ~180 s, ~17 % past 240 s, some past 300 s', () => {
    // Prepare: 2,000 launches from one seeded stream.
    const g = createGroup('web', 0, 5000, 2000, null);
    // Act
    asgTick(g, min(0), p, createRng(1));
    // Assess: P(boot > 240 s) = P(Z > ln(240 / 180) / 0.3 = 0.959) = 16.9 %.
    const boots = g.instances.map((i) => i.bootMs / 1000).sort((a, b) => a - b);
    expect(boots[1000]!).toBeGreaterThan(170);
    expect(boots[1000]!).toBeLessThan(190);
    const late = boots.filter((b) => b > 240).length / boots.length;
    expect(late).toBeGreaterThan(0.14);
    expect(late).toBeLessThan(0.2);
    expect(boots.at(-1)!).toBeGreaterThan(300);
  });

  it('puts an instance in service at the first ASG minute after its own boot time, and records when', () => {
    const g = createGroup('web', 0, 10, 1, null);
    asgTick(g, min(0), p, createRng(7));
    const boot = g.instances[0]!.bootMs;
    const due = Math.ceil(boot / 60_000);
    asgTick(g, min(due - 1), p);
    expect(g.instances[0]!.state).toBe('pending');
    asgTick(g, min(due), p);
    expect(g.instances[0]).toMatchObject({ state: 'in-service', inServiceAt: min(due) });
  });
});
