// Cooldowns and in-progress activities, read from the group's scaling activities (no state of our own).
import type { GroupConfig } from './config';
import { reason, type Reason } from './reasons';
import type { Activity } from './snapshot';

const DONE = new Set(['Successful', 'Failed', 'Cancelled']);

export const activityInProgress = (activities: readonly Activity[]): Activity | undefined =>
  activities.find((a) => !DONE.has(a.status));

/** A hold reason when the last finished activity ended within the cooldown for this direction. */
export const cooldownHold = (
  activities: readonly Activity[],
  direction: 'out' | 'in',
  cooldowns: GroupConfig['cooldowns'],
  now: number,
): Reason | undefined => {
  const seconds = direction === 'out' ? cooldowns.scaleOutSeconds : cooldowns.scaleInSeconds;
  let lastEnd: number | undefined;
  for (const a of activities) if (a.endedAt !== undefined && (lastEnd === undefined || a.endedAt > lastEnd)) lastEnd = a.endedAt;
  if (lastEnd === undefined) return undefined;
  const remaining = Math.ceil((lastEnd + seconds * 1000 - now) / 1000);
  if (remaining <= 0) return undefined;
  return reason('HOLD_COOLDOWN', `scale-${direction} cooldown of ${seconds} s: ${remaining} s left`, {
    direction, cooldownSeconds: seconds, remainingSeconds: remaining, lastActivityEndedAt: new Date(lastEnd).toISOString(),
  });
};
