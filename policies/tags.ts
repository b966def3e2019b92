// Pause, capacity override and mode override live as tags on the group, so the controller keeps no state.
import type { CapacityMode } from './config';

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

const parseTime = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : Number.NaN;
};

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
    const value = Number(rawDesired);
    const until = parseTime(tags[TAGS.overrideUntil]);
    if (!Number.isInteger(value) || value < 0 || until === undefined || Number.isNaN(until)) invalid.push(TAGS.overrideDesired);
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
