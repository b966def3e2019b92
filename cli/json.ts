// The `--json` shapes, stable for scripts: every field always present (null when it has no value), times as
// ISO-8601 strings, and a schemaVersion that changes only when a field is removed or changes meaning.
import type { DecisionRecord } from '../controller/decision-record';
import type { Plan } from '../policies/plan';
import { headline } from './headline';
import { hintFor } from './fix-hints';
import type { ShownError } from './errors';

export const SCHEMA_VERSION = 1;

export const envelope = <T extends object>(kind: string, body: T) => ({ schemaVersion: SCHEMA_VERSION, kind, ...body });

export const planJson = (plan: Plan) => ({
  group: plan.group,
  autoScalingGroupName: plan.autoScalingGroupName,
  at: new Date(plan.at).toISOString(),
  action: headline(plan),
  current: { desired: plan.current.desired, min: plan.current.min, max: plan.current.max },
  /** The desired capacity after the plan (equal to current.desired when it does not change). */
  desired: plan.desired ?? plan.current.desired,
  bounds: plan.bounds ? { min: plan.bounds.min, max: plan.bounds.max } : null,
  distribution: plan.distribution ?? null,
  replace: [...plan.replace],
  reasons: plan.reasons.map((r) => ({ code: r.code, message: r.message, data: r.data })),
  recommendations: plan.recommendations.map((r) => ({ policy: r.policy, vote: r.vote, desired: r.desired, value: r.value, code: r.reason.code, message: r.reason.message })),
  window: plan.window,
  mode: plan.mode,
  effectiveBounds: { min: plan.effectiveBounds.min, max: plan.effectiveBounds.max },
});

export const recordJson = (r: DecisionRecord) => ({
  group: r.group,
  at: r.at,
  trigger: r.trigger,
  outcome: r.outcome,
  action: r.plan ? headline(r.plan) : null,
  reasonCodes: [...r.reasonCodes],
  summary: r.summary ?? null,
  plan: r.plan ? planJson(r.plan) : null,
  writes: [...r.writes],
  written: [...r.written],
  dryRun: r.dryRun,
  error: r.error ? { name: r.error.name, code: r.error.code ?? null, message: r.error.message, hint: hintFor(`${r.error.message} ${r.error.code ?? ''}`) } : null,
  durationMs: r.durationMs,
});

export const errorJson = (e: ShownError) =>
  envelope('error', { error: { type: e.type, message: e.message, problems: [...e.problems], hint: e.hint, exitCode: e.exitCode } });
