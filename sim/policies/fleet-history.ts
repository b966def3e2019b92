// What EC2 Auto Scaling knows of its own group, minute by minute: how many instances the group's CPU average was
// taken over, how many were ready (in service, healthy in the target group) and how many were out of warm-up.
// A policy reads the minute a CloudWatch datapoint describes, so capacity and metric come from the same fleet.
import { active, type SimGroup, type SimInstance } from '../fleet';

export interface FleetMinute {
  /** In service or draining: the instances the world's group CPU average is taken over. */
  readonly running: number;
  /** In service and healthy in the target group (Kubernetes: Ready; ALB: HealthyHostCount). */
  readonly ready: number;
  /** In service with a health status in the target group, healthy or not: where the ALB fails open to. */
  readonly registered: number;
}

export interface FleetHistory {
  /** Records the group as it was during minute m (call once a minute, after the world stepped it). */
  readonly observe: (m: number) => void;
  /** The group during the minute that starts at t, if observed. */
  readonly at: (t: number) => FleetMinute | undefined;
}

export const createFleetHistory = (g: SimGroup, firstMinute: number): FleetHistory => {
  const minutes: FleetMinute[] = [];
  return {
    observe: (m) => {
      let running = 0;
      let ready = 0;
      let registered = 0;
      for (const i of g.instances) {
        if (i.state === 'in-service' || i.state === 'draining') running += 1;
        if (i.state === 'in-service' && i.target === 'healthy') ready += 1;
        if (i.state === 'in-service' && (i.target === 'healthy' || i.target === 'unhealthy')) registered += 1;
      }
      minutes[m] = { running, ready, registered };
    },
    at: (t) => minutes[Math.round((t - firstMinute) / 60_000)],
  };
};

/**
 * In warm-up: pending, or in service for less than the warm-up. AWS counts the instance warm-up from the moment
 * the instance reaches InService (User Guide, "Set the default instance warmup for an Auto Scaling group").
 */
export const inWarmup = (i: SimInstance, now: number, warmupMs: number): boolean =>
  i.state === 'pending' || (i.state === 'in-service' && now - (i.inServiceAt ?? i.launchedAt) < warmupMs);

export const anyInWarmup = (g: SimGroup, now: number, warmupMs: number): boolean => active(g).some((i) => inWarmup(i, now, warmupMs));
