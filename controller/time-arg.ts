// Time and duration arguments (CLI flags, manual payloads): ISO-8601 instants and durations like 90m, 2h, 1h30m, 1d.
import { parseInstant } from '../policies/instant';
import { EventParseError } from './errors';

/** An instant with its UTC offset (Z or +hh:mm): without one, a laptop and Lambda would read different times. */
export const parseTime = (s: string, what: string): number => {
  const t = parseInstant(s);
  if (t === undefined) throw new EventParseError([`${what}: "${s}" is not an ISO-8601 time with a UTC offset (e.g. 2026-03-04T18:00:00Z or 2026-03-04T13:00:00-05:00)`]);
  return t;
};

const UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

export const parseDuration = (s: string, what: string): number => {
  const parts = [...s.matchAll(/(\d+)([smhd])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== s) {
    throw new EventParseError([`${what}: "${s}" is not a duration (e.g. 30m, 2h, 1h30m, 1d)`]);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * (UNITS[p[2]!] ?? 0), 0);
};
