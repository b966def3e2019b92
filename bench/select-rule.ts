// The written rule that chooses the controller's one config for every trace (README, "Choosing the controller's
// config"): the candidates, the bar each trace sets, and the choice. Pure, so the rule is tested by hand.
import type { ForecastConfig, GroupConfig } from '../policies/config';

/** Target utilisations tried, % of the documented per-instance capacity (sim/params.ts). */
export const UTILISATIONS = [60, 65, 70, 75] as const;
/** The baselines whose median SLO-violation minutes set each trace's bar: an operator's AWS and HPA configs at 60 %. */
export const BAR_BASELINES = ['aws-tt-cpu@60', 'aws-tt-requests@60', 'aws-predictive-tt@60', 'hpa@60'] as const;
/** The forecast tried on or off; on, with the lead time of boot + checks and the README's thresholds. */
export const FORECAST_ON: ForecastConfig = { mode: 'act', leadMinutes: 7, historyDays: 14, minHistoryHours: 24, evaluationPoints: 288, minEvaluationPoints: 36, maxWape: 0.25 };

/**
 * Scale-out stabilization windows tried (stabilization.scaleOutSeconds): none (HPA's default), and the 2 and 3
 * one-minute datapoints that AWS target tracking's scale-out alarm (3 of 3) brackets.
 */
export const SCALE_OUT_WINDOWS = [0, 60, 120] as const;

/**
 * Scale-in stabilization windows tried (stabilization.scaleInSeconds): HPA's default 300 s, and 600 s. A launch costs
 * boot and checks (about 4 minutes billed before it serves) and a scale-in the ALB's 300 s drain, so on EC2 a capacity
 * given back and bought again within about 9 minutes is paid twice; AWS target tracking's scale-in alarm waits 15
 * one-minute datapoints. The scale-in step is the shipped one: HPA's 100 %, which the third to fifth runs chose over
 * 10 % for every candidate (README), so the step left the grid.
 */
export const SCALE_IN_WINDOWS = [300, 600] as const;

export interface Candidate {
  readonly utilisation: number;
  readonly forecast: boolean;
  /** The controller manages a warm pool (absent: false), as the aws-tt-*+wp baselines have one. */
  readonly warmPool?: boolean;
  /** stabilization.scaleOutSeconds (absent: 0). */
  readonly scaleOutSeconds?: number;
  /** stepLimits.in.percent (absent: as shipped). */
  readonly scaleInPercent?: number;
  /** stabilization.scaleInSeconds (absent: as shipped). */
  readonly scaleInSeconds?: number;
}

// The warm pool left the grid on 2026-11-24: the rule's run found it 8-14 % dearer on every shipped trace (README,
// "Choosing the controller's config"); candidateConfig still builds it for a Candidate that asks.
export const CANDIDATES: readonly Candidate[] = UTILISATIONS.flatMap((utilisation) =>
  [false, true].flatMap((forecast) => SCALE_OUT_WINDOWS.flatMap((scaleOutSeconds) =>
    SCALE_IN_WINDOWS.map((scaleInSeconds) => ({ utilisation, forecast, scaleOutSeconds, scaleInSeconds })))));

export const candidateName = (c: Candidate): string =>
  `u${c.utilisation}${c.forecast ? '+forecast' : ''}${c.warmPool ? '+wp' : ''}${c.scaleOutSeconds ? `+out${c.scaleOutSeconds}` : ''}` +
  `${c.scaleInPercent !== undefined && c.scaleInPercent !== 10 ? `+in${c.scaleInPercent}` : ''}${c.scaleInSeconds !== undefined && c.scaleInSeconds !== 300 ? `+down${c.scaleInSeconds}` : ''}`;

/**
 * The warm pool tried: up to the group's maximum stopped, sized in the candidate's own request-rate units, reused on
 * scale-in, the way the +wp baselines configure theirs (the user guide's recommendation), volatility over the 7-minute
 * reactive lead time.
 */
export const warmPoolFor = (shipped: GroupConfig, targetPerInstance: number): NonNullable<GroupConfig['warmPool']> => ({
  minSize: 0, maxSize: shipped.capacity.max, targetPerInstance, volatilityMinutes: 7, reuseOnScaleIn: true, mixedInstancesAllowed: true,
});

/**
 * The only knobs the rule turns: policies.cpu.target = u (its alarm at least u + 5), policies.requestRate.
 * targetPerInstance = capacity * u / 100, the forecast on or off, the warm pool on or off, the scale-out window,
 * the scale-in step's percentage and the scale-in window; everything else as shipped.
 */
export const candidateConfig = (shipped: GroupConfig, c: Candidate, capacityPerInstance: number): GroupConfig => {
  const { forecast: _shippedForecast, warmPool: _shippedPool, ...rest } = shipped;
  const targetPerInstance = (capacityPerInstance * c.utilisation) / 100;
  return {
    ...rest,
    stabilization: { scaleInSeconds: c.scaleInSeconds ?? shipped.stabilization.scaleInSeconds, scaleOutSeconds: c.scaleOutSeconds ?? 0 },
    stepLimits: c.scaleInPercent === undefined ? shipped.stepLimits : { out: shipped.stepLimits.out, in: { instances: shipped.stepLimits.in.instances, percent: c.scaleInPercent } },
    policies: {
      ...shipped.policies,
      cpu: { target: c.utilisation, alarm: Math.max(shipped.policies.cpu?.alarm ?? 80, c.utilisation + 5) },
      requestRate: { targetPerInstance },
    },
    // On means acting, whatever mode the shipped config runs it in (it ships observing when the rule turned it off).
    ...(c.forecast ? { forecast: { ...(shipped.forecast ?? FORECAST_ON), mode: 'act' as const } } : {}),
    ...(c.warmPool ? { warmPool: shipped.warmPool ?? warmPoolFor(shipped, targetPerInstance) } : {}),
  };
};

/** One trace's figures for one candidate: medians over the seeds, and the bar the baselines set on that trace. */
export interface TraceFigures {
  readonly trace: string;
  readonly sloMinutes: number;
  readonly costUsd: number;
  /** Median over BAR_BASELINES of their median SLO-violation minutes. */
  readonly bar: number;
  /** The cheapest BAR_BASELINES median cost on the trace. */
  readonly cheapestUsd: number;
}

export interface Scored {
  readonly candidate: Candidate;
  readonly traces: readonly TraceFigures[];
  /** Traces where the candidate's SLO-violation minutes are above the bar. */
  readonly over: number;
  /** Mean over traces of cost / cheapest baseline cost. */
  readonly relativeCost: number;
}

export const score = (candidate: Candidate, traces: readonly TraceFigures[]): Scored => ({
  candidate, traces,
  over: traces.filter((t) => t.sloMinutes > t.bar).length,
  relativeCost: traces.reduce((a, t) => a + t.costUsd / t.cheapestUsd, 0) / traces.length,
});

/**
 * Admissible: at or under the bar on every trace. The choice is the admissible candidate with the lowest mean
 * relative cost; with none admissible, the fewest traces over the bar, then the lowest mean relative cost. Ties go
 * to the earlier candidate (lower utilisation, forecast off): the more conservative config.
 */
export const choose = (scored: readonly Scored[]): { readonly chosen: Scored; readonly admissible: boolean } => {
  if (scored.length === 0) throw new Error('choose: no candidate was scored');
  let best = scored[0]!;
  for (const s of scored.slice(1)) if (s.over < best.over || (s.over === best.over && s.relativeCost < best.relativeCost)) best = s;
  return { chosen: best, admissible: best.over === 0 };
};

/** Median of a non-empty list (the mean of the middle two for an even count). */
export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) throw new Error('median: no values');
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
