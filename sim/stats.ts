// Medians and ranges over seeds: the numbers a simulation reports for each policy point, in each view.
import type { PointKind } from './policies/catalogue';
import type { RunSummary } from './summary';

export interface Stat {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export type CapacitySchedule = 'on-demand' | 'windows';

/** The metrics reported per point, each as a median and range over seeds (stable names, see the README). */
export const STAT_FIELDS = [
  'costUsd', 'reservedCostUsd', 'variableCostUsd', 'requestsTotal', 'requestsFailed', 'requestsSlow',
  'sloViolationMinutes', 'scalingActions', 'peakInstances', 'meanUtilisation',
] as const;
export type StatField = (typeof STAT_FIELDS)[number];

export type PointStats = {
  readonly policy: string;
  readonly family: string;
  readonly setting: string;
  readonly kind: PointKind;
  readonly describe: string;
  readonly schedule: CapacitySchedule;
  readonly seeds: number;
} & { readonly [K in StatField]: Stat };

/** The median (the mean of the middle two for an even count), the minimum and the maximum. */
export const statOf = (values: readonly number[]): Stat => {
  if (values.length === 0) return { median: 0, min: 0, max: 0 };
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median: Math.round(median * 10_000) / 10_000, min: s[0]!, max: s.at(-1)! };
};

export const pointStats = (point: { name: string; family: string; setting: string; kind: PointKind }, schedule: CapacitySchedule, runs: readonly RunSummary[]): PointStats => {
  const stats = {} as Record<StatField, Stat>;
  for (const f of STAT_FIELDS) stats[f] = statOf(runs.map((r) => r[f]));
  return {
    policy: point.name, family: point.family, setting: point.setting, kind: point.kind, describe: runs[0]?.describe ?? '', schedule, seeds: runs.length, ...stats,
  };
};
