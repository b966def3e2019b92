// The cost-SLO frontier and the controller's verdict, on points worked out by hand.
import fc from 'fast-check';
import { dominates, frontier } from '../../sim/frontier';

// A $10 / 100 failed, B $12 / 50, C $15 / 10 form the frontier; D $13 / 60 is behind B.
const P = [
  { policy: 'A', setting: '80', costUsd: 10, requestsFailed: 100 },
  { policy: 'B', setting: '60', costUsd: 12, requestsFailed: 50 },
  { policy: 'C', setting: '40', costUsd: 15, requestsFailed: 10 },
  { policy: 'D', setting: '', costUsd: 13, requestsFailed: 60 },
];

describe('cost-SLO frontier', () => {
  it('marks the points no other point beats on both axes', () => {
    expect(frontier({ costUsd: 11, requestsFailed: 40 }, P).points.map((p) => [p.policy, p.onFrontier])).toEqual([['A', true], ['B', true], ['C', true], ['D', false]]);
  });

  it('says dominates when a frontier point is worse on both axes, and by how much: $11 / 40 against B $12 / 50', () => {
    const r = frontier({ costUsd: 11, requestsFailed: 40 }, P);
    expect(r.verdict).toBe('dominates');
    expect(r.by).toBe('$1.00 (8.3 %) cheaper than B with 10 fewer failed requests');
  });

  it('says dominated when a point is as good on both and better on one: $12.50 / 55 behind B $12 / 50', () => {
    const r = frontier({ costUsd: 12.5, requestsFailed: 55 }, P);
    expect(r.verdict).toBe('dominated');
    expect(r.by).toBe('B costs $0.50 (4.0 %) less with 5 fewer failed requests');
    expect(r.controller).toEqual({ costUsd: 12.5, requestsFailed: 55 });
  });

  it('counts a tie on one axis as dominated when the other is worse: $12 / 51 against B $12 / 50', () => {
    expect(frontier({ costUsd: 12, requestsFailed: 51 }, P).verdict).toBe('dominated');
  });

  it('says on for a point equal to a frontier point', () => {
    expect(frontier({ costUsd: 10, requestsFailed: 100 }, P).verdict).toBe('on');
  });

  it('says on beyond the cheap end, naming the cheapest baseline that fails no more: $9 / 200 -> A costs $1 more', () => {
    const r = frontier({ costUsd: 9, requestsFailed: 200 }, P);
    expect(r.verdict).toBe('on');
    expect(r.by).toBe('the cheapest baseline failing no more requests, A, costs $1.00 (11.1 %) more');
  });

  it('says on beyond the reliable end, naming the point failing fewest: $16 / 5 -> C fails 5 more for $1 less', () => {
    const r = frontier({ costUsd: 16, requestsFailed: 5 }, P);
    expect(r.verdict).toBe('on');
    expect(r.by).toBe('no baseline fails as few requests; the fewest, C, fails 5 more at $1.00 (6.3 %) less');
  });

  it('is dominated exactly when some point dominates it, and frontier points never dominate each other', () => {
    const xy = fc.record({ costUsd: fc.integer({ min: 0, max: 20 }), requestsFailed: fc.integer({ min: 0, max: 20 }) });
    fc.assert(fc.property(xy, fc.array(xy, { minLength: 1, maxLength: 12 }), (c, pts) => {
      const r = frontier(c, pts.map((p, i) => ({ ...p, policy: `p${i}`, setting: '' })));
      const front = r.points.filter((p) => p.onFrontier);
      const noneInside = front.every((a) => front.every((b) => !dominates(a, b)));
      const dominated = pts.some((p) => dominates(p, c));
      const beats = !dominated && front.some((p) => p.costUsd > c.costUsd && p.requestsFailed > c.requestsFailed);
      return noneInside && front.length > 0 && (r.verdict === 'dominated') === dominated && (r.verdict === 'dominates') === beats;
    }), { numRuns: 1000 });
  });
});
