// A fingerprint of everything a run produced, minute by minute, with exact numbers: what `npm run bench:sim --
// --check` compares so that a speed-up provably changes no result (the summary alone is rounded).
import { createHash } from 'node:crypto';
import type { RunResult } from '../sim/run';
import type { Minute } from '../sim/world';

/** Every field of a Minute, in a fixed order: the digest must not depend on how the records are built. */
const FIELDS: readonly (keyof Minute)[] = [
  't', 'requests', 'errors', 'errorPercent', 'latencyP90', 'cpu', 'memory', 'healthyTargets', 'unhealthyTargets', 'serving', 'served',
  'slowServed', 'timedOut', 'utilisation', 'requestCountPerTarget', 'desired', 'onDemand', 'spot', 'cost', 'reservedCost', 'variableCost',
  'creditCost', 'fresh', 'failed', 'slow', 'violation',
];

export const runDigest = (run: RunResult): string => {
  const h = createHash('sha256');
  for (const m of run.minutes) h.update(FIELDS.map((f) => String(m[f])).join(',') + '\n');
  h.update(JSON.stringify(run.marks));
  h.update(JSON.stringify(Object.entries(run.reasonCounts).sort(([a], [b]) => a.localeCompare(b))));
  return h.digest('hex');
};
