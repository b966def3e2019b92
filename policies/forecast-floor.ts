// The forecast as a capacity floor: on only with enough history and a measured accuracy good enough; observe-only
// until the operator lets it act; and only ever a floor, never a reason to scale in.
import { historyHours, SLOT_MS } from './forecast';
import { forecastMemo } from './forecast-memo';
import { reason, type Reason } from './reasons';
import type { Series } from './snapshot';

export interface ForecastPolicy {
  /** observe: log forecast, actual and WAPE (FORECAST_ONLY); act: also raise the floor. */
  readonly mode: 'observe' | 'act';
  /** Requests per minute per instance, the request-rate policy's target. */
  readonly targetPerInstance: number;
  /** Launch lead time: boot plus health checks (5-7 minutes on the CinemaHint fleet). */
  readonly leadMinutes: number;
  /** Below this much history the forecast is off. 24 h: the daily lag must exist for the slot forecast. */
  readonly minHistoryHours: number;
  /** Slots backtested for the WAPE (288 = the last day). */
  readonly evaluationPoints: number;
  /** Fewer evaluable slots than this and the accuracy is unknown: off, as short history. */
  readonly minEvaluationPoints: number;
  /** Above this WAPE the forecast is off. */
  readonly maxWape: number;
}

export interface ForecastDecision {
  /** The floor may act (mode act, history long enough, accuracy good enough). */
  readonly active: boolean;
  /** ceil(forecast / target) at now + lead; null when no forecast was made. */
  readonly floor: number | null;
  /** Requests per minute forecast for now + lead. */
  readonly forecast: number | null;
  /** The largest forecast over the slots of [now, now + lead] (requests per minute): what a warm pool must cover. */
  readonly peak: number | null;
  /** History long enough and accuracy good enough, whatever the mode: the forecast may be believed. */
  readonly trusted: boolean;
  /** The latest complete slot: what happened, and what the forecast made a lead time before had said. */
  readonly actual: number | null;
  readonly forecastOfActual: number | null;
  readonly wape: number | null;
  readonly evaluated: number;
  readonly reasons: readonly Reason[];
}

const ceilSafe = (x: number): number => Math.ceil(x - 1e-9);
const round = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? x : Math.round(x * 1000) / 1000);

export const decideForecast = (history: Series, policy: ForecastPolicy, now: number): ForecastDecision => {
  // The same answers as indexHistory, measureAccuracy, forecastAt and forecastPeak, worked out once per history.
  const memo = forecastMemo(history, now);
  const idx = memo.idx;
  const leadMs = policy.leadMinutes * 60_000;
  const hours = historyHours(idx);
  const accuracy = memo.accuracy(now, leadMs, policy.evaluationPoints);
  const next = memo.forecastAt(now, now + leadMs);
  // The latest complete slot the history holds: the shell reads only published slots, so it may lag a slot.
  const lastK = Math.min(Math.floor(now / SLOT_MS) - 1, Number.isFinite(idx.last) ? idx.last : -1);
  const actual = idx.values.get(lastK) ?? null;
  const past = memo.forecastAt(lastK * SLOT_MS - leadMs, lastK * SLOT_MS);
  const forecast = next?.value ?? null;
  const floor = forecast === null ? null : ceilSafe(forecast / policy.targetPerInstance);
  const peak = memo.peak(now, now, now + leadMs) ?? null;
  // Built only where a reason carries them (the controller decides every minute; most minutes the floor acts silently).
  const data = () => ({
    mode: policy.mode, forecast: round(forecast), floor, actual, forecastOfActual: round(past?.value ?? null),
    wape: round(accuracy.wape), evaluated: accuracy.evaluated, historyHours: round(hours), level: round(next?.level ?? null),
  });
  const decision = (active: boolean, trusted: boolean, reasons: readonly Reason[]): ForecastDecision => ({
    floor, forecast, peak, actual, forecastOfActual: past?.value ?? null, wape: accuracy.wape, evaluated: accuracy.evaluated, active, trusted, reasons,
  });

  if (hours < policy.minHistoryHours || accuracy.evaluated < policy.minEvaluationPoints || forecast === null) {
    return decision(false, false, [reason('FORECAST_OFF_SHORT_HISTORY',
      `forecast off: ${hours.toFixed(1)} h of history (needs ${policy.minHistoryHours} h), ${accuracy.evaluated} slot(s) to measure it on (needs ${policy.minEvaluationPoints})`, data())]);
  }
  if (accuracy.wape === null || accuracy.wape > policy.maxWape) {
    return decision(false, false, [reason('FORECAST_OFF_INACCURATE',
      `forecast off: WAPE ${((accuracy.wape ?? Infinity) * 100).toFixed(1)} % over the last ${accuracy.evaluated} slots is above ${policy.maxWape * 100} %`, data())]);
  }
  if (policy.mode === 'observe') {
    const summary = `forecast ${forecast.toFixed(0)} req/min at +${policy.leadMinutes} min (floor ${floor}); last slot ${actual ?? 'n/a'} against ${past ? past.value.toFixed(0) : 'n/a'} forecast; WAPE ${(accuracy.wape * 100).toFixed(1)} %`;
    return decision(false, true, [reason('FORECAST_ONLY', `forecast-only: ${summary}`, data())]);
  }
  return decision(true, true, []);
};

/** Raises the reactive target to the forecast floor when the floor may act; never lowers it. */
export const applyForecastFloor = (target: number, decision: ForecastDecision): { readonly target: number; readonly reasons: readonly Reason[] } => {
  if (!decision.active || decision.floor === null) return { target, reasons: decision.reasons };
  const data = { target, floor: decision.floor, forecast: round(decision.forecast), wape: round(decision.wape) };
  if (decision.floor > target) {
    return { target: decision.floor, reasons: [reason('FORECAST_FLOOR', `forecast ${(decision.forecast ?? 0).toFixed(0)} req/min needs ${decision.floor}: raised from ${target}`, data)] };
  }
  return { target, reasons: [reason('FORECAST_NO_RAISE', `forecast floor ${decision.floor} is not above ${target}: no effect`, data)] };
};
