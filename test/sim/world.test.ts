// The world's bookkeeping: capacity schedule, cost split and t3 credits, client retries and the request counts.
import { sizingCapacity } from '../../sim/params';
import { runPolicy } from '../../sim/run';
import type { Policy } from '../../sim/policies/policy';
import { createWorld, stepMinute } from '../../sim/world';
import { at, CALM_PARAMS, load, steps, worldOptions } from '../fixtures/sim-world';

const hold = (): Policy => ({ name: 'hold', describe: 'changes nothing', control: async () => undefined, records: [] });

describe('the world', () => {
  it('sizes the warm start by the documented capacity, whatever the CPU target: 7,200 requests -> 5 instances', () => {
    // Prepare: 7,200 / 1,440 (2,400 at 60 %) = 5; a CPU target of 30 must not change it.
    const o = worldOptions(steps([5, 5 * sizingCapacity(CALM_PARAMS)]));
    const lowTarget = { ...o.config, policies: { ...o.config.policies, cpu: { target: 30, alarm: 80 } } };
    // Act, Assess
    expect(createWorld(o).group.desired).toBe(5);
    expect(createWorld({ ...o, config: lowTarget }).group.desired).toBe(5);
  });

  it('charges t3 surplus credits: 3 instances at 100 % CPU for an hour owe 3 x (120 - 24) credits = 4.8 vCPU-h = $0.24', async () => {
    // Prepare: 3 instances held at 1.5 x their capacity (CPU 100 %) for 60 minutes.
    const o = worldOptions(steps([60, load(3, 1.5)]), { calm: true });
    const run = await runPolicy(hold, { ...o, config: { ...o.config, capacity: { min: 2, max: 3, desired: 3 } } });
    // Assess: charged at the end of the run; the reserved base is paid apart.
    expect(run.summary.creditCostUsd).toBeCloseTo(0.24, 6);
    expect(run.minutes.at(-1)!.creditCost).toBeCloseTo(0.24, 6);
    expect(run.summary.reservedCostUsd).toBeCloseTo(2 * 0.026, 6); // 2 reserved x 1 h
    expect(run.summary.variableCostUsd).toBeCloseTo(0.0416 + 0.24, 4); // the third instance on-demand + credits
    expect(run.summary.costUsd).toBeCloseTo(run.summary.reservedCostUsd + run.summary.variableCostUsd, 4);
  });

  it('charges no credits below the 20 % baseline', async () => {
    const run = await runPolicy(hold, worldOptions(steps([60, load(3, 0.1)]), { calm: true }));
    expect(run.summary.creditCostUsd).toBe(0);
  });

  it('counts a request failed once, when the client gives up: a 30-minute outage fails each request of it once', async () => {
    // Prepare: 2,000 requests a minute; every attempt fails from minute 10 to 40; half the failures are retried.
    const run = await runPolicy(hold, worldOptions(steps([50, 2000]), { calm: true, faults: { dependencyOutage: [{ from: at(10), to: at(40) }] } }));
    const s = run.summary;
    // Assess: a request of minute k <= 37 fails all its attempts inside the outage: given up (1). One of minute 38
    // is retried (0.5) at 39, fails, is retried (0.25) at 40 and succeeds: 0.75 given up. Minute 39: 0.5.
    const f = run.minutes.map((m) => m.fresh);
    const expected = f.slice(10, 38).reduce((a, b) => a + b, 0) + 0.75 * f[38]! + 0.5 * f[39]!;
    expect(Math.abs(s.requestsFailed - expected) / expected).toBeLessThan(0.002); // plus the 0.05 % base errors
    // Attempts exceed requests: 1 + 0.5 + 0.25 = 1.75 attempts per request during the outage.
    expect(run.minutes[30]!.requests / run.minutes[30]!.fresh).toBeCloseTo(1.75, 1);
    // Retries after the outage succeed, late: slow, not failed.
    expect(run.minutes[40]!.slow).toBeGreaterThan(1000);
    expect(s.requestsTotal).toBe(run.minutes.reduce((n, m) => n + m.fresh, 0));
  });

  it('applies the windows schedule for a baseline: spot above the base from 23:00 New York', async () => {
    // Prepare: 22:30 New York, 6 instances' worth of load held, schedule 'windows'.
    const start = Date.parse('2026-03-05T03:30:00Z');
    const o = { ...worldOptions(steps([90, load(6)]), { start, calm: true }), capacitySchedule: 'windows' as const };
    const w = createWorld(o);
    // Act: through the window's start at minute 30
    for (let m = 0; m < 60; m += 1) stepMinute(w, m);
    // Assess
    expect(w.group.distribution).toMatchObject({ onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: 0 });
    const allOnDemand = createWorld({ ...o, capacitySchedule: 'on-demand' });
    for (let m = 0; m < 60; m += 1) stepMinute(allOnDemand, m);
    expect(allOnDemand.group.distribution).toMatchObject({ onDemandBaseCapacity: 2, onDemandPercentageAboveBaseCapacity: 100 });
  });

  it('records the ALB metrics the baselines read: requestCountPerTarget and healthyHosts', () => {
    const w = createWorld(worldOptions(steps([10, load(4)]), { calm: true }));
    for (let m = 0; m < 10; m += 1) stepMinute(w, m);
    const rcpt = w.store.visible('requestCountPerTarget', at(10), 600_000);
    const healthy = w.store.visible('healthyHosts', at(10), 600_000);
    expect(rcpt.length).toBeGreaterThan(0);
    expect(healthy.every((p) => p.v === 4)).toBe(true);
    expect(rcpt[0]!.v).toBeCloseTo(load(4) / 4, -2);
  });
});
