// The activity-and-bounds stage: an activity in progress holds every change but a scale-out, and the group's
// bounds follow the effective ones (narrower bounds wait for the activity to finish).
import type { Bounds } from './config';
import { reason, type Reason } from './reasons';
import type { Activity, GroupState } from './snapshot';

export interface ActivityBounds {
  readonly desired: number;
  readonly bounds?: Bounds;
  /** True when an activity in progress held back a capacity change the earlier stages wanted. */
  readonly held: boolean;
  readonly reasons: readonly Reason[];
}

const iso = (t: number): string => new Date(t).toISOString();

export const activityBounds = (group: GroupState, wanted: number, effective: Bounds, running: Activity | undefined, windowName: string | null): ActivityBounds => {
  const current = group.desired;
  const widening = effective.min <= group.min && effective.max >= group.max;
  const boundsDiffer = group.min !== effective.min || group.max !== effective.max;
  const boundsReason = (): Reason => reason('BOUNDS_UPDATE', `bounds ${group.min}..${group.max} -> ${effective.min}..${effective.max}${windowName ? ` (window ${windowName})` : ''}`, {
    min: effective.min, max: effective.max, wasMin: group.min, wasMax: group.max, window: windowName,
  });
  if (!running) return { desired: wanted, held: false, ...(boundsDiffer ? { bounds: effective } : {}), reasons: boundsDiffer ? [boundsReason()] : [] };
  // A launch, or a scale-in draining for the deregistration delay: blocking a flash crowd for five minutes of
  // draining would be the wrong kind of safe, so a scale-out proceeds, inside the bounds the group will have.
  const out = wanted > current;
  const desired = out ? (widening ? wanted : Math.max(current, Math.min(group.max, wanted))) : current;
  const activity = reason('HOLD_ACTIVITY_IN_PROGRESS', `activity in progress since ${iso(running.startedAt)} (${running.description}): ${out ? 'scale-out proceeds; scale-in, narrower bounds and mode changes wait' : 'no scale-in, narrower bounds or mode change this run'}`, {
    status: running.status, startedAt: iso(running.startedAt), description: running.description, scaleOutProceeds: out, wanted,
  });
  const updates = widening && boundsDiffer;
  return { desired, held: desired !== wanted, ...(updates ? { bounds: effective } : {}), reasons: updates ? [activity, boundsReason()] : [activity] };
};
