// Pause, capacity override and mode override live as tags on the group, so the controller keeps no state.
import type { CapacityMode } from './config';
import { parseCount, parseInstant } from './instant';

export const TAGS = {
  managed: 'autoscaler:managed',
  pausedUntil: 'autoscaler:paused-until',
  overrideDesired: 'autoscaler:override-desired',
  overrideUntil: 'autoscaler:override-until',
  mode: 'autoscaler:mode',
  modeUntil: 'autoscaler:mode-until',
} as const;

export interface Overrides {
  readonly pausedUntil?: number;
  readonly desired?: { readonly value: number; readonly until: number };
  readonly mode?: { readonly value: CapacityMode; readonly until?: number };
  /** Tags present but unreadable: ignored, and said so. */
  readonly invalid: readonly string[];
}

const MODES: readonly string[] = ['reserved', 'spot', 'balanced'];

/** undefined: no tag; NaN: a tag that is not an ISO 8601 time with an offset. */
const parseTime = (s: string | undefined): number | undefined => (s === undefined ? undefined : parseInstant(s) ?? Number.NaN);

/** Reads the controller's tags; expired entries are simply absent from the result. */
export const readOverrides = (tags: Readonly<Record<string, string>>, now: number): Overrides => {
  const invalid: string[] = [];
  let pausedUntil: number | undefined;
  let desired: Overrides['desired'];
  let mode: Overrides['mode'];

  const paused = parseTime(tags[TAGS.pausedUntil]);
  if (Number.isNaN(paused)) invalid.push(TAGS.pausedUntil);
  else if (paused !== undefined && paused > now) pausedUntil = paused;

  const rawDesired = tags[TAGS.overrideDesired];
  if (rawDesired !== undefined) {
    const value = parseCount(rawDesired);
    const until = parseTime(tags[TAGS.overrideUntil]);
    if (value === undefined || until === undefined || Number.isNaN(until)) invalid.push(TAGS.overrideDesired);
    else if (until > now) desired = { value, until };
  }

  const rawMode = tags[TAGS.mode];
  if (rawMode !== undefined) {
    const until = parseTime(tags[TAGS.modeUntil]);
    if (!MODES.includes(rawMode) || Number.isNaN(until)) invalid.push(TAGS.mode);
    else if (until === undefined || until > now) mode = until === undefined ? { value: rawMode as CapacityMode } : { value: rawMode as CapacityMode, until };
  }
  return { pausedUntil, desired, mode, invalid };
};
