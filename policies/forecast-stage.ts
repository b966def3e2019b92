// The forecast stage: the seasonal forecast of the group's own request history as a floor under the combined
// target. It may raise the target (FORECAST_FLOOR) or stop a scale-in short of it, never lower it.
import type { Combined } from './combine';
import type { GroupConfig } from './config';
import { applyForecastFloor, decideForecast, type ForecastDecision, type ForecastPolicy } from './forecast-floor';
import { reason, type Reason } from './reasons';
import type { Series, Snapshot } from './snapshot';

/** What the plan says of the forecast: read by the warm-pool stage and by people. Requests are per minute. */
export interface PlanForecast {
  readonly mode: 'observe' | 'act';
  /** The floor may act this run (mode act, enough history, WAPE good enough). */
  readonly active: boolean;
  /** Enough history and WAPE good enough, whatever the mode. */
  readonly trusted: boolean;
  readonly leadMinutes: number;
  readonly targetPerInstance: number;
  /** Forecast for the slot holding now + lead. */
  readonly forecast: number | null;
  /** The largest forecast over the slots of [now, now + lead], and the instances it needs at the target. */
  readonly peak: number | null;
  readonly peakInstances: number | null;
  readonly floor: number | null;
  readonly actual: number | null;
  readonly wape: number | null;
}

export interface ForecastStage {
  readonly combined: Combined;
  /** Forecast reasons that do not lead the plan (off, forecast-only, no raise). */
  readonly reasons: readonly Reason[];
  readonly plan?: PlanForecast;
}

const ceilSafe = (x: number): number => Math.ceil(x - 1e-9);
/** One empty history for every run without one (the health pass reads none): the forecast's memo knows it. */
const NO_HISTORY: Series = [];

const toPlan = (d: ForecastDecision, mode: 'observe' | 'act', leadMinutes: number, target: number): PlanForecast => ({
  mode, active: d.active, trusted: d.trusted, leadMinutes, targetPerInstance: target, forecast: d.forecast, peak: d.peak,
  peakInstances: d.peak === null ? null : ceilSafe(d.peak / target), floor: d.floor, actual: d.actual, wape: d.wape,
});

/** The floor raised above the reactive target: the group scales out to it, or a scale-in stops at it. */
const raise = (combined: Combined, floor: number, current: number, why: Reason): Combined => {
  if (floor > current) return { target: floor, direction: 'out', reasons: [why] };
  if (floor === current) {
    const held = reason('FORECAST_FLOOR', `forecast floor ${floor} holds the group at ${current}: no scale-in ahead of the forecast load`, why.data);
    return { target: current, direction: 'hold', reasons: [held] };
  }
  return { target: floor, direction: combined.direction, reasons: [...combined.reasons, why] };
};

export const forecastStage = (snapshot: Snapshot, config: GroupConfig, combined: Combined, current: number, now: number): ForecastStage => {
  const f = config.forecast;
  const rr = config.policies.requestRate;
  if (!f || !rr) return { combined, reasons: [] };
  // The policy as an explicit literal (spreading the config into one was 3 % of a simulated month): decideForecast
  // reads these fields only.
  const policy: ForecastPolicy = {
    mode: f.mode, targetPerInstance: rr.targetPerInstance, leadMinutes: f.leadMinutes, minHistoryHours: f.minHistoryHours, evaluationPoints: f.evaluationPoints,
    minEvaluationPoints: f.minEvaluationPoints, maxWape: f.maxWape,
  };
  const decision = decideForecast(snapshot.history ?? NO_HISTORY, policy, now);
  const plan = toPlan(decision, f.mode, f.leadMinutes, rr.targetPerInstance);
  const applied = applyForecastFloor(combined.target, decision);
  if (applied.target === combined.target) return { combined, reasons: applied.reasons, plan };
  return { combined: raise(combined, applied.target, current, applied.reasons[0]!), reasons: [], plan };
};
