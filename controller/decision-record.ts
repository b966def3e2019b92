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

export const summarize = (s: Snapshot): SnapshotSummary => ({
  desired: s.group.desired,
  min: s.group.min,
  max: s.group.max,
  inService: s.group.instances.filter((i) => i.lifecycle === 'InService').length,
  pending: s.group.instances.filter((i) => i.lifecycle === 'Pending').length,
  healthyTargets: s.targets.filter((t) => t.state === 'healthy').length,
  unhealthyTargets: s.targets.filter((t) => t.state === 'unhealthy').length,
  lastActivity: s.activities[0] ? `${s.activities[0].status}: ${s.activities[0].description}` : null,
});
