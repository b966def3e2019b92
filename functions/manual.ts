// manual: direct invoke by an operator. Returns the plan(s) and what was written; bad input writes nothing.
import { findGroup } from '../controller/find-groups';
import { runManual } from '../controller/manual';
import { warmPoolStatus, type WarmPoolStatus } from '../controller/warm-pool-status';
import { parseManualPayload } from '../events/manual-payload';
import { defaultRuntime, type Runtime } from './runtime';
import { instrument, telemetry } from './telemetry';
import { summarizeRun, type GroupSummary } from './run-summary';

export interface ManualResponse {
  readonly action: string;
  readonly ok: boolean;
  readonly groups: readonly GroupSummary[];
  readonly plans: readonly unknown[];
  readonly tagWrites: readonly unknown[];
  /** The two parts of a tag action, reported apart: the tags can be written while the reconcile fails or holds. */
  readonly tags: { readonly ok: boolean; readonly written: readonly unknown[]; readonly error?: string };
  readonly reconcile: { readonly ok: boolean; readonly ran: boolean; readonly withoutMetrics: readonly { readonly group: string; readonly error: string }[] };
  /** plan only: each planned group's warm pool and the instances in it (DescribeWarmPool), for groups with warm-pool settings. */
  readonly warmPools: readonly WarmPoolStatus[];
}

export const makeManual = (runtime: () => Runtime) => async (event: unknown): Promise<ManualResponse> => {
  const rt = runtime();
  const payload = parseManualPayload(event);
  const result = await runManual(payload, { cloud: rt.cloud, config: rt.config, now: rt.now(), dryRun: rt.dryRun, by: 'lambda', log: rt.record });
  const warmPools = payload.action === 'plan' ? await warmPoolStatus(rt.cloud, payload.group ? [findGroup(rt.config, payload.group)] : rt.config.groups) : [];
  // A synchronous caller wants the answer, failures included, rather than a bare error.
  return {
    action: result.action, ok: result.failed.length === 0, groups: summarizeRun(result),
    plans: result.records.flatMap((r) => (r.plan ? [r.plan] : [])), tagWrites: result.tagWrites,
    tags: { ok: result.tagError === undefined, written: result.tagWrites, ...(result.tagError ? { error: result.tagError } : {}) },
    reconcile: { ok: result.failed.length === 0, ran: result.reconciled, withoutMetrics: result.withoutMetrics ?? [] },
    warmPools,
  };
};

export const handler = instrument(makeManual(defaultRuntime), telemetry());
