// The summary of a simulation, readable in a terminal (one table per view, medians and ranges over seeds, the
// frontier verdict), and the JSON for scripts (stable names, documented in the README).
import { table } from './table';
import type { SimulationReport, SimulationView } from '../sim/simulate';
import { verdictText, type FrontierResult } from '../sim/frontier';
import { STAT_FIELDS, type PointStats, type Stat } from '../sim/stats';

const pointJson = (p: PointStats) => {
  const out: Record<string, unknown> = { policy: p.policy, family: p.family, setting: p.setting, kind: p.kind, describe: p.describe, seeds: p.seeds };
  for (const f of STAT_FIELDS) out[f] = p[f];
  return out;
};

const viewJson = (v: SimulationView) => ({
  schedule: v.schedule, verdict: v.frontier?.verdict ?? null, frontier: v.frontier ?? null, policies: v.policies.map(pointJson),
});

export const summaryJson = (r: SimulationReport) => ({
  trace: r.trace, seed: r.seed, seeds: r.seeds, group: r.group, slo: r.slo, prices: r.prices,
  verdict: r.frontier?.verdict ?? null, by: r.frontier?.by ?? null,
  policies: r.views[0]?.policies.map(pointJson) ?? [],
  views: r.views.map(viewJson),
});

/** "12.3" for one seed, "12.3 (11.9-13.0)" for several. */
export const fmtStat = (s: Stat, digits: number, prefix = ''): string => {
  const f = (x: number) => `${prefix}${x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
  return s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}-${f(s.max)})`;
};

export const viewTable = (v: SimulationView): string => table(
  ['POLICY', 'COST', 'RESERVED', 'VARIABLE', 'FAILED REQ', 'SLOW REQ', 'SLO MIN', 'ACTIONS', 'PEAK', 'UTIL', 'FRONTIER'],
  v.policies.map((p) => {
    const f = v.frontier?.points.find((x) => x.policy === p.policy);
    return [p.policy, fmtStat(p.costUsd, 2, '$'), fmtStat(p.reservedCostUsd, 2, '$'), fmtStat(p.variableCostUsd, 2, '$'), fmtStat(p.requestsFailed, 0),
      fmtStat(p.requestsSlow, 0), fmtStat(p.sloViolationMinutes, 0), fmtStat(p.scalingActions, 0), fmtStat(p.peakInstances, 0), fmtStat(p.meanUtilisation, 2),
      p.kind === 'controller' ? (v.frontier?.verdict ?? '-') : f ? (f.onFrontier ? 'on' : 'behind') : '-'];
  }),
);

// The same words as `npm run bench` (sim/frontier.ts), so a terminal run and the bench read alike.
export const verdictLine = (f: FrontierResult | undefined): string => (f ? verdictText(f) : 'no frontier (needs the controller and a baseline)');

export const summaryText = (r: SimulationReport): string => [
  `trace ${r.trace.name}: ${r.trace.minutes} minutes, ${r.trace.from} .. ${r.trace.to}; scaled x${r.trace.scaleFactor.toPrecision(4)} (peak ${Math.round(r.trace.peakRequestsPerMinute)} requests/min); seeds ${r.seeds.join(', ')}`,
  `SLO per minute: p90 latency <= ${r.slo.latencyP90Seconds} s and 5xx <= ${r.slo.errorPercent} %; prices/h: on-demand $${r.prices.onDemand}, spot $${r.prices.spot}, reserved $${r.prices.reserved}`,
  `medians over seeds (range in brackets); frontier: cost against failed requests over every baseline point but the oracle`,
  ...r.views.flatMap((v) => [
    '',
    v.schedule === 'windows' ? 'every policy under the config\'s capacity-mode schedule (spot by time of day):' : 'every policy all on-demand:',
    viewTable(v),
    verdictLine(v.frontier),
  ]),
].join('\n');
