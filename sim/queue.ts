// One instance's request queue over one minute: a fluid backlog that carries across minutes (what arrives beyond
// the service rate waits; what would wait past the timeout gets a 504) on top of the steady-state queueing wait.
// Arrivals are spread evenly through the minute, so a request's backlog wait moves linearly from the first
// instant's to the last's, or falls to zero when the backlog drains within the minute.
import { steadyWait, waitBeyond, waitP90 } from './load-model';
import type { WorldParams } from './params';

export interface QueueMinute {
  /** Requests completed this minute (from the backlog and from this minute's arrivals). */
  readonly served: number;
  /** Requests dropped because they would wait beyond the timeout (504 Gateway Timeout). */
  readonly timedOut: number;
  readonly backlogEnd: number;
  /** Busy share of the instance's vCPUs, 0..1. */
  readonly busy: number;
  /** p90 of the queueing wait over the minute, seconds (excludes the request's own I/O and CPU time). */
  readonly waitP90: number;
  /** Share of served requests whose wait exceeded `slowWait` seconds. */
  readonly slowShare: number;
  /** The wait a request arriving at 30 s and at 60 s faces (what the two health checks of the minute see). */
  readonly waitMid: number;
  readonly waitEnd: number;
  /** Requests in the instance on average (Little's law): what holds memory. */
  readonly inSystem: number;
}

/** Share of a linear ramp of waits from a to b that exceeds x. */
const rampBeyond = (a: number, b: number, x: number): number => {
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  if (hi <= x) return 0;
  if (lo >= x) return 1;
  return (hi - x) / (hi - lo);
};

/**
 * @param backlog requests waiting at the start of the minute
 * @param arrivals requests routed to the instance this minute
 * @param rate requests per minute the instance completes at 100 % CPU this minute
 * @param slowWait the wait beyond which a request is slower than the SLO latency
 */
export const queueMinute = (backlog: number, arrivals: number, rate: number, slowWait: number, p: WorldParams): QueueMinute => {
  const maxBacklog = (rate * p.timeoutSeconds) / 60;
  const net = arrivals - rate;
  let end = backlog + net;
  // The minute's share during which a backlog is present (1 unless it drains within the minute).
  let present = 1;
  if (end <= 0) {
    present = backlog > 0 ? backlog / (rate - arrivals) : 0;
    end = 0;
  }
  let timedOut = 0;
  if (end > maxBacklog) {
    timedOut = end - maxBacklog;
    end = maxBacklog;
  }
  const served = backlog + arrivals - end - timedOut;
  const busy = rate > 0 ? served / rate : 0;
  const w0 = (backlog / rate) * 60;
  const w1 = (end / rate) * 60;
  const steady = steadyWait(arrivals / rate, p);
  // The backlog's p90 over the minute: a ramp w0 -> w1, or w0 -> 0 over `present` and nothing after.
  let backlogP90 = 0;
  let backlogSlow = 0;
  if (present >= 1) {
    const lo = w0 < w1 ? w0 : w1;
    backlogP90 = lo + 0.9 * (w0 < w1 ? w1 - w0 : w0 - w1);
    backlogSlow = rampBeyond(w0, w1, slowWait);
  } else if (present > 0) {
    backlogP90 = present > 0.1 ? w0 * (1 - 0.1 / present) : 0;
    backlogSlow = w0 > slowWait ? present * (1 - slowWait / w0) : 0;
  }
  const steadyP90 = waitP90(steady);
  const steadyMean = steady.pWait * steady.scale;
  const mid = present >= 1 ? (w0 + w1) / 2 : present > 0.5 ? w0 * (1 - 0.5 / present) : 0;
  const slow = backlogSlow + (1 - backlogSlow) * waitBeyond(steady, slowWait);
  const cap = p.timeoutSeconds;
  return {
    served, timedOut, backlogEnd: end, busy: busy < 1 ? busy : 1,
    waitP90: Math.min(cap, backlogP90 + steadyP90),
    slowShare: slow < 1 ? slow : 1,
    waitMid: mid + steadyMean,
    waitEnd: w1 + steadyMean,
    inSystem: (backlog + end) / 2 + (arrivals / 60) * (p.baseLatencyP90 / Math.LN10 + steadyMean),
  };
};
