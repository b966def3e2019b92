// Cooldowns and in-progress activities, read from the group's scaling activities (no state of our own).
import type { GroupConfig } from './config';
import { reason, type Reason } from './reasons';
import type { Activity } from './snapshot';

const DONE = new Set(['Successful', 'Failed', 'Cancelled']);

/** The newest activity not yet finished (by start time, then description, so the listing's order never matters). */
export const activityInProgress = (activities: readonly Activity[]): Activity | undefined => {
  let found: Activity | undefined;
  for (const a of activities) {
    if (DONE.has(a.status)) continue;
    if (found === undefined || a.startedAt > found.startedAt || (a.startedAt === found.startedAt && a.description > found.description)) found = a;
  }
  return found;
};

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
  // An end in the future (clock skew, or a bad record) counts as now: a cooldown never reports more than itself.
  const remaining = Math.min(seconds, Math.ceil((Math.min(lastEnd, now) + seconds * 1000 - now) / 1000));
  if (remaining <= 0) return undefined;
  return reason('HOLD_COOLDOWN', `scale-${direction} cooldown of ${seconds} s: ${remaining} s left`, {
    direction, cooldownSeconds: seconds, remainingSeconds: remaining, lastActivityEndedAt: new Date(lastEnd).toISOString(),
  });
};
