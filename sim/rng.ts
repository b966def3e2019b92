// A seeded random source (pure-rand's xoroshiro128+): the same seed gives the same world, bit for bit;
// plus the few distributions the world draws from (normal, log-normal, gamma, Poisson, negative binomial).
import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';

export interface Rng {
  /** Uniform in [0, 1). */
  readonly next: () => number;
}

export const createRng = (seed: number): Rng => {
  const g = xoroshiro128plus(seed);
  return { next: () => unsafeUniformIntDistribution(0, 0x3fffffff, g) / 0x40000000 };
};

/** Standard normal (Box-Muller; one draw per call keeps the stream's use independent of the caller's history). */
export const normal = (r: Rng): number => {
  const u = 1 - r.next(); // (0, 1]: log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.next());
};

/** Log-normal with the given median and sigma of the log. */
export const logNormal = (r: Rng, median: number, sigma: number): number => median * Math.exp(sigma * normal(r));

/** Gamma(shape, scale 1) by Marsaglia & Tsang (ACM TOMS 2000), shape >= 1. */
export const gamma = (r: Rng, shape: number): number => {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(r);
    const v0 = 1 + c * x;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    const u = r.next();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
};

/** Poisson: Knuth's product method below 30, the normal approximation above (error < 1 % of a sd there). */
export const poisson = (r: Rng, mean: number): number => {
  if (mean <= 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = r.next();
    while (p > limit) {
      k += 1;
      p *= r.next();
    }
    return k;
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(r)));
};

/** Negative binomial as a gamma-Poisson mixture: mean `mean`, variance mean + mean^2 / shape (Poisson at infinity). */
export const negativeBinomial = (r: Rng, mean: number, shape: number): number =>
  poisson(r, Number.isFinite(shape) ? (mean * gamma(r, shape)) / shape : mean);
