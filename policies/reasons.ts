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
  VOTE_SCALE_OUT_UNCONFIRMED:
    "A policy's vote: its latest reading asks for more instances, but not every reading over the scale-out stabilization window does, so it holds (HPA's scaleUp window; AWS target tracking's 3-of-3 datapoints).",
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
  // Issue 12, warm capacity (warm-pool-stage.ts) and spot at-risk signals (functions/on-spot-interruption.ts).
  WARM_POOL_RESIZE: 'The warm pool size (from the forecast rise and recent volatility, within bounds) differs from the group\'s: warm pool updated.',
  WARM_POOL_HOLD: 'The warm pool already has the wanted size and state: nothing is changed.',
  WARM_POOL_UNSUPPORTED: 'The group cannot have a warm pool (Spot in its instances distribution or launch template): warm capacity falls back to none.',
  SPOT_INTERRUPTION_REPLACE: 'A Spot interruption warning for an in-service instance of the group: capacity raised by one to launch its replacement before it goes.',
  SPOT_REBALANCE_REPLACE: 'A rebalance recommendation for an in-service instance of the group: capacity raised by one to launch its replacement early.',
  SPOT_REBALANCE_BY_ASG: 'A rebalance recommendation while the group\'s Capacity Rebalancing is on: the ASG replaces the instance itself, so no capacity is added.',
  SPOT_AT_RISK_ALREADY_REPLACED: 'The at-risk instance is already recorded as replaced (duplicate or repeated event): no capacity is added again.',
  SPOT_AT_RISK_NOT_IN_SERVICE: 'The at-risk instance belongs to the group but is not in service (pending, terminating, standby): nothing to replace.',
  SPOT_AT_RISK_UNKNOWN_INSTANCE: 'The at-risk instance is not in the group: the event is for another group or an instance already gone; ignored.',
  CAPACITY_REBALANCE_ON: 'The capacity mode runs Spot above the base and the group\'s Capacity Rebalancing is off: turned on, so the ASG replaces Spot Instances at elevated risk of interruption.',
  // Issue 12, wired: request rate (policies/request-rate.ts) and the forecast floor (forecast-stage.ts).
  SCALE_OUT_REQUEST_RATE: 'ALB RequestCount per healthy target above the per-instance target beyond the tolerance: desired = ceil(requests / target).',
  FORECAST_FLOOR: 'The seasonal forecast at now + launch lead time needs more instances than the reactive policies: capacity raised to ceil(forecast / target), or a scale-in stopped there.',
  FORECAST_NO_RAISE: 'The forecast floor is at or below the capacity the reactive policies chose: no effect (a forecast never lowers capacity).',
  FORECAST_ONLY: 'Forecast-only mode: the forecast, the actual load and the measured accuracy (WAPE) are logged; nothing is changed.',
  FORECAST_OFF_SHORT_HISTORY: 'Too little history to forecast or to measure the forecast accuracy: the forecast is off.',
  FORECAST_OFF_INACCURATE: 'The forecast error measured on the group\'s own history (WAPE) is above the threshold: the forecast is off.',
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

/** Codes of the spot handler's plan (planSpotReplacement), not decide(): their scenarios are test/fixtures/spot-scenarios.ts. */
export const SPOT_HANDLER_CODES: readonly ReasonCode[] = [
  'SPOT_INTERRUPTION_REPLACE', 'SPOT_REBALANCE_REPLACE', 'SPOT_REBALANCE_BY_ASG', 'SPOT_AT_RISK_ALREADY_REPLACED', 'SPOT_AT_RISK_NOT_IN_SERVICE',
  'SPOT_AT_RISK_UNKNOWN_INSTANCE',
];
