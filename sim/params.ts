// The simulated world's physics, one set for every trace (never tuned per trace), each value with its source.
// The instance type stays the scaling guide's t3.medium (unlimited mode, the T3 default); its surplus CPU credits
// are charged, so running hot costs what it costs on AWS (see `t3Credits`).

export interface WorldParams {
  /** Requests per minute one t3.medium serves at 100 % CPU (its service rate). */
  readonly capacityPerInstance: number;
  /** The documented sizing point: traces are scaled so the peak needs the group max at this utilisation. */
  readonly sizingUtilisation: number;
  /** CPU of an instance doing nothing (OS, agent, Node.js event loop). */
  readonly idleCpuPercent: number;
  /** Memory in use at rest, as the CloudWatch agent's mem_used_percent (cache and buffers excluded). */
  readonly baseMemoryPercent: number;
  /** Memory held per request in the instance (in flight or queued), in MiB, and the instance's memory. */
  readonly memoryPerRequestMiB: number;
  readonly memoryMiB: number;
  /** p90 response time at low load, seconds: the I/O part of a request (database, Redis), which costs no CPU. */
  readonly baseLatencyP90: number;
  /** Mean CPU service time of a request on one vCPU, seconds. */
  readonly serviceSeconds: number;
  /** Squared coefficient of variation of one request's CPU time (1 = exponential). */
  readonly serviceCv2: number;
  /** Minute-to-minute variation of the mean service time (the request mix shifts): coefficient of variation. */
  readonly serviceMixCv: number;
  /** Squared coefficient of variation of inter-arrival times within a minute (1 = Poisson). */
  readonly arrivalCv2: number;
  /** Negative binomial shape of a minute's arrival count: variance = mean + mean^2 / shape. */
  readonly arrivalDispersionShape: number;
  readonly vcpus: number;
  /** A request waiting longer than this gets a 504 (nginx proxy_read_timeout, ALB idle timeout). */
  readonly timeoutSeconds: number;
  readonly baseErrorPercent: number;
  /** Share of failed attempts the client retries (in the next minute), and the most attempts per request. */
  readonly retryShare: number;
  readonly maxAttempts: number;
  /** From launch to InService: median seconds, and the log-normal sigma of the spread (the tail). */
  readonly bootSeconds: number;
  readonly bootSigma: number;
  /** Target group health check, from the scaling guide: every 30 s, healthy after 2, unhealthy after 5. */
  readonly healthCheckIntervalSeconds: number;
  readonly healthyThreshold: number;
  readonly unhealthyThreshold: number;
  /** The target group's health check timeout: a check waiting longer behind the queue fails. */
  readonly healthCheckTimeoutSeconds: number;
  /** Probability that one health check of a healthy, unloaded target fails anyway (a flaky check). */
  readonly flakyHealthCheck: number;
  /** ALB deregistration delay (the ALB default): a scaled-in instance drains, and is billed, this long. */
  readonly deregistrationDelaySeconds: number;
  /** Per spot instance, per hour; plus a two-minute warning before the interruption (see `spotRatePerHour`). */
  readonly spotInterruptionPerHour: number;
  /** A rebalance recommendation comes this long before the two-minute interruption warning. */
  readonly spotRebalanceLeadSeconds: number;
  /** Rebalance recommendations for instances that are then not interrupted, per interrupted instance. */
  readonly spotFalseRebalanceRatio: number;
  /** Warm pool: a stopped (or hibernated) instance's start to InService, median seconds and log-normal sigma. */
  readonly warmStartSeconds: number;
  readonly warmStartSigma: number;
  /** The root EBS volume each instance keeps while stopped in a warm pool, GiB, and its gp3 price per GB-month. */
  readonly rootVolumeGiB: number;
  readonly ebsGp3UsdPerGbMonth: number;
  /** CloudWatch publication delay for one-minute metrics. */
  readonly metricDelaySeconds: number;
  /** T3 unlimited: CPU credits earned per hour, the most an instance can hold, and the surplus price. */
  readonly creditsEarnedPerHour: number;
  readonly maxCreditBalance: number;
  readonly surplusCreditUsdPerVcpuHour: number;
}

/**
 * The Spot Instance Advisor's frequency-of-interruption bands: the share of instances interrupted over a month, as
 * the band's upper edge (the pessimistic end; the open top band is taken at 25 %, an assumption).
 */
export const SPOT_ADVISOR_BANDS = { '<5%': 0.05, '5-10%': 0.1, '10-15%': 0.15, '15-20%': 0.2, '>20%': 0.25 } as const;

/** A constant hourly hazard that interrupts `monthlyShare` of instances over a 730-hour month: -ln(1 - share) / 730. */
export const spotRatePerHour = (monthlyShare: number): number => -Math.log(1 - monthlyShare) / 730;

export const DEFAULT_PARAMS: WorldParams = {
  // 2 vCPUs x (1 / 0.05 s) = 40 requests/s = 2,400/min: a Node.js API spending ~50 ms of CPU per request
  // (JSON rendering, Redis and MongoDB driver work); the guide's targets (< 200 ms cached, < 1 s database
  // queries) put the rest of a response in I/O wait, which costs no CPU.
  capacityPerInstance: 2400,
  // The scaling guide's sizing rule ("keep CPU < 60 % average") applied to its maximum of 10: the trace's peak is
  // the load 10 instances carry at 60 %. A property of the workload's description, not of any policy's setting.
  sizingUtilisation: 0.6,
  serviceSeconds: 0.05,
  // Per-request CPU time of a web API mixes cheap cached hits and heavier queries; measured web service-time
  // distributions are more variable than exponential (Harchol-Balter, "Performance Modeling and Design of
  // Computer Systems", ch. 20 on heavy-tailed job sizes). A CV of 1.5 (C^2 = 2.25) is a moderate choice.
  serviceCv2: 2.25,
  // The minute's mix of cached and database requests shifts a little from minute to minute: 3 % CV of the mean
  // CPU time per request (an assumption, stated: it makes CPU noisier than the arrival count alone).
  serviceMixCv: 0.03,
  // Web arrivals are burstier than Poisson at sub-minute scales (Paxson & Floyd, "Wide-area traffic: the failure
  // of Poisson modeling", IEEE/ACM ToN 1995); the index of dispersion 2 is a moderate value for a busy API.
  arrivalCv2: 2,
  // Per-minute counts are overdispersed relative to Poisson (ibid.); a negative binomial with shape 400 adds a
  // 5 % coefficient of variation on top of the Poisson noise (variance = mean + mean^2 / 400).
  arrivalDispersionShape: 400,
  vcpus: 2, // t3.medium: 2 vCPU, 4 GiB (EC2 instance types page)
  idleCpuPercent: 3,
  // At rest: Amazon Linux 2023 (~300 MiB), Docker (~80 MiB), nginx (~20 MiB), CloudWatch agent (~60 MiB) and the
  // Node.js API (RSS ~250-400 MiB; V8 keeps a mostly fixed heap for a stateless API) ~ 0.9 GiB of 4 GiB. Memory
  // per request is what a request holds while in flight or queued (socket buffers, parsed body, response being
  // rendered: ~0.5 MiB); by Little's law it only matters when a backlog builds, so memory rises with overload,
  // not with utilisation, and a 70 % memory target is no floor on scale-in.
  baseMemoryPercent: 22,
  memoryPerRequestMiB: 0.5,
  memoryMiB: 4096,
  baseLatencyP90: 0.3, // guide: < 200 ms cached, < 1 s database; p90 of the mix
  // nginx proxy_read_timeout 60s (the guide) and the ALB idle timeout default of 60 s (ELBv2 load balancer
  // attributes, idle_timeout.timeout_seconds): a request queued longer gets a 504.
  timeoutSeconds: 60,
  baseErrorPercent: 0.05,
  // The AWS SDKs' standard retry mode retries 5xx and timeouts with backoff, at most 3 attempts (AWS SDKs and
  // Tools reference guide, "Retry behavior"); browsers and many HTTP clients do not retry. Half the failed
  // attempts come back, after a backoff that lands in the next minute.
  retryShare: 0.5,
  maxAttempts: 3,
  // EC2 launch to InService (boot an AMI with Docker, `docker-compose up -d`, guide step 2.2): median 180 s and a
  // log-normal spread with a tail: sigma 0.3 puts p95 at ~295 s and p99 at ~360 s. Launch times vary and have a
  // long tail, more so for spot (Mao & Humphrey, "A Performance Study on the VM Startup Time in the Cloud",
  // IEEE CLOUD 2012; Hao et al., "An Empirical Analysis of VM Startup Times in Public IaaS Clouds", 2021).
  bootSeconds: 180,
  bootSigma: 0.3,
  healthCheckIntervalSeconds: 30, // guide 1.2
  healthyThreshold: 2, // guide 1.2
  unhealthyThreshold: 5, // guide 1.2
  healthCheckTimeoutSeconds: 5, // ELBv2 HealthCheckTimeoutSeconds default for HTTP targets
  // A GC pause, a slow dependency ping, a dropped packet: 1 check in 500 fails on an idle, healthy target.
  // Five in a row are needed to mark it unhealthy, so this rarely removes a target but does perturb the counts.
  flakyHealthCheck: 0.002,
  deregistrationDelaySeconds: 300, // ELBv2 target group attribute default
  // The Spot Instance Advisor's frequency of interruption ("the rate at which Spot has reclaimed capacity during
  // the trailing month", in the bands < 5 %, 5-10 %, 10-15 %, 15-20 %, > 20 %; spot-advisor-data.json, as read by
  // grailbio/base cloud/spotadvisor) puts t3.medium Linux in us-east-1 in its lowest band. We take the band's
  // upper edge, 5 % of instances a month (the pessimistic end of the band), as a constant hourly hazard.
  spotInterruptionPerHour: spotRatePerHour(SPOT_ADVISOR_BANDS['<5%']),
  // EC2 gives a rebalance recommendation before the two-minute notice ("can arrive sooner", EC2 User Guide, "EC2
  // instance rebalance recommendations"; "Amazon EC2 always gives both", Auto Scaling User Guide, "Capacity
  // Rebalancing"). AWS publishes no lead time; the one measurement we found (aws/aws-node-termination-handler
  // issue #141, 45 events over 17 h) saw 17 min to 8 h 42 min between the two: we take the shortest, 17 min.
  spotRebalanceLeadSeconds: 17 * 60,
  // Same measurement: 30 rebalance recommendations, 9 of them followed by an interruption, 21 not: 21 / 9 false
  // recommendations per interrupted instance. With Capacity Rebalancing on, each one costs a replacement launch.
  spotFalseRebalanceRatio: 21 / 9,
  // Starting a stopped, pre-initialised instance skips the first boot's work (packages, image pulls, user data):
  // AWS's launch of warm pools (InfoQ, "AWS Launches EC2 Auto Scaling Warm Pools", 2021-05, reporting the AWS
  // announcement) says pre-initialised instances serve traffic "in as low as 30 seconds"; an EBS-backed instance
  // takes tens of seconds from stopped to running before the OS and `docker-compose` restart. Median 45 s, and the
  // cold boot's spread (sigma 0.3: p95 ~74 s); the target group's two health checks follow as for any instance.
  warmStartSeconds: 45,
  warmStartSigma: 0.3,
  // Amazon Linux 2023's AMI has an 8 GiB root volume; Docker images and logs need room: 20 GiB gp3 (stated).
  // Stopped instances pay only their volumes (Auto Scaling User Guide, "Warm pools", core concepts: "With stopped
  // instances, you pay only for the volumes that you use and the Elastic IP addresses attached"); gp3 storage is
  // $0.08 per GB-month in us-east-1 (Amazon EBS pricing), 20 x 0.08 / 730 h = $0.0022 per stopped instance-hour.
  rootVolumeGiB: 20,
  ebsGp3UsdPerGbMonth: 0.08,
  metricDelaySeconds: 120, // one-minute metrics typically appear 1-3 minutes late
  // EC2 User Guide, "Key concepts for burstable performance instances": t3.medium earns 24 credits/hour (a 20 %
  // baseline per vCPU) and holds at most 576; in unlimited mode the credits spent beyond the balance are surplus
  // credits, charged at $0.05 per vCPU-hour for T3 Linux (Amazon EC2 On-Demand pricing, "T2/T3/T4g Unlimited Mode
  // Pricing") unless paid down by later earnings. One credit = one vCPU at 100 % for one minute.
  creditsEarnedPerHour: 24,
  maxCreditBalance: 576,
  surplusCreditUsdPerVcpuHour: 0.05,
};

/** Requests per minute one instance serves at the documented sizing utilisation (1,440 by default). */
export const sizingCapacity = (p: WorldParams): number => p.capacityPerInstance * p.sizingUtilisation;

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
