// A seeded random source (pure-rand's xoroshiro128+): the same seed gives the same world, bit for bit.
import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';

export interface Rng {
  /** Uniform in [0, 1). */
  readonly next: () => number;
}

export const createRng = (seed: number): Rng => {
  const g = xoroshiro128plus(seed);
  return { next: () => unsafeUniformIntDistribution(0, 0x3fffffff, g) / 0x40000000 };
};
