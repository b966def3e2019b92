// The cost-SLO frontier: every baseline point (not the oracle) by cost (USD) and failed requests, both medians
// over seeds and both lower-is-better, and where the controller stands against it; and its distance from the oracle.
import { statOf, type Stat } from './stats';
export interface FrontierPoint {
  readonly policy: string;
  readonly setting: string;
  readonly costUsd: number;
  readonly requestsFailed: number;
  readonly onFrontier: boolean;
}

export interface FrontierResult {
  readonly verdict: 'dominates' | 'on' | 'dominated';
  /** By how much, in words and numbers: the nearest point that decides the verdict. */
  readonly by: string;
  /** The points that dominate the controller, the one saving the most money first; empty unless dominated. */
  readonly dominatedBy?: readonly string[];
  readonly controller: { readonly costUsd: number; readonly requestsFailed: number };
  readonly points: readonly FrontierPoint[];
}

interface Xy {
  readonly costUsd: number;
  readonly requestsFailed: number;
}

/** a is at least as good as b on both axes and better on one. */
export const dominates = (a: Xy, b: Xy): boolean =>
  a.costUsd <= b.costUsd && a.requestsFailed <= b.requestsFailed && (a.costUsd < b.costUsd || a.requestsFailed < b.requestsFailed);

const usd = (x: number): string => `$${Math.abs(x).toFixed(2)}`;
const pct = (d: number, base: number): string => (base === 0 ? '' : ` (${((100 * Math.abs(d)) / base).toFixed(1)} %)`);
const count = (n: number): string => Math.round(Math.abs(n)).toLocaleString('en-US');

const fewer = (d: number): string => (d === 0 ? 'as many failed requests' : `${count(d)} ${d > 0 ? 'fewer' : 'more'} failed requests`);

export const frontier = (controller: Xy, baselines: readonly Omit<FrontierPoint, 'onFrontier'>[]): FrontierResult => {
  const points: FrontierPoint[] = baselines.map((p) => ({
    policy: p.policy, setting: p.setting, costUsd: p.costUsd, requestsFailed: p.requestsFailed, onFrontier: !baselines.some((q) => dominates(q, p)),
  }));
  const c = { costUsd: controller.costUsd, requestsFailed: controller.requestsFailed };
  const better = points.filter((p) => dominates(p, c));
  if (better.length > 0) {
    // The dominating point that saves the most money, and what it does on failures.
    const ranked = [...better].sort((a, b) => a.costUsd - b.costUsd || a.requestsFailed - b.requestsFailed);
    const best = ranked[0]!;
    const d = c.costUsd - best.costUsd;
    return {
      verdict: 'dominated', controller: c, points, dominatedBy: ranked.map((p) => p.policy),
      by: `${best.policy} costs ${usd(d)}${pct(d, c.costUsd)} less with ${fewer(c.requestsFailed - best.requestsFailed)}`,
    };
  }
  const worse = points.filter((p) => p.onFrontier && p.costUsd > c.costUsd && p.requestsFailed > c.requestsFailed);
  if (worse.length > 0) {
    // The cheapest frontier point it beats on both: the smallest margin it wins by.
    const near = [...worse].sort((a, b) => a.costUsd - b.costUsd)[0]!;
    const d = near.costUsd - c.costUsd;
    return {
      verdict: 'dominates', controller: c, points,
      by: `${usd(d)}${pct(d, near.costUsd)} cheaper than ${near.policy} with ${fewer(near.requestsFailed - c.requestsFailed)}`,
    };
  }
  // On the frontier: the cheapest point failing no more requests, or else the point failing fewest.
  const asGood = points.filter((p) => p.requestsFailed <= c.requestsFailed).sort((a, b) => a.costUsd - b.costUsd)[0];
  if (asGood) {
    const d = asGood.costUsd - c.costUsd;
    return { verdict: 'on', controller: c, points, by: `the cheapest baseline failing no more requests, ${asGood.policy}, costs ${usd(d)}${pct(d, c.costUsd)} ${d >= 0 ? 'more' : 'less'}` };
  }
  const fewest = [...points].sort((a, b) => a.requestsFailed - b.requestsFailed || a.costUsd - b.costUsd)[0];
  if (!fewest) return { verdict: 'on', controller: c, points, by: 'no baseline point to compare with' };
  const d = c.costUsd - fewest.costUsd;
  return {
    verdict: 'on', controller: c, points,
    by: `no baseline fails as few requests; the fewest, ${fewest.policy}, fails ${count(fewest.requestsFailed - c.requestsFailed)} more at ${usd(d)}${pct(d, c.costUsd)} ${d >= 0 ? 'less' : 'more'}`,
  };
};

/** The verdict in one line: "controller DOMINATED by X", "controller NOT DOMINATED" or "controller DOMINATES the frontier". */
export const verdictText = (r: FrontierResult): string => {
  if (r.verdict === 'dominates') return `controller DOMINATES the frontier: ${r.by}`;
  if (r.verdict === 'on') return `controller NOT DOMINATED: ${r.by}`;
  const by = r.dominatedBy ?? [];
  const others = by.length > 1 ? ` (and ${by.length - 1} other point${by.length > 2 ? 's' : ''})` : '';
  return `controller DOMINATED by ${by[0] ?? 'a baseline'}${others}: ${r.by}`;
};

/** What one run of a seed is judged by against the oracle. */
export interface SeedRun {
  readonly costUsd: number;
  readonly sloViolationMinutes: number;
  readonly requestsFailed: number;
}

/** How far the controller is from the oracle, seed by seed (the same seed's world for both), as median and range. */
export interface OracleDistance {
  readonly seeds: number;
  /** 100 x (controller cost - oracle cost) / oracle cost. */
  readonly extraCostPercent: Stat;
  readonly extraSloViolationMinutes: Stat;
  readonly extraRequestsFailed: Stat;
}

/**
 * The controller's runs against the oracle's, paired by seed (the i-th of each is the same seed). Undefined when
 * either has no run; a RangeError when the counts differ, as unpaired seeds would compare different worlds.
 */
export const oracleDistance = (controller: readonly SeedRun[], oracle: readonly SeedRun[]): OracleDistance | undefined => {
  if (controller.length !== oracle.length) throw new RangeError(`oracleDistance: ${controller.length} controller runs against ${oracle.length} oracle runs`);
  if (controller.length === 0) return undefined;
  const cost: number[] = [];
  const slo: number[] = [];
  const failed: number[] = [];
  for (let k = 0; k < controller.length; k += 1) {
    const c = controller[k]!;
    const o = oracle[k]!;
    cost.push(o.costUsd > 0 ? (100 * (c.costUsd - o.costUsd)) / o.costUsd : 0);
    slo.push(c.sloViolationMinutes - o.sloViolationMinutes);
    failed.push(c.requestsFailed - o.requestsFailed);
  }
  return { seeds: controller.length, extraCostPercent: statOf(cost), extraSloViolationMinutes: statOf(slo), extraRequestsFailed: statOf(failed) };
};

/** Signed at the shown precision: -0.04 % shows as +0.0, never -0.0. */
const signed = (x: number, digits: number): string => {
  const r = Number(x.toFixed(digits));
  return `${r < 0 ? '-' : '+'}${Math.abs(r).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
};
const spread = (s: Stat, digits: number, unit = ''): string =>
  s.min === s.max ? `${signed(s.median, digits)}${unit}` : `${signed(s.median, digits)}${unit} (${signed(s.min, digits)} to ${signed(s.max, digits)})`;

/** "controller vs oracle over 5 seeds: cost +12.3 % (+10.1 to +14.0), SLO-violation minutes +4 (+2 to +9), failed requests +1,234 (...)". */
export const oracleDistanceText = (d: OracleDistance | undefined): string => (d
  ? `controller vs oracle, per seed, median (range) over ${d.seeds} seed${d.seeds === 1 ? '' : 's'}: cost ${spread(d.extraCostPercent, 1, ' %')}, `
    + `SLO-violation minutes ${spread(d.extraSloViolationMinutes, 0)}, failed requests ${spread(d.extraRequestsFailed, 0)}`
  : 'controller vs oracle: no runs of both to compare');
