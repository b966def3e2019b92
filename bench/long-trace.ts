// A trace stretched to a given length by repeating it from its start (the minutes keep counting on): the 30 days
// of one group that `npm run bench:sim` times, from the longest shipped trace.
import type { Trace } from '../sim/trace';

export const repeatedTo = (trace: Trace, minutes: number): Trace => {
  const n = trace.minutes.length;
  if (minutes <= n) return { name: trace.name, minutes: trace.minutes.slice(0, minutes), requests: trace.requests.slice(0, minutes) };
  const t0 = trace.minutes[0]!;
  const ts: number[] = [];
  const rs: number[] = [];
  for (let k = 0; k < minutes; k += 1) {
    ts.push(t0 + k * 60_000);
    rs.push(trace.requests[k % n]!);
  }
  return { name: `${trace.name} (repeated to ${minutes} minutes)`, minutes: ts, requests: rs };
};
