// The summary table of a simulation, readable in a terminal, and the JSON for scripts.
import { table } from './table';
import type { SimulationReport } from '../sim/simulate';

const ratio = (a: number, b: number): string => (b === 0 ? (a === 0 ? '1.00' : '-') : (a / b).toFixed(2));

export const summaryJson = (r: SimulationReport) => ({
  trace: r.trace, seed: r.seed, group: r.group, slo: r.slo, prices: r.prices,
  policies: r.runs.map((x) => x.summary),
});

export const summaryText = (r: SimulationReport): string => {
  const tt = r.runs.find((x) => x.summary.policy === 'aws-target-tracking')?.summary;
  const rows = r.runs.map(({ summary: s }) => [
    s.policy, `$${s.costUsd.toFixed(2)}`, tt ? ratio(s.costUsd, tt.costUsd) : '-', String(s.sloViolationMinutes), tt ? ratio(s.sloViolationMinutes, tt.sloViolationMinutes) : '-',
    String(s.scalingActions), String(s.replacements), s.instanceHours.onDemand.toFixed(1), s.instanceHours.spot.toFixed(1), s.instanceHours.reservedPaid.toFixed(1),
    String(s.longestUnderCapacityMinutes), String(s.peakInstances),
  ]);
  return [
    `trace ${r.trace.name}: ${r.trace.minutes} minutes, ${r.trace.from} .. ${r.trace.to}; scaled x${r.trace.scaleFactor.toPrecision(4)} (peak ${Math.round(r.trace.peakRequestsPerMinute)} requests/min); seed ${r.seed}`,
    `SLO per minute: p90 latency <= ${r.slo.latencyP90Seconds} s and 5xx <= ${r.slo.errorPercent} %; prices/h: on-demand $${r.prices.onDemand}, spot $${r.prices.spot}, reserved $${r.prices.reserved}`,
    '',
    table(['POLICY', 'COST', 'COST/TT', 'SLO MIN', 'SLO/TT', 'ACTIONS', 'REPLACED', 'OD H', 'SPOT H', 'RESERVED H (PAID)', 'LONGEST UNDER-CAPACITY (MIN)', 'PEAK'], rows),
  ].join('\n');
};
