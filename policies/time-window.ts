// Time-of-day windows in the operator's IANA time zone, evaluated on local wall-clock time (DST-correct via Intl).
// On a spring-forward day a start inside the skipped hour takes effect at the first wall minute after it;
// on a fall-back day the repeated hour is inside (or outside) the window both times it occurs.
import type { Bounds, TimeWindow, Weekday } from './config';

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const SHORT: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Intl.DateTimeFormat is costly to build and pure to use: one per zone, kept for the process.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
};

export interface LocalTime {
  readonly day: number; // 0 = Sunday
  readonly minutes: number; // minutes since local midnight
}

export const localTime = (now: number, timeZone: string): LocalTime => {
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const part of formatterFor(timeZone).formatToParts(now)) {
    if (part.type === 'weekday') day = SHORT[part.value] ?? 0;
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return { day, minutes: hour * 60 + minute };
};

export const parseClock = (hhmm: string): number => {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

export const isWindowActive = (window: TimeWindow, local: LocalTime): boolean => {
  const start = parseClock(window.start);
  const end = parseClock(window.end);
  const today = WEEKDAYS[local.day] as Weekday;
  if (start < end) return window.days.includes(today) && local.minutes >= start && local.minutes < end;
  // Crosses midnight: the window belongs to the day it starts on.
  const yesterday = WEEKDAYS[(local.day + 6) % 7] as Weekday;
  return (window.days.includes(today) && local.minutes >= start) || (window.days.includes(yesterday) && local.minutes < end);
};

/** The first window in configuration order that is active at now. */
export const activeWindow = (windows: readonly TimeWindow[], now: number, timeZone: string): TimeWindow | undefined => {
  if (windows.length === 0) return undefined;
  const local = localTime(now, timeZone);
  return windows.find((w) => isWindowActive(w, local));
};

/** The group bounds narrowed by the window; a window can never widen them. */
export const windowBounds = (group: Bounds, window: TimeWindow | undefined): Bounds => {
  const clamp = (x: number): number => Math.min(group.max, Math.max(group.min, x));
  const min = clamp(window?.capacity?.min ?? group.min);
  const max = clamp(window?.capacity?.max ?? group.max);
  return { min: Math.min(min, max), max };
};
