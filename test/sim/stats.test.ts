// Medians and ranges over seeds.
import { pointStats, statOf } from '../../sim/stats';
import type { RunSummary } from '../../sim/summary';

describe('stats over seeds', () => {
  it('takes the median of an odd count, the mean of the middle two of an even one, and the range', () => {
    expect(statOf([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(statOf([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
    expect(statOf([7])).toEqual({ median: 7, min: 7, max: 7 });
  });

  it('summarises every reported metric of a point', () => {
    const run = (cost: number, failed: number) => ({ policy: 'aws-tt-cpu@60', describe: 'd', costUsd: cost, requestsFailed: failed,
      reservedCostUsd: 1, variableCostUsd: cost - 1, requestsTotal: 1000, requestsSlow: 0, sloViolationMinutes: 0, scalingActions: 2, peakInstances: 4, meanUtilisation: 0.5 }) as unknown as RunSummary;
    const s = pointStats({ name: 'aws-tt-cpu@60', family: 'aws-tt-cpu', setting: '60', kind: 'baseline' }, 'windows', [run(3, 10), run(2, 30), run(4, 20)]);
    expect(s).toMatchObject({ policy: 'aws-tt-cpu@60', schedule: 'windows', seeds: 3, costUsd: { median: 3, min: 2, max: 4 }, requestsFailed: { median: 20, min: 10, max: 30 } });
  });
});
