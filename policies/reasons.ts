// The catalogue of reason codes: every decision the controller can take, named once.
// Codes are stable (operators grep logs and alert on them); add, never rename.

export const REASONS = {
  SCALE_OUT_CPU: 'CPU above its target beyond the tolerance: desired = ceil(ready * cpu / target).',
  SCALE_OUT_MEMORY: 'Memory above its target beyond the tolerance: desired = ceil(ready * memory / target).',
  SCALE_OUT_LATENCY: 'Latency at the configured percentile reached a step: desired = current + step.',
  SCALE_OUT_ERRORS: 'Error rate reached a step while the group is saturated: desired = current + step.',
  SCALE_OUT_OVERLOADED_UNHEALTHY:
    'Targets fail health checks while the group is saturated: they are overloaded, so add capacity instead of replacing them.',
  SCALE_IN: 'Every policy with data agrees the group is over-provisioned, and nothing vetoes it: scale in to the largest recommendation.',
  HOLD_WITHIN_TOLERANCE: 'No policy asks for a change: metrics are within tolerance of their targets.',
  HOLD_SCALE_IN_VETOED: 'Some policy wants fewer instances but another with data does not agree: no scale-in.',
  HOLD_STABILIZATION: 'Scale-in limited to the largest recommendation over the stabilization window.',
  HOLD_NO_DATA: 'No policy has recent data: nothing is changed (missing data is never a reason to scale in).',
  HOLD_WARMING_UP: 'Instances are still warming up: no scale-in until they count as ready.',
  HOLD_COOLDOWN: 'A scaling activity ended within the cooldown: the change waits.',
  HOLD_ACTIVITY_IN_PROGRESS: 'A scaling activity is in progress: no capacity change this run.',
  POLICY_NO_DATA: 'A policy has no recent datapoint and abstains.',
  ERRORS_WITHOUT_SATURATION:
    'Errors are high but CPU and latency are low: a bug or a failing dependency, not load; the error policy does not ask for more instances, and still vetoes scale-in.',
  // Votes: each policy's own word, distinct from the decision-level codes above (a plan says SCALE_IN once).
  VOTE_SCALE_OUT: "A policy's vote: its metric asks for more instances (the decision names the winning policy's SCALE_OUT_* code).",
  VOTE_SCALE_IN: "A policy's vote: its metric is below target (or below its scale-in threshold), so it would accept fewer instances.",
  VOTE_HOLD: "A policy's vote: keep the current size (within tolerance, between the scale-in threshold and the first step, or above target with capacity already on its way).",
  VOTE_WARMING_UP: "A policy's vote: it waits for warming instances before asking again (AWS step scaling's warm-up), or has no ready instance to measure.",
  // Vetoes and rejected readings: what stops a scale-in that every policy with data would otherwise agree to.
  HOLD_UNHEALTHY_TARGETS: 'Targets are unhealthy (being replaced, or the breaker is open): no scale-in until they are healthy.',
  HOLD_METRIC_MISSING:
    'A configured tracking metric has no recent data, or a metric had an out-of-range value: no scale-in (as HPA skips scale-down when a metric is unavailable). Opt out with scaleInRequiresAllMetrics: false.',
  METRIC_OUT_OF_RANGE: 'A datapoint outside its possible range (a percentage outside 0..100, a negative latency, NaN): ignored, as if absent.',
  LIMIT_STEP_OUT: 'Scale-out capped by the per-step limit (the larger of +N and +P %).',
  LIMIT_STEP_IN: 'Scale-in capped by the per-step limit (the larger of -N and -P %).',
  LIMIT_MAX_BOUND: 'Desired capacity capped at the effective maximum.',
  LIMIT_MIN_BOUND: 'Desired capacity raised to the effective minimum.',
  BOUNDS_UPDATE: 'The group bounds differ from the effective bounds (group bounds narrowed by the active window): bounds updated.',
  PAUSED: 'The group is paused by its tag until the given time: nothing is changed.',
  TAG_INVALID: 'A controller tag on the group has an unreadable value: it is ignored, and the rest of the decision proceeds.',
  OVERRIDE_ACTIVE: 'A manual capacity override is active until its expiry: it wins over the policies.',
  MODE_CHANGE: 'The capacity mode calls for another instances distribution: distribution updated.',
  MODE_UNSUPPORTED: 'The group has no MixedInstancesPolicy: its capacity mode cannot be set.',
  REPLACE_UNHEALTHY: 'A target the ALB reports unhealthy, past the grace period, is handed to the ASG for replacement.',
  REPLACE_LIMITED: 'Fewer replacements than unhealthy targets: per-run limit or the in-service floor.',
  REPLACE_MANUAL: 'An operator asked for this instance to be replaced (it belongs to the group, is in service, and the floor allows it).',
  BREAKER_OPEN: 'Too large a share of targets is unhealthy at once (a shared dependency?): nothing is replaced.',
} as const;

export type ReasonCode = keyof typeof REASONS;
export const REASON_CODES = Object.keys(REASONS) as ReasonCode[];

export type ReasonData = Readonly<Record<string, number | string | boolean | null>>;

export interface Reason {
  readonly code: ReasonCode;
  readonly message: string;
  readonly data: ReasonData;
}

export const reason = (code: ReasonCode, message: string, data: ReasonData = {}): Reason => ({
  code,
  message,
  data,
});

/** Codes the shell produces for operator actions, not decide(): their tests live with the manual handler. */
export const MANUAL_ONLY_CODES: readonly ReasonCode[] = ['REPLACE_MANUAL'];
