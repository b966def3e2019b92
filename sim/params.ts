// The simulated world's physics, one set for every trace (never tuned per trace), each value with its source.

export interface WorldParams {
  /** Requests per minute one t3.medium serves at 100 % CPU. */
  readonly capacityPerInstance: number;
  /** CPU of an instance doing nothing (OS, agent, Node.js event loop). */
  readonly idleCpuPercent: number;
  readonly baseMemoryPercent: number;
  /** Memory added at full utilization (heap grows with in-flight requests). */
  readonly memoryPerUtilizationPercent: number;
  /** p90 response time at low load, seconds (mix of cached and database requests). */
  readonly baseLatencyP90: number;
  /** Mean CPU service time of a request on one vCPU, seconds. */
  readonly serviceSeconds: number;
  readonly vcpus: number;
  /** nginx proxy_read_timeout in the scaling guide: a request waits at most this long. */
  readonly timeoutSeconds: number;
  readonly baseErrorPercent: number;
  /** From launch to InService (boot + docker compose up). */
  readonly bootSeconds: number;
  /** Target group health check, from the scaling guide: every 30 s, healthy after 2, unhealthy after 5. */
  readonly healthCheckIntervalSeconds: number;
  readonly healthyThreshold: number;
  readonly unhealthyThreshold: number;
  /** ALB deregistration delay (the ALB default): a scaled-in instance drains, and is billed, this long. */
  readonly deregistrationDelaySeconds: number;
  /** Per spot instance, per hour; plus a two-minute warning before the interruption. */
  readonly spotInterruptionPerHour: number;
  /** CloudWatch publication delay for one-minute metrics. */
  readonly metricDelaySeconds: number;
}

export const DEFAULT_PARAMS: WorldParams = {
  // 2 vCPUs x (1 / 0.05 s) = 40 requests/s = 2,400/min: a Node.js API spending ~50 ms of CPU per request
  // (JSON rendering, Redis and MongoDB driver work); the guide's targets (< 200 ms cached, < 1 s database
  // queries) put the rest of a response in I/O wait, which costs no CPU.
  capacityPerInstance: 2400,
  serviceSeconds: 0.05,
  vcpus: 2, // t3.medium: 2 vCPU, 4 GiB (EC2 instance types page)
  idleCpuPercent: 3,
  baseMemoryPercent: 45, // Node.js + nginx + CloudWatch agent on 4 GiB, at rest
  memoryPerUtilizationPercent: 25,
  baseLatencyP90: 0.3, // guide: < 200 ms cached, < 1 s database; p90 of the mix
  timeoutSeconds: 60, // guide's nginx proxy_read_timeout 60s
  baseErrorPercent: 0.05,
  bootSeconds: 180, // EC2 boot of an AMI with Docker, plus `docker-compose up -d` (guide step 2.2)
  healthCheckIntervalSeconds: 30, // guide 1.2
  healthyThreshold: 2, // guide 1.2
  unhealthyThreshold: 5, // guide 1.2
  deregistrationDelaySeconds: 300, // ELBv2 target group attribute default
  // Pessimistic on purpose: the Spot Instance Advisor puts t3.medium in us-east-1 in its lowest band
  // (< 5 % of instances interrupted per month); 0.2 %/h is about 5 % per day.
  spotInterruptionPerHour: 0.002,
  metricDelaySeconds: 120, // one-minute metrics typically appear 1-3 minutes late
};

/** On-demand, spot and reserved prices for t3.medium Linux in us-east-1, USD per instance-hour. */
export interface Prices {
  readonly onDemand: number;
  readonly spot: number;
  readonly reserved: number;
}

export const US_EAST_1_T3_MEDIUM: Prices = {
  onDemand: 0.0416, // Amazon EC2 On-Demand pricing, t3.medium Linux, US East (N. Virginia)
  spot: 0.0135, // Amazon EC2 Spot pricing / spot price history for t3.medium in us-east-1: about 0.012-0.016
  reserved: 0.026, // EC2 Reserved Instances, standard 1-year no upfront, t3.medium Linux, us-east-1 (effective hourly)
};

/** Default SLO of a minute: p90 latency <= 1 s and 5xx <= 1 % (the guide's "< 1 s for database queries"). */
export interface Slo {
  readonly latencyP90Seconds: number;
  readonly errorPercent: number;
}
export const DEFAULT_SLO: Slo = { latencyP90Seconds: 1, errorPercent: 1 };
