// One decision record per group per run: everything an operator needs at 3 am, and the snapshot to replay it.
import type { Plan } from '../policies/plan';
import type { Snapshot } from '../policies/snapshot';
import type { Trigger } from './trigger';
import type { Write } from './writes';

export type Outcome = 'unchanged' | 'changed' | 'dry-run' | 'held' | 'failed';

export interface DecisionRecord {
  readonly group: string;
  readonly trigger: Trigger;
  readonly at: string;
  readonly outcome: Outcome;
  readonly reasonCodes: readonly string[];
  readonly summary?: SnapshotSummary;
  readonly plan?: Plan;
  readonly writes: readonly Write[];
  readonly written: readonly Write[];
  readonly dryRun: boolean;
  readonly error?: { readonly name: string; readonly code?: string; readonly message: string };
  readonly durationMs: number;
  readonly snapshot?: Snapshot;
}

export interface SnapshotSummary {
  readonly desired: number;
  readonly min: number;
  readonly max: number;
  readonly inService: number;
  readonly pending: number;
  readonly healthyTargets: number;
  readonly unhealthyTargets: number;
  readonly lastActivity: string | null;
}

/** One pass over the instances and one over the targets: every run summarizes every group it decides. */
export const summarize = (s: Snapshot): SnapshotSummary => {
  let inService = 0;
  let pending = 0;
  for (const i of s.group.instances) {
    if (i.lifecycle === 'InService') inService += 1;
    else if (i.lifecycle === 'Pending') pending += 1;
  }
  let healthyTargets = 0;
  let unhealthyTargets = 0;
  for (const t of s.targets) {
    if (t.state === 'healthy') healthyTargets += 1;
    else if (t.state === 'unhealthy') unhealthyTargets += 1;
  }
  const a = s.activities[0];
  return {
    desired: s.group.desired, min: s.group.min, max: s.group.max, inService, pending, healthyTargets, unhealthyTargets,
    lastActivity: a ? `${a.status}: ${a.description}` : null,
  };
};

/** The decision in one word, for the headline, dashboards and queries: what the plan does to the group. */
export type Action = 'scale-out' | 'scale-in' | 'replace' | 'reconfigure' | 'hold' | 'none';

export const actionOf = (r: DecisionRecord): Action => {
  const p = r.plan;
  if (!p) return 'none';
  if (p.desired !== undefined && p.desired > p.current.desired) return 'scale-out';
  if (p.desired !== undefined && p.desired < p.current.desired) return 'scale-in';
  if (p.replace.length > 0) return 'replace';
  if (p.bounds !== undefined || p.distribution !== undefined || p.capacityRebalance !== undefined || p.warmPool?.put !== undefined || p.warmPool?.delete !== undefined) return 'reconfigure';
  return 'hold';
};

/** Codes an operator must see even when the run succeeds: logged at WARN, not INFO. */
export const WARN_CODES: readonly string[] = ['BREAKER_OPEN', 'TAG_INVALID', 'MODE_UNSUPPORTED', 'WARM_POOL_UNSUPPORTED'];

export const severityOf = (r: DecisionRecord): 'error' | 'warn' | 'info' =>
  r.outcome === 'failed' ? 'error' : r.reasonCodes.some((c) => WARN_CODES.includes(c)) ? 'warn' : 'info';

const triggerText = (t: Trigger): string =>
  t.kind === 'alarm' ? `alarm ${t.alarmName} ${t.state}`
    : t.kind === 'schedule' ? `schedule ${t.rule}`
      : t.kind === 'health' ? `health ${t.via}${t.alarmName ? ` ${t.alarmName}` : ''}`
        : t.kind === 'spot' ? `spot ${t.signal} ${t.instanceId}`
          : `manual ${t.action} by ${t.by}`;

/**
 * The record as logged. Logs Insights discovers a limited number of fields per event, in order, flattening
 * nested objects and arrays: so the headline comes first and flat (one field each: group, outcome, action,
 * reason codes, desired before and after, ...), and the plan and snapshot follow as compact JSON text, one field
 * each whatever the size of the group, for `autoscaler replay` (it reads `decision.plan` and `decision.snapshot`).
 */
export const toLogEntry = (r: DecisionRecord): Record<string, unknown> => {
  const before = r.summary?.desired ?? r.plan?.current.desired;
  return {
    group: r.group,
    outcome: r.outcome,
    action: actionOf(r),
    reasonCodes: r.reasonCodes.join(','),
    desiredBefore: before ?? null,
    desiredAfter: r.plan?.desired ?? before ?? null,
    replaced: r.plan?.replace.join(',') ?? '',
    trigger: triggerText(r.trigger),
    dryRun: r.dryRun,
    writes: r.writes.length,
    written: r.written.length,
    durationMs: Math.round(r.durationMs),
    ...(r.error ? { errorName: r.error.name, errorCode: r.error.code ?? null, error: r.error.message } : {}),
    ...(r.summary ? {
      min: r.summary.min, max: r.summary.max, inService: r.summary.inService, pending: r.summary.pending,
      healthyTargets: r.summary.healthyTargets, unhealthyTargets: r.summary.unhealthyTargets, lastActivity: r.summary.lastActivity,
    } : {}),
    why: r.plan?.reasons.map((x) => `${x.code}: ${x.message}`).join(' | ') ?? r.error?.message ?? '',
    decision: {
      group: r.group, at: r.at, trigger: r.trigger,
      ...(r.plan ? { plan: JSON.stringify(r.plan) } : {}),
      ...(r.snapshot ? { snapshot: JSON.stringify(r.snapshot) } : {}),
    },
  };
};
