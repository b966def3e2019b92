// Baseline: AWS target tracking on average CPU, as Amazon EC2 Auto Scaling documents and creates it
// (User Guide, "Target tracking scaling policies" and "How target tracking scaling works"):
// - AWS creates two alarms on the metric: AlarmHigh, metric > target for 3 of 3 one-minute datapoints,
//   and AlarmLow, metric < 90 % of target for 15 of 15 (the values shown on the alarms AWS creates);
// - while an alarm is in ALARM, the policy sets capacity = ceil(current x metric / target);
// - instances within the instance warm-up (default 300 s) count toward current capacity on scale-out, so the
//   policy does not add capacity twice for one breach, and scale-in waits until no instance is warming up;
// - scale-in is conservative: it removes capacity only through the slower AlarmLow.
import { active } from '../fleet';
import { evaluateAlarm, type AlarmSpec } from '../metric-store';
import type { World } from '../world';
import type { Policy } from './policy';

const WARMUP_MS = 300_000;

export const targetTrackingCapacity = (current: number, metric: number, target: number): number => Math.ceil((current * metric) / target - 1e-9);

export const awsTargetTracking = (world: World): Policy => {
  const target = world.config.policies.cpu?.target ?? 60;
  const high: AlarmSpec = { name: 'AlarmHigh', metric: 'cpu', threshold: target, comparison: 'gt', evaluationPeriods: 3, datapointsToAlarm: 3 };
  const low: AlarmSpec = { name: 'AlarmLow', metric: 'cpu', threshold: target * 0.9, comparison: 'lt', evaluationPeriods: 15, datapointsToAlarm: 15 };
  const g = world.group;

  const control = async (now: number): Promise<void> => {
    const points = world.store.visible('cpu', now, 600_000);
    const cpu = points[points.length - 1]?.v;
    if (cpu === undefined) return;
    const capacity = active(g).length;
    const warming = active(g).some((i) => now - i.launchedAt < WARMUP_MS);
    if (evaluateAlarm(high, world.store, now) === 'ALARM') {
      g.desired = Math.min(g.max, Math.max(g.desired, targetTrackingCapacity(capacity, cpu, target)));
    } else if (!warming && evaluateAlarm(low, world.store, now) === 'ALARM') {
      g.desired = Math.max(g.min, Math.min(g.desired, targetTrackingCapacity(capacity, cpu, target)));
    }
  };
  return { name: 'aws-target-tracking', describe: `AWS target tracking on CPU ${target} % (3-minute high alarm, 15-minute low alarm, 300 s warm-up)`, control, records: [] };
};
