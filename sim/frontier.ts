// The cost-SLO frontier: every baseline point (not the oracle) by cost (USD) and failed requests, both medians
// over seeds and both lower-is-better, and where the controller stands against it.
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
    const best = [...better].sort((a, b) => a.costUsd - b.costUsd || a.requestsFailed - b.requestsFailed)[0]!;
    const d = c.costUsd - best.costUsd;
    return {
      verdict: 'dominated', controller: c, points,
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
