import fc from 'fast-check';
import { readiness } from '../../policies/readiness';
import { holdOnFailFast, trackRequestRate } from '../../policies/request-rate';
import { groupConfig, instances, MIN, NOW, snapshot } from '../fixtures/builders';

const RUNS = { numRuns: 1000 };
const policy = { targetPerInstance: 200 };

describe('request rate', () => {
  it.each([
    // requests/min, healthy, current, expected desired: worked by hand with a target of 200 req/min per instance
    [1500, 3, 3, 8], // 1500 / 3 = 500 per healthy target, ratio 2.5 out of band; ceil(1500 / 200) = ceil(7.5) = 8
    [600, 2, 2, 3], // 300 per target, ratio 1.5; ceil(600 / 200) = 3 exactly, not 4 through float error
    [661, 3, 3, 4], // 220.33 per target, ratio 1.10167, just outside 10 %; ceil(3.305) = 4
    [50, 0, 0, 1], // no healthy target and some demand: out of band; ceil(0.25) = 1
    [900, 2, 3, 5], // one of 3 unhealthy: 450 per healthy target, ratio 2.25; ceil(900 / 200) = ceil(4.5) = 5
  ])('scales out to ceil(requests / target): %i req/min on %i healthy of %i -> %i', (rpm, healthy, current, expected) => {
    // Act
    const r = trackRequestRate(policy, rpm, healthy, current, 0.1);
    // Assess
    expect(r).toMatchObject({ policy: 'requestRate', vote: 'out', desired: expected });
    expect(r.reason.code).toBe('VOTE_SCALE_OUT');
    expect(r.decisionCode).toBe('SCALE_OUT_REQUEST_RATE');
    expect(r.reason.data).toMatchObject({ requests: rpm, healthy, target: 200, current, desired: expected });
  });

  it('reports the load per healthy target: 1500 req/min on 3 healthy is 500', () => {
    // Act
    const r = trackRequestRate(policy, 1500, 3, 3, 0.1);
    // Assess
    expect(r.value).toBe(500);
    expect(r.reason.data).toMatchObject({ value: 500 });
  });

  it('sees a flash crowd whole while CPU is pinned: 20x of 600 req/min on 3 instances asks for 60', () => {
    // Prepare: CPU tracking at 100 % against 60 could only ask for ceil(3 * 100 / 60) = 5; the ALB counts 12,000 req/min.
    // Act
    const r = trackRequestRate(policy, 12_000, 3, 3, 0.1);
    // Assess: 4,000 per healthy target; ceil(12000 / 200) = 60
    expect(r).toMatchObject({ vote: 'out', desired: 60, value: 4000 });
  });

  it('does not ask twice while the instances it asked for boot: 1500 req/min on 3 healthy of 8 holds at 8', () => {
    // Prepare: 500 per healthy target is 2.5x the target, but ceil(1500 / 200) = 8 is the capacity already asked for.
    // Act
    const r = trackRequestRate(policy, 1500, 3, 8, 0.1);
    // Assess
    expect(r).toMatchObject({ vote: 'hold', desired: 8, value: 500, reason: { code: 'VOTE_HOLD' } });
  });

  it.each([
    [540, 3, 3], // 180 per target: ratio 0.9, the lower edge of the band holds (HPA's |1 - ratio| <= tolerance)
    [660, 3, 3], // 220 per target: ratio 1.1, the upper edge holds although ceil(3.3) would be 4
    [600, 3, 3], // on target
    [0, 0, 0], // nothing running, nothing asked
    [400, 2, 3], // 200 per healthy target (one unhealthy): on target; ceil(2) = 2 < 3 is not a scale-in
  ])('holds inside the 10 %% band: %i req/min on %i healthy of %i', (rpm, healthy, current) => {
    // Act
    const r = trackRequestRate(policy, rpm, healthy, current, 0.1);
    // Assess
    expect(r).toMatchObject({ vote: 'hold', desired: current, reason: { code: 'VOTE_HOLD' } });
  });

  it('holds when the ceiling lands on the current capacity: 500 req/min on 3 is ratio 0.83 but ceil(2.5) = 3', () => {
    expect(trackRequestRate(policy, 500, 3, 3, 0.1)).toMatchObject({ vote: 'hold', desired: 3 });
  });

  it('votes in with ceil(requests / target) below the band: 300 req/min on 4 healthy -> 75 per target, ceil(1.5) = 2', () => {
    expect(trackRequestRate(policy, 300, 4, 4, 0.1)).toMatchObject({ vote: 'in', desired: 2, value: 75, reason: { code: 'VOTE_SCALE_IN' } });
  });

  it('abstains without a datapoint (missing data is never a reason to scale in)', () => {
    expect(trackRequestRate(policy, undefined, 4, 4, 0.1)).toMatchObject({ vote: 'abstain', desired: null, reason: { code: 'POLICY_NO_DATA' } });
  });

  describe('requests that fail fast are not load', () => {
    const errors = { ceilingPercent: 5, scaleInBelowPercent: 1, steps: [{ atLeast: 5, add: 1 }], saturation: { cpuPercent: 60, latencySeconds: 1 } };
    const out = trackRequestRate(policy, 1500, 1, 4, 0.1); // 1500 on 1 healthy of 4: ceil(7.5) = 8 > 4

    it('holds a scale-out at 64 % errors with CPU 12 % < 60 % and latency 0.25 s < 1 s (a dependency outage)', () => {
      // Act
      const r = holdOnFailFast(out, errors, 64, 12, 0.25, 4);
      // Assess
      expect(out).toMatchObject({ vote: 'out', desired: 8 });
      expect(r).toMatchObject({ policy: 'requestRate', vote: 'hold', desired: 4, reason: { code: 'VOTE_HOLD', data: { errorRate: 64, cpu: 12 } } });
    });

    it.each([
      [4.9, 12, 0.25], // errors under the 5 % ceiling
      [64, 60, 0.25], // CPU at its saturation bound: the errors may be load
      [64, 12, 1], // latency at its saturation bound
      [64, undefined, 0.25], // CPU unknown counts as saturated
      [64, 12, undefined], // latency unknown counts as saturated
    ])('keeps the scale-out at errors %s %%, cpu %s %%, latency %s s', (errorRate, cpu, latency) => {
      expect(holdOnFailFast(out, errors, errorRate, cpu, latency, 4)).toBe(out);
    });

    it('leaves a group without an error policy, and any vote but out, alone', () => {
      expect(holdOnFailFast(out, undefined, 64, 12, 0.25, 4)).toBe(out);
      const hold = trackRequestRate(policy, 800, 4, 4, 0.1);
      expect(holdOnFailFast(hold, errors, 64, 12, 0.25, 4)).toBe(hold);
    });
  });

  describe('healthy targets (the divisor)', () => {
    it('counts ready instances with no registration in another state: 5 in service, 1 warming, 1 unhealthy, 1 initial -> 3', () => {
      // Prepare: 5 launched an hour ago, 1 two minutes ago (warm-up 300 s); i-00000001 unhealthy, i-00000002 initial.
      const group = [...instances(5), { ...instances(1)[0]!, id: 'i-000000ff', launchedAt: NOW - 2 * MIN }];
      const tg = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc';
      const targets = [
        { instanceId: 'i-00000001', targetGroupArn: tg, state: 'unhealthy' as const },
        { instanceId: 'i-00000002', targetGroupArn: tg, state: 'initial' as const },
        { instanceId: 'i-00000003', targetGroupArn: tg, state: 'healthy' as const },
      ];
      // Act
      const r = readiness(snapshot({ desired: 6, instances: group, targets }), groupConfig(), NOW);
      // Assess: ready 5 (the sixth warms up); of those, 1 and 2 are not healthy targets; 4 and 5 were not read: healthy.
      expect(r).toEqual({ ready: 5, warming: 1, healthyTargets: 3 });
    });
  });

  describe('invariants (fast-check, 1,000 runs each)', () => {
    const input = fc.record({
      rpm: fc.double({ min: 0, max: 1e6, noNaN: true }),
      current: fc.integer({ min: 0, max: 500 }),
      unhealthy: fc.integer({ min: 0, max: 500 }),
      target: fc.integer({ min: 1, max: 10_000 }),
      tolerance: fc.constantFrom(0, 0.05, 0.1, 0.2),
    });
    const healthyOf = (current: number, unhealthy: number): number => Math.max(0, current - unhealthy);

    it('an out vote asks for more than current and for enough instances to carry the demand at the target', () => {
      fc.assert(fc.property(input, ({ rpm, current, unhealthy, target, tolerance }) => {
        const r = trackRequestRate({ targetPerInstance: target }, rpm, healthyOf(current, unhealthy), current, tolerance);
        if (r.vote !== 'out') return true;
        return r.desired! > current && r.desired! * target >= rpm - 1e-6 && (r.desired! - 1) * target < rpm + 1e-6;
      }), RUNS);
    });

    it('an in vote never asks for fewer instances than the demand needs, and never for less than zero', () => {
      fc.assert(fc.property(input, ({ rpm, current, unhealthy, target, tolerance }) => {
        const r = trackRequestRate({ targetPerInstance: target }, rpm, healthyOf(current, unhealthy), current, tolerance);
        if (r.vote !== 'in') return true;
        return r.desired! < current && r.desired! >= 0 && r.desired! * target >= rpm - 1e-6;
      }), RUNS);
    });

    it('an unhealthy target never makes it scale in further: fewer healthy never asks for fewer instances', () => {
      fc.assert(fc.property(input, ({ rpm, current, unhealthy, target, tolerance }) => {
        const all = trackRequestRate({ targetPerInstance: target }, rpm, current, current, tolerance);
        const some = trackRequestRate({ targetPerInstance: target }, rpm, healthyOf(current, unhealthy), current, tolerance);
        return some.desired! >= all.desired!;
      }), RUNS);
    });

    it('more demand never asks for fewer instances', () => {
      fc.assert(fc.property(input, fc.double({ min: 0, max: 1e5, noNaN: true }), ({ rpm, current, unhealthy, target, tolerance }, extra) => {
        const h = healthyOf(current, unhealthy);
        const a = trackRequestRate({ targetPerInstance: target }, rpm, h, current, tolerance);
        const b = trackRequestRate({ targetPerInstance: target }, rpm + extra, h, current, tolerance);
        return b.desired! >= a.desired!;
      }), RUNS);
    });
  });
});
