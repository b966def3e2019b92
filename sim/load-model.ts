// One instance in steady state: utilisation -> CPU, and the queueing delay of a G/G/c queue on its vCPUs
// (Erlang C with the Allen-Cunneen correction for bursty arrivals and variable service times), so the p90
// rises smoothly with utilisation and headroom has a price in latency long before saturation.
import type { WorldParams } from './params';

export interface InstanceLoad {
  readonly cpu: number;
  readonly latencyP90: number;
  /** Share of requests failing (0..1) from overload alone: the steady-state wait beyond the timeout. */
  readonly overloadErrors: number;
}

/** The queue never reaches steady state closer to saturation than this; beyond it the backlog model takes over. */
export const RHO_CAP = 0.99;

/** Erlang C: probability that an arrival waits in M/M/c at per-server utilisation rho (via Erlang B). */
export const erlangC = (c: number, rho: number): number => {
  if (rho <= 0) return 0;
  if (rho >= 1) return 1;
  const a = c * rho;
  let b = 1;
  for (let k = 1; k <= c; k += 1) b = (a * b) / (k + a * b);
  return b / (1 - rho + rho * b);
};

/**
 * Steady-state queueing wait of a request, as its tail: P(wait > x) = pWait * exp(-x / scale) (exact for
 * M/M/c; Allen-Cunneen scales the mean by (Ca^2 + Cs^2) / 2 for G/G/c, Hopp & Spearman, "Factory Physics").
 */
export interface Wait {
  readonly pWait: number;
  readonly scale: number;
}

export const steadyWait = (rho: number, p: WorldParams): Wait => {
  const r = rho < RHO_CAP ? rho : RHO_CAP;
  return { pWait: erlangC(p.vcpus, r), scale: (p.serviceSeconds * (p.arrivalCv2 + p.serviceCv2)) / (2 * p.vcpus * (1 - r)) };
};

/** The p90 of the steady-state wait: scale * ln(pWait / 0.1), zero when fewer than 10 % wait. */
export const waitP90 = (w: Wait): number => (w.pWait > 0.1 ? w.scale * Math.log(w.pWait / 0.1) : 0);

/** Share of requests whose wait exceeds x seconds. */
export const waitBeyond = (w: Wait, x: number): number => (x <= 0 ? w.pWait : w.pWait * Math.exp(-x / w.scale));

export const utilization = (requestsPerMinute: number, p: WorldParams): number => requestsPerMinute / p.capacityPerInstance;

export const cpuOf = (busy: number, p: WorldParams): number => p.idleCpuPercent + (100 - p.idleCpuPercent) * (busy < 1 ? busy : 1);

/** Steady state at a constant load (no backlog carried in): what the oracle and the scoring size against. */
export const instanceLoad = (requestsPerMinute: number, p: WorldParams): InstanceLoad => {
  const rho = utilization(requestsPerMinute, p);
  const w = steadyWait(rho, p);
  const wait = waitP90(w);
  return {
    cpu: cpuOf(rho, p),
    // At or past saturation no steady state exists: the backlog grows until requests wait out the timeout.
    latencyP90: rho >= 1 ? p.timeoutSeconds : Math.min(p.timeoutSeconds, p.baseLatencyP90 + wait),
    overloadErrors: rho >= 1 ? 1 - 1 / rho : waitBeyond(w, p.timeoutSeconds),
  };
};

/** The highest utilization at which an instance still meets a latency bound (bisection on the model). */
export const maxUtilizationFor = (latencySeconds: number, p: WorldParams): number => {
  let lo = 0;
  let hi = RHO_CAP;
  for (let i = 0; i < 40; i += 1) {
    const mid = (lo + hi) / 2;
    if (instanceLoad(mid * p.capacityPerInstance, p).latencyP90 <= latencySeconds) lo = mid;
    else hi = mid;
  }
  return lo;
};
