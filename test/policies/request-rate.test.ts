import fc from 'fast-check';
import { trackRequestRate } from '../../policies/request-rate';

const RUNS = { numRuns: 1000 };
const policy = { targetPerInstance: 200 };

describe('request rate', () => {
  it.each([
    // requests/min, current, expected desired: worked by hand with a target of 200 req/min per instance
    [1500, 3, 8], // 1500 / (3 * 200) = 2.5 out of band; ceil(1500 / 200) = ceil(7.5) = 8
    [600, 2, 3], // ratio 1.5; ceil(600 / 200) = 3 exactly, not 4 through float error
    [661, 3, 4], // ratio 661 / 600 = 1.10167, just outside 10 %; ceil(3.305) = 4
    [50, 0, 1], // no capacity and some demand: ceil(0.25) = 1
  ])('scales out to ceil(requests / target): %i req/min on %i -> %i', (rpm, current, expected) => {
    // Act
    const r = trackRequestRate(policy, rpm, current, 0.1);
    // Assess
    expect(r).toMatchObject({ policy: 'requestRate', vote: 'out', desired: expected, value: rpm });
    expect(r.reason.code).toBe('VOTE_SCALE_OUT');
    expect(r.decisionCode).toBe('SCALE_OUT_REQUEST_RATE');
    expect(r.reason.data).toMatchObject({ value: rpm, target: 200, current, desired: expected });
  });

  it('sees a flash crowd whole while CPU is pinned: 20x of 600 req/min on 3 instances asks for 60', () => {
    // Prepare: CPU tracking at 100 % against 60 could only ask for ceil(3 * 100 / 60) = 5; the ALB counts 12,000 req/min.
    // Act
    const r = trackRequestRate(policy, 12_000, 3, 0.1);
    // Assess: ceil(12000 / 200) = 60
    expect(r).toMatchObject({ vote: 'out', desired: 60 });
  });

  it.each([
    [540, 3], // 540 / 600 = 0.9: the lower edge of the band holds (HPA's |1 - ratio| <= tolerance)
    [660, 3], // 660 / 600 = 1.1: the upper edge holds although ceil(3.3) would be 4
    [600, 3], // on target
    [0, 0], // nothing running, nothing asked
  ])('holds inside the 10 %% band: %i req/min on %i', (rpm, current) => {
    // Act
    const r = trackRequestRate(policy, rpm, current, 0.1);
    // Assess
    expect(r).toMatchObject({ vote: 'hold', desired: current, reason: { code: 'VOTE_HOLD' } });
  });

  it('holds when the ceiling lands on the current capacity: 500 req/min on 3 is ratio 0.83 but ceil(2.5) = 3', () => {
    expect(trackRequestRate(policy, 500, 3, 0.1)).toMatchObject({ vote: 'hold', desired: 3 });
  });

  it('votes in with ceil(requests / target) below the band: 300 req/min on 4 -> ceil(1.5) = 2', () => {
    expect(trackRequestRate(policy, 300, 4, 0.1)).toMatchObject({ vote: 'in', desired: 2, reason: { code: 'VOTE_SCALE_IN' } });
  });

  it('abstains without a datapoint (missing data is never a reason to scale in)', () => {
    expect(trackRequestRate(policy, undefined, 4, 0.1)).toMatchObject({ vote: 'abstain', desired: null, reason: { code: 'POLICY_NO_DATA' } });
  });

  describe('invariants (fast-check, 1,000 runs each)', () => {
    const input = fc.record({
      rpm: fc.double({ min: 0, max: 1e6, noNaN: true }),
      current: fc.integer({ min: 0, max: 500 }),
      target: fc.integer({ min: 1, max: 10_000 }),
      tolerance: fc.constantFrom(0, 0.05, 0.1, 0.2),
    });

    it('an out vote asks for more than current and for enough instances to carry the demand at the target', () => {
      fc.assert(fc.property(input, ({ rpm, current, target, tolerance }) => {
        const r = trackRequestRate({ targetPerInstance: target }, rpm, current, tolerance);
        if (r.vote !== 'out') return true;
        return r.desired! > current && r.desired! * target >= rpm - 1e-6 && (r.desired! - 1) * target < rpm + 1e-6;
      }), RUNS);
    });

    it('an in vote never asks for fewer instances than the demand needs, and never for less than zero', () => {
      fc.assert(fc.property(input, ({ rpm, current, target, tolerance }) => {
        const r = trackRequestRate({ targetPerInstance: target }, rpm, current, tolerance);
        if (r.vote !== 'in') return true;
        return r.desired! < current && r.desired! >= 0 && r.desired! * target >= rpm - 1e-6;
      }), RUNS);
    });

    it('more demand never asks for fewer instances', () => {
      fc.assert(fc.property(input, fc.double({ min: 0, max: 1e5, noNaN: true }), ({ rpm, current, target, tolerance }, extra) => {
        const a = trackRequestRate({ targetPerInstance: target }, rpm, current, tolerance);
        const b = trackRequestRate({ targetPerInstance: target }, rpm + extra, current, tolerance);
        return b.desired! >= a.desired!;
      }), RUNS);
    });
  });
});
