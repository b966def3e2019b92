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
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
};

export interface LocalTime {
  readonly day: number; // 0 = Sunday
  readonly minutes: number; // minutes since local midnight
}

const WEEK_MINUTES = 7 * 1440;
const HOUR_MS = 3_600_000;

/** The local weekday and minute of `now`, and whether the zone's offset at `now` has a seconds part (LMT). */
const formatLocal = (now: number, timeZone: string): { day: number; minutes: number; second: number } => {
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone).formatToParts(now)) {
    if (part.type === 'weekday') day = SHORT[part.value] ?? 0;
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
    else if (part.type === 'second') second = Number(part.value);
  }
  return { day, minutes: hour * 60 + minute, second };
};

// formatToParts is the costly part of a decision (and of every simulated minute), and the offset changes at most
// once an hour: per zone, the local minute-of-week at the start of the current UTC hour, kept while the offset
// holds for the whole hour (the same local-minute count at its first and last millisecond, no seconds part).
// Within such an hour, local time is the hour's start plus the whole minutes since; otherwise Intl answers.
interface HourAnchor {
  readonly hour: number;
  /** Local minute of the week at `hour`, or -1 when the hour has an offset change or a seconds offset. */
  readonly base: number;
}
const anchors = new Map<string, HourAnchor>();

const anchorFor = (hour: number, timeZone: string): HourAnchor => {
  const a = anchors.get(timeZone);
  if (a !== undefined && a.hour === hour) return a;
  const first = formatLocal(hour, timeZone);
  const last = formatLocal(hour + HOUR_MS - 1, timeZone);
  const base = first.day * 1440 + first.minutes;
  const span = (last.day * 1440 + last.minutes - base + WEEK_MINUTES) % WEEK_MINUTES;
  const next: HourAnchor = { hour, base: first.second === 0 && span === 59 ? base : -1 };
  anchors.set(timeZone, next);
  return next;
};

export const localTime = (now: number, timeZone: string): LocalTime => {
  const hour = Math.floor(now / HOUR_MS) * HOUR_MS;
  const a = anchorFor(hour, timeZone);
  if (a.base < 0) {
    const l = formatLocal(now, timeZone);
    return { day: l.day, minutes: l.minutes };
  }
  const week = (a.base + Math.floor((now - hour) / 60_000)) % WEEK_MINUTES;
  return { day: Math.floor(week / 1440), minutes: week % 1440 };
};

const clocks = new Map<string, number>();
export const parseClock = (hhmm: string): number => {
  let c = clocks.get(hhmm);
  if (c === undefined) {
    const [h, m] = hhmm.split(':');
    c = Number(h) * 60 + Number(m);
    clocks.set(hhmm, c);
  }
  return c;
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
