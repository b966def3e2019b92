// Requests per minute on one instance -> its CPU, memory, p90 latency and errors.
// Latency follows an M/M/c queue on the instance's vCPUs (Erlang C for c = 2), so it climbs steeply near saturation.
import type { WorldParams } from './params';

export interface InstanceLoad {
  readonly cpu: number;
  readonly memory: number;
  readonly latencyP90: number;
  /** Share of requests failing (0..1) from overload alone. */
  readonly overloadErrors: number;
}

/** Probability of waiting in M/M/2 at utilization rho (Erlang C): 2 rho^2 / (1 + rho). */
const erlangC2 = (rho: number): number => (2 * rho * rho) / (1 + rho);

export const utilization = (requestsPerMinute: number, p: WorldParams): number => requestsPerMinute / p.capacityPerInstance;

export const instanceLoad = (requestsPerMinute: number, p: WorldParams): InstanceLoad => {
  const rho = utilization(requestsPerMinute, p);
  const busy = Math.min(rho, 1);
  const cpu = Math.min(100, p.idleCpuPercent + (100 - p.idleCpuPercent) * busy);
  const memory = Math.min(100, p.baseMemoryPercent + p.memoryPerUtilizationPercent * busy);
  if (rho >= 0.995) {
    // Overloaded: the queue grows for the whole minute; what cannot be served times out.
    return { cpu, memory, latencyP90: p.timeoutSeconds, overloadErrors: Math.max(0, 1 - 0.995 / rho) };
  }
  // p90 of the M/M/c wait is about ln(10) times the mean wait; mean wait = C * S / (c (1 - rho)).
  const wait = (Math.LN10 * erlangC2(rho) * p.serviceSeconds) / (p.vcpus * (1 - rho));
  return { cpu, memory, latencyP90: Math.min(p.timeoutSeconds, p.baseLatencyP90 + wait), overloadErrors: 0 };
};

/** The highest utilization at which an instance still meets a latency bound (bisection on the model). */
export const maxUtilizationFor = (latencySeconds: number, p: WorldParams): number => {
  let lo = 0;
  let hi = 0.995;
  for (let i = 0; i < 40; i += 1) {
    const mid = (lo + hi) / 2;
    if (instanceLoad(mid * p.capacityPerInstance, p).latencyP90 <= latencySeconds) lo = mid;
    else hi = mid;
  }
  return lo;
};
