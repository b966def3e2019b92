// Baseline: AWS target tracking, on average CPU (ASGAverageCPUUtilization) or on ALBRequestCountPerTarget, as
// Amazon EC2 Auto Scaling documents it (User Guide, "Target tracking scaling policies for Amazon EC2 Auto Scaling";
// "Set the default instance warmup for an Auto Scaling group"; AWS re:Post knowledge center, "Why doesn't my
// CloudWatch alarm's state change invoke my Amazon EC2 Auto Scaling policy?": "an alarm invokes an Auto Scaling
// action once each minute when the alarm remains in a new state"):
// - AWS creates two alarms: AlarmHigh, metric > target for 3 of 3 one-minute datapoints, and AlarmLow, metric
//   < 90 % of target for 15 of 15 (the values on the alarms AWS creates); an Auto Scaling action is invoked
//   again for every period its alarm stays in ALARM;
// - the policy "scales out proportionally" to ceil(capacity x metric / target) with capacity and metric taken
//   from the same minute: the fleet the datapoint was measured on. Instances in warm-up already count toward the
//   desired capacity, so a breach that lasts while they warm up is not paid for a second time;
// - warm-up counts from InService (an instance contributes to the aggregated metric only after it); while any
//   instance warms up, only scale-out happens: scale-in waits for the warm-up to end;
// - it "scales in more gradually". AWS does not publish the scale-in step; this baseline removes at most one
//   instance per action (so one a minute while AlarmLow holds), never below the proportional capacity.
// The world publishes the group CPU averaged over every running instance, so instances x average is the load's
// CPU sum whether or not warming instances are in the average: the capacity the breach calls for is the same.
import { evaluateAlarm, type AlarmSpec, type MetricName } from '../metric-store';
import type { World } from '../world';
import { anyInWarmup, createFleetHistory, type FleetHistory, type FleetMinute } from './fleet-history';
import type { Policy } from './policy';

export const WARMUP_MS = 300_000;

export const targetTrackingCapacity = (current: number, metric: number, target: number): number => Math.ceil((current * metric) / target - 1e-9);

export interface TrackingSpec {
  readonly name: string;
  readonly describe: string;
  /** cpu: the group's average CPU; requestCountPerTarget: RequestCount / healthy targets. */
  readonly metric: Extract<MetricName, 'cpu' | 'requestCountPerTarget'>;
  readonly target: number;
}

/**
 * How many instances the datapoint's value is an average over, in the minute it describes: the running instances
 * for CPU; the healthy targets for request count per target, or every registered one when the ALB fails open.
 */
const denominator = (spec: TrackingSpec, f: FleetMinute): number => (spec.metric === 'cpu' ? f.running : f.ready > 0 ? f.ready : f.registered);

/** The target tracking decision for one minute; returns the new desired capacity (unchanged when it holds). */
export interface TrackingStep {
  readonly control: (now: number, m: number) => number;
  /** The proportional capacity of the latest visible datapoint, if any. */
  readonly wanted: (now: number) => number | undefined;
  /** The group minute by minute, as the policy observed it. */
  readonly fleet: FleetHistory;
}

export const trackingStep = (world: World, spec: TrackingSpec): TrackingStep => {
  const high: AlarmSpec = { name: 'AlarmHigh', metric: spec.metric, threshold: spec.target, comparison: 'gt', evaluationPeriods: 3, datapointsToAlarm: 3 };
  const low: AlarmSpec = { name: 'AlarmLow', metric: spec.metric, threshold: spec.target * 0.9, comparison: 'lt', evaluationPeriods: 15, datapointsToAlarm: 15 };
  const g = world.group;
  const fleet = createFleetHistory(g, world.trace.minutes[0] ?? 0);
  const wanted = (now: number): number | undefined => {
    const p = world.store.newest(spec.metric, now, 600_000);
    const f = p ? fleet.at(p.t) : undefined;
    if (!p || !f) return undefined;
    // Request count per target is averaged over the targets the ALB routed to in that minute, so the proportional
    // rule ceil(targets x perTarget / target) is ceil(RequestCount / target) of the same minute. Multiplying by the
    // fleet seen at the minute's end instead counts targets that turned healthy at the boundary as if they had
    // served, and answers one breach twice.
    if (spec.metric === 'requestCountPerTarget') {
      const total = world.store.valueAt('requests', p.t, now, 600_000);
      if (total !== undefined) return Math.ceil(total / spec.target - 1e-9);
    }
    const n = denominator(spec, f);
    if (n === 0) return undefined;
    return targetTrackingCapacity(n, p.v, spec.target);
  };
  const control = (now: number, m: number): number => {
    fleet.observe(m);
    const want = wanted(now);
    if (want === undefined) return g.desired;
    if (evaluateAlarm(high, world.store, now) === 'ALARM') return Math.min(g.max, Math.max(g.desired, want));
    if (evaluateAlarm(low, world.store, now) === 'ALARM' && !anyInWarmup(g, now, WARMUP_MS) && want < g.desired) return Math.max(g.min, want, g.desired - 1);
    return g.desired;
  };
  return { control, wanted, fleet };
};

export const awsTargetTracking = (spec: TrackingSpec) => (world: World): Policy => {
  const step = trackingStep(world, spec);
  const control = async (now: number, m: number): Promise<void> => {
    world.group.desired = step.control(now, m);
  };
  return { name: spec.name, describe: spec.describe, control, records: [] };
};

/** Target tracking on average CPU at `target` percent. */
export const awsTtCpu = (target: number) => awsTargetTracking({
  name: `aws-tt-cpu@${target}`, metric: 'cpu', target,
  describe: `AWS target tracking on average CPU ${target} % (AlarmHigh 3 of 3 min, AlarmLow 15 of 15 at 90 %, 300 s warm-up from InService)`,
});

/**
 * Target tracking on ALBRequestCountPerTarget at the requests per minute one instance serves at `utilisation`
 * percent of its documented capacity (sim/params.ts capacityPerInstance), so the sweep matches the CPU sweep.
 */
export const awsTtRequests = (utilisation: number) => (world: World): Policy => awsTargetTracking({
  name: `aws-tt-requests@${utilisation}`, metric: 'requestCountPerTarget', target: (world.params.capacityPerInstance * utilisation) / 100,
  describe: `AWS target tracking on ALBRequestCountPerTarget ${Math.round((world.params.capacityPerInstance * utilisation) / 100)}/min (${utilisation} % of an instance's capacity)`,
})(world);
