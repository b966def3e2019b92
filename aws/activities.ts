// The group's recent scaling activities: cooldowns, in-progress holds, and instance launch times.
import { DescribeScalingActivitiesCommand, type Activity as AsgActivity } from '@aws-sdk/client-auto-scaling';
import type { Activity } from '../policies/snapshot';
import type { Clients } from './clients';

export const ACTIVITY_PAGE = 50;

export const describeActivities = async (clients: Clients, group: string): Promise<AsgActivity[]> => {
  const out = await clients.autoScaling.send(new DescribeScalingActivitiesCommand({ AutoScalingGroupName: group, MaxRecords: ACTIVITY_PAGE }));
  return out.Activities ?? [];
};

export const toActivities = (raw: readonly AsgActivity[]): Activity[] =>
  raw
    .map((a) => ({
      startedAt: a.StartTime?.getTime() ?? 0,
      ...(a.EndTime ? { endedAt: a.EndTime.getTime() } : {}),
      status: a.StatusCode ?? 'Unknown',
      description: a.Description ?? '',
    }))
    .sort((a, b) => b.startedAt - a.startedAt);

const LAUNCH = /Launching a new EC2 instance: (i-[0-9a-f]+)/;

/**
 * Launch times from the activities: DescribeAutoScalingGroups does not return them, and a DescribeInstances
 * call per run would cost a fifth read. An instance not in the recent activities launched before the oldest one.
 */
export const launchTimes = (raw: readonly AsgActivity[]): { readonly byId: ReadonlyMap<string, number>; readonly before: number } => {
  const byId = new Map<string, number>();
  let oldest = Number.POSITIVE_INFINITY;
  for (const a of raw) {
    const t = a.StartTime?.getTime();
    if (t === undefined) continue;
    oldest = Math.min(oldest, t);
    const m = LAUNCH.exec(a.Description ?? '');
    if (m?.[1]) byId.set(m[1], t);
  }
  return { byId, before: Number.isFinite(oldest) ? oldest : 0 };
};
