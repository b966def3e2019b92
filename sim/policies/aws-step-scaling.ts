// Baseline: AWS step scaling on the scaling guide's alarm (CPU > 80 % adds one instance), as in the
// Amazon EC2 Auto Scaling User Guide, "Step and simple scaling policies": the alarm fires on 3 of 3 one-minute
// datapoints; while instances are within the warm-up (300 s) a further breach of the same step adds nothing.
// The guide names no scale-in alarm, and without one the group never shrinks; this baseline adds the usual
// companion, CPU < 30 % for 15 of 15 minutes removes one instance.
import { active } from '../fleet';
import { evaluateAlarm, type AlarmSpec } from '../metric-store';
import type { World } from '../world';
import type { Policy } from './policy';

const WARMUP_MS = 300_000;

export const awsStepScaling = (world: World): Policy => {
  const threshold = world.config.policies.cpu?.alarm ?? 80;
  const high: AlarmSpec = { name: 'cpu-high', metric: 'cpu', threshold, comparison: 'gt', evaluationPeriods: 3, datapointsToAlarm: 3 };
  const low: AlarmSpec = { name: 'cpu-low', metric: 'cpu', threshold: 30, comparison: 'lt', evaluationPeriods: 15, datapointsToAlarm: 15 };
  const g = world.group;
  const control = async (now: number): Promise<void> => {
    const warming = active(g).some((i) => now - i.launchedAt < WARMUP_MS);
    if (warming) return;
    if (evaluateAlarm(high, world.store, now) === 'ALARM') g.desired = Math.min(g.max, g.desired + 1);
    else if (evaluateAlarm(low, world.store, now) === 'ALARM') g.desired = Math.max(g.min, g.desired - 1);
  };
  return { name: 'aws-step-scaling', describe: `AWS step scaling: CPU > ${threshold} % for 3 min adds 1; CPU < 30 % for 15 min removes 1`, control, records: [] };
};
