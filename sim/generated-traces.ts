// Held-out traces, generated deterministically from one seed and kept apart from the shipped ones (traces/): a
// daily sine with noise, a slow ramp, a 5x step and a 20-minute sawtooth. They are never used to choose a setting;
// `npm run bench:heldout` reports on them beside the shipped traces. Each is scaled like any trace (sim/trace.ts:
// its peak needs the group's maximum at the sizing utilisation), so only the shapes below matter.
import { createRng, normal, type Rng } from './rng';
import type { Trace } from './trace';

/** The seed of every held-out trace: fixed once, never varied to get a result. */
export const HELDOUT_SEED = 20_261_124;
/** Monday 2026-03-02 00:00 UTC: the held-out traces' first minute. */
export const HELDOUT_START = Date.parse('2026-03-02T00:00:00Z');
const DAY = 1440;

/** Multiplicative noise with mean 1 and coefficient of variation `cv` (log-normal), never negative. */
const noisy = (rng: Rng, x: number, cv: number): number => x * Math.exp(cv * normal(rng) - (cv * cv) / 2);

const build = (name: string, minutes: number, shape: (m: number) => number, cv: number, seed: number): Trace => {
  const rng = createRng(seed);
  const ts: number[] = [];
  const rs: number[] = [];
  for (let m = 0; m < minutes; m += 1) {
    ts.push(HELDOUT_START + m * 60_000);
    rs.push(noisy(rng, shape(m), cv));
  }
  return { name, minutes: ts, requests: rs };
};

/** The held-out shapes (requests per minute before scaling), each with its construction in words. */
export const HELDOUT_TRACES = {
  // 3 days: 1,000 x (1 + 0.6 sin(2 pi (t - 09:00) / 24 h)), peak at 15:00 UTC, trough at 03:00; 10 % noise.
  'heldout-daily-sine': { minutes: 3 * DAY, cv: 0.1, shape: (m: number) => 1000 * (1 + 0.6 * Math.sin((2 * Math.PI * ((m % DAY) - 540)) / DAY)) },
  // 1 day: a linear rise from 400 to 2,000 (5x) over 24 h; 5 % noise.
  'heldout-slow-ramp': { minutes: DAY, cv: 0.05, shape: (m: number) => 400 + (1600 * m) / DAY },
  // 1 day: 400 until 08:00, 2,000 (5x) from 08:00 to 16:00, 400 after; 5 % noise.
  'heldout-step-5x': { minutes: DAY, cv: 0.05, shape: (m: number) => (m >= 480 && m < 960 ? 2000 : 400) },
  // 1 day: every 20 minutes a linear rise from 500 to 1,500 (3x), then a drop back; 5 % noise.
  'heldout-sawtooth-20min': { minutes: DAY, cv: 0.05, shape: (m: number) => 500 + (1000 * (m % 20)) / 19 },
} as const;

export type HeldoutName = keyof typeof HELDOUT_TRACES;
export const HELDOUT_NAMES = Object.keys(HELDOUT_TRACES) as HeldoutName[];

/** One held-out trace, the same minute for minute on every call (its own stream: the seed plus its index). */
export const heldoutTrace = (name: HeldoutName, seed = HELDOUT_SEED): Trace => {
  const t = HELDOUT_TRACES[name];
  return build(name, t.minutes, t.shape, t.cv, (seed + HELDOUT_NAMES.indexOf(name)) | 0);
};

export const isHeldout = (name: string): name is HeldoutName => Object.hasOwn(HELDOUT_TRACES, name);
