// The cost-SLO frontier and the controller's verdict, on points worked out by hand.
import fc from 'fast-check';
import { dominates, frontier, oracleDistance, oracleDistanceText, verdictText } from '../../sim/frontier';

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

describe('verdict line', () => {
  it('names the dominating point saving the most money and counts the others: $12.50 / 55 is behind B ($12 / 50) alone', () => {
    // Prepare: A $10 / 100 fails more, C $15 / 10 costs more, D $13 / 60 costs more: only B dominates.
    const r = frontier({ costUsd: 12.5, requestsFailed: 55 }, P);
    // Act, Assess
    expect(r.dominatedBy).toEqual(['B']);
    expect(verdictText(r)).toBe('controller DOMINATED by B: B costs $0.50 (4.0 %) less with 5 fewer failed requests');
  });

  it('lists every dominating point, cheapest first: $16 / 120 is behind A, B, D and C', () => {
    const r = frontier({ costUsd: 16, requestsFailed: 120 }, P);
    expect(r.dominatedBy).toEqual(['A', 'B', 'D', 'C']);
    expect(verdictText(r)).toBe('controller DOMINATED by A (and 3 other points): A costs $6.00 (37.5 %) less with 20 fewer failed requests');
  });

  it('says NOT DOMINATED on the frontier and DOMINATES the frontier when it beats a frontier point on both axes', () => {
    expect(verdictText(frontier({ costUsd: 9, requestsFailed: 200 }, P))).toBe('controller NOT DOMINATED: the cheapest baseline failing no more requests, A, costs $1.00 (11.1 %) more');
    expect(verdictText(frontier({ costUsd: 11, requestsFailed: 40 }, P))).toBe('controller DOMINATES the frontier: $1.00 (8.3 %) cheaper than B with 10 fewer failed requests');
    expect(frontier({ costUsd: 11, requestsFailed: 40 }, P).dominatedBy).toBeUndefined();
  });
});

describe('distance from the oracle', () => {
  // Five seeds, worked by hand: extra cost % = 100 x (c - o) / o; minutes and failures as differences.
  const oracle = [
    { costUsd: 100, sloViolationMinutes: 2, requestsFailed: 10 },
    { costUsd: 200, sloViolationMinutes: 0, requestsFailed: 0 },
    { costUsd: 50, sloViolationMinutes: 5, requestsFailed: 40 },
    { costUsd: 80, sloViolationMinutes: 1, requestsFailed: 5 },
    { costUsd: 120, sloViolationMinutes: 3, requestsFailed: 20 },
  ];
  const controller = [
    { costUsd: 110, sloViolationMinutes: 6, requestsFailed: 1010 }, // +10 %, +4, +1,000
    { costUsd: 250, sloViolationMinutes: 1, requestsFailed: 300 }, // +25 %, +1, +300
    { costUsd: 49, sloViolationMinutes: 3, requestsFailed: 20 }, // -2 %, -2, -20
    { costUsd: 96, sloViolationMinutes: 9, requestsFailed: 2005 }, // +20 %, +8, +2,000
    { costUsd: 126, sloViolationMinutes: 6, requestsFailed: 520 }, // +5 %, +3, +500
  ];

  it('pairs the runs seed by seed and reports the median and range of each difference', () => {
    // Act
    const d = oracleDistance(controller, oracle)!;
    // Assess: sorted cost % -2, 5, 10, 20, 25; minutes -2, 1, 3, 4, 8; failed -20, 300, 500, 1,000, 2,000.
    expect(d.seeds).toBe(5);
    expect(d.extraCostPercent).toEqual({ median: 10, min: -2, max: 25 });
    expect(d.extraSloViolationMinutes).toEqual({ median: 3, min: -2, max: 8 });
    expect(d.extraRequestsFailed).toEqual({ median: 500, min: -20, max: 2000 });
  });

  it('reads as one line with signs', () => {
    expect(oracleDistanceText(oracleDistance(controller, oracle))).toBe(
      'controller vs oracle, per seed, median (range) over 5 seeds: cost +10.0 % (-2.0 to +25.0), SLO-violation minutes +3 (-2 to +8), failed requests +500 (-20 to +2,000)',
    );
    expect(oracleDistanceText(oracleDistance([controller[0]!], [oracle[0]!]))).toBe(
      'controller vs oracle, per seed, median (range) over 1 seed: cost +10.0 %, SLO-violation minutes +4, failed requests +1,000',
    );
  });

  it('shows a difference that rounds to zero as +0.0, not -0.0: -0.04 % of cost', () => {
    const d = oracleDistance([{ costUsd: 99.96, sloViolationMinutes: 2, requestsFailed: 10 }], [{ costUsd: 100, sloViolationMinutes: 2, requestsFailed: 10 }]);
    expect(oracleDistanceText(d)).toBe('controller vs oracle, per seed, median (range) over 1 seed: cost +0.0 %, SLO-violation minutes +0, failed requests +0');
  });

  it('refuses unpaired seeds and says so when there is nothing to compare', () => {
    expect(() => oracleDistance(controller, oracle.slice(1))).toThrow('5 controller runs against 4 oracle runs');
    expect(oracleDistance([], [])).toBeUndefined();
    expect(oracleDistanceText(undefined)).toBe('controller vs oracle: no runs of both to compare');
  });
});
