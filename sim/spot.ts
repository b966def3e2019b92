// Spot Instances at risk in the simulated world: EC2 reclaims Spot capacity at the Spot Instance Advisor's rate
// (sim/params.ts), first with a rebalance recommendation, then the two-minute interruption warning, then the
// interruption; the signals go to the policies as EventBridge events. A group with Capacity Rebalancing launches
// the replacement on the recommendation and terminates the at-risk instance once the replacement passed its
// health checks (Auto Scaling User Guide, "Capacity Rebalancing in Auto Scaling to replace at-risk Spot
// Instances", behaviour: "Amazon EC2 Auto Scaling waits until the new instance passes its health check before it
// terminates the previous instance"). The 10 % allowance above the maximum during a rebalance is not modelled:
// the replacement always launches.
import { startTermination, type SimGroup, type SimInstance } from './fleet';
import type { WorldParams } from './params';
import type { Rng } from './rng';

/** An at-risk signal EC2 emitted during a minute, for a policy to read. */
export interface SpotSignal {
  readonly kind: 'rebalance' | 'interruption';
  readonly instanceId: string;
  readonly at: number;
}

export const WARNING_MS = 120_000;

const risk = (i: SimInstance, t: number, signals: SpotSignal[]): void => {
  i.atRisk = true;
  signals.push({ kind: 'rebalance', instanceId: i.id, at: t });
};

const warn = (i: SimInstance, t: number, signals: SpotSignal[]): void => {
  i.interruptAt = t + WARNING_MS;
  signals.push({ kind: 'interruption', instanceId: i.id, at: t });
};

/**
 * One minute of Spot risk at t, before the ASG acts: due warnings; a forced interruption (a scenario's fault: the
 * oldest in-service Spot Instance gets both signals at once, as EC2 may send them); one draw per in-service Spot
 * Instance not yet warned (an interruption, a rebalance recommendation that no interruption follows, or nothing);
 * and Capacity Rebalancing's terminations. Appends the minute's signals to `signals`.
 */
export const spotMinute = (g: SimGroup, t: number, forced: boolean, p: WorldParams, rng: Rng, signals: SpotSignal[]): void => {
  const pInterrupt = p.spotInterruptionPerHour / 60;
  const pSignal = pInterrupt * (1 + p.spotFalseRebalanceRatio);
  let oldest: SimInstance | undefined;
  for (const i of g.instances) {
    if (i.warnAt !== undefined && i.interruptAt === undefined && t >= i.warnAt && i.state !== 'terminated') warn(i, t, signals);
    if (i.market !== 'spot' || i.state !== 'in-service' || i.interruptAt !== undefined || i.warnAt !== undefined) continue;
    if (forced) {
      if (!oldest || i.launchedAt < oldest.launchedAt) oldest = i;
    } else {
      const u = rng.next();
      if (u < pInterrupt) {
        risk(i, t, signals);
        i.warnAt = t + p.spotRebalanceLeadSeconds * 1000;
      } else if (u < pSignal && i.atRisk !== true) risk(i, t, signals);
    }
  }
  if (oldest) {
    risk(oldest, t, signals);
    warn(oldest, t, signals);
  }
  if (g.capacityRebalance !== true) return;
  let atRisk = 0;
  let ready = 0;
  for (const i of g.instances) {
    if (i.state !== 'in-service') continue;
    if (i.atRisk === true) atRisk += 1;
    else if (i.target === 'healthy') ready += 1;
  }
  if (atRisk === 0) return;
  // Replacements in service and healthy beyond what desired needs without the at-risk ones: that many go.
  let surplus = ready + atRisk - g.desired;
  for (const i of g.instances) {
    if (surplus <= 0) break;
    if (i.state === 'in-service' && i.atRisk === true) {
      startTermination(g, i, t, p);
      surplus -= 1;
    }
  }
};

/**
 * The EventBridge event EC2 sends for a signal ("EC2 Spot Instance Interruption Warning" with instance-action
 * terminate, or "EC2 Instance Rebalance Recommendation"), in the shape events/spot-interruption-event.ts parses.
 */
export const spotEventOf = (s: SpotSignal, region = 'us-east-1', account = '123456789012') => ({
  version: '0', id: `sim-${s.kind}-${s.instanceId}-${s.at}`,
  'detail-type': s.kind === 'interruption' ? 'EC2 Spot Instance Interruption Warning' : 'EC2 Instance Rebalance Recommendation',
  source: 'aws.ec2', account, time: new Date(s.at).toISOString(), region,
  resources: [`arn:aws:ec2:${region}:${account}:instance/${s.instanceId}`],
  detail: s.kind === 'interruption' ? { 'instance-id': s.instanceId, 'instance-action': 'terminate' } : { 'instance-id': s.instanceId },
});
