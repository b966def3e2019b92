// The cost/failed-requests frontier of the baselines' settings (sim/frontier.ts), as the report draws it.
import type { FrontierResult } from '../frontier';

export type { FrontierPoint, FrontierResult } from '../frontier';

export interface FrontierData {
  readonly verdict: string;
  /** Ascending cost; one column per point, the controller's included. */
  readonly x: readonly number[];
  readonly series: readonly { readonly label: string; readonly color: string; readonly kind: 'points' | 'frontier' | 'controller'; readonly values: readonly (number | null)[] }[];
  readonly settings: readonly string[];
}

const VERDICT: Readonly<Record<FrontierResult['verdict'], string>> = {
  dominates: 'The controller dominates the frontier: no baseline setting is both cheaper and fails fewer requests',
  on: 'The controller is on the frontier: no baseline setting beats it on both cost and failed requests',
  dominated: 'The controller is dominated: a baseline setting is cheaper and fails fewer requests',
};

/** One column per point, sorted by cost (uPlot needs ascending x); each policy a series with values only at its points. */
export const frontierData = (f: FrontierResult, colorOf: (policy: string) => string): FrontierData => {
  const cols = [...f.points.map((p) => ({ ...p })), { policy: 'controller', setting: 'as configured', costUsd: f.controller.costUsd, requestsFailed: f.controller.requestsFailed, onFrontier: false }]
    .sort((a, b) => a.costUsd - b.costUsd || a.requestsFailed - b.requestsFailed);
  const policies = [...new Set(f.points.map((p) => p.policy))].filter((p) => p !== 'controller');
  const column = (keep: (p: (typeof cols)[number]) => boolean) => cols.map((p) => (keep(p) ? p.requestsFailed : null));
  return {
    verdict: `${VERDICT[f.verdict]}${f.by ? ` (${f.by})` : ''}.`,
    x: cols.map((p) => p.costUsd),
    settings: cols.map((p) => `${p.policy} ${p.setting}`),
    series: [
      { label: 'frontier', color: '#57606a', kind: 'frontier', values: column((p) => p.onFrontier && p.policy !== 'controller') },
      ...policies.map((name) => ({ label: name, color: colorOf(name), kind: 'points' as const, values: column((p) => p.policy === name) })),
      { label: 'controller', color: colorOf('controller'), kind: 'controller', values: column((p) => p.policy === 'controller' && p.setting === 'as configured') },
    ],
  };
};
