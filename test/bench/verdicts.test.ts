// The bench's verdict section: per trace and view, the frontier verdict on medians and the oracle distance from
// the runs of each seed; held-out traces apart.
import { traceVerdict, verdictReport } from '../../bench/verdicts';
import { pointStats } from '../../sim/stats';
import type { RunSummary } from '../../sim/summary';

const run = (cost: number, failed: number, slo: number) => ({
  policy: 'p', describe: 'd', costUsd: cost, requestsFailed: failed, reservedCostUsd: 1, variableCostUsd: cost - 1, requestsTotal: 1000,
  requestsSlow: 0, sloViolationMinutes: slo, scalingActions: 2, peakInstances: 4, meanUtilisation: 0.5,
}) as unknown as RunSummary;

// Three seeds each. Controller: $11, $12, $13 (median 12) and 50, 60, 70 failed (median 60).
// aws-tt-cpu@60: $10, $11, $12 (median 11), 40, 50, 60 failed (median 50): it dominates the controller.
// Oracle: $10 each seed, 0 failed, 1 SLO minute: extra cost 10, 20, 30 %; extra minutes 4, 5, 6.
const runs = new Map<string, RunSummary[]>([
  ['controller', [run(11, 50, 5), run(12, 60, 6), run(13, 70, 7)]],
  ['aws-tt-cpu@60', [run(10, 40, 1), run(11, 50, 2), run(12, 60, 3)]],
  ['oracle', [run(10, 0, 1), run(10, 0, 1), run(10, 0, 1)]],
]);
const policies = [
  pointStats({ name: 'controller', family: 'controller', setting: '', kind: 'controller' }, 'windows', runs.get('controller')!),
  pointStats({ name: 'aws-tt-cpu@60', family: 'aws-tt-cpu', setting: '60', kind: 'baseline' }, 'windows', runs.get('aws-tt-cpu@60')!),
  pointStats({ name: 'oracle', family: 'oracle', setting: '', kind: 'oracle' }, 'windows', runs.get('oracle')!),
];

describe('bench verdicts', () => {
  it('gives the verdict on medians and the oracle distance seed by seed', () => {
    // Act
    const v = traceVerdict('nasa', false, 'windows', policies, runs);
    // Assess
    expect(v.lines).toEqual([
      'controller DOMINATED by aws-tt-cpu@60: aws-tt-cpu@60 costs $1.00 (8.3 %) less with 10 fewer failed requests',
      'controller vs oracle, per seed, median (range) over 3 seeds: cost +20.0 % (+10.0 to +30.0), SLO-violation minutes +5 (+4 to +6), failed requests +60 (+50 to +70)',
    ]);
  });

  it('says so when the view has no baseline or no oracle', () => {
    const v = traceVerdict('nasa', false, 'windows', [policies[0]!], runs);
    expect(v.lines).toEqual(['no frontier (needs the controller and a baseline)', 'controller vs oracle: no runs of both to compare']);
  });

  it('reports held-out traces under their own heading, after the shipped ones', () => {
    const text = verdictReport([traceVerdict('heldout-step-5x', true, 'windows', policies, runs), traceVerdict('nasa', false, 'on-demand', policies, runs)]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^controller on the cost \/ failed-requests frontier/);
    expect(lines[1]).toBe('  nasa [on-demand]: controller DOMINATED by aws-tt-cpu@60: aws-tt-cpu@60 costs $1.00 (8.3 %) less with 10 fewer failed requests');
    expect(lines[4]).toMatch(/^held-out traces .* never used to choose a setting\):$/);
    expect(lines[5]).toMatch(/^ {2}heldout-step-5x \[windows\]: controller DOMINATED/);
  });
});
