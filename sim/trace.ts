// Traffic traces: CSV of `minute,requests`, sliced to a span and scaled to the fleet by one documented factor.
import { readFileSync } from 'node:fs';
import { EventParseError } from '../controller/errors';
import { sizingCapacity, type WorldParams } from './params';

export interface Trace {
  readonly name: string;
  /** Epoch ms of each minute. */
  readonly minutes: readonly number[];
  readonly requests: readonly number[];
}

export const parseTrace = (text: string, name: string): Trace => {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines[0]?.replace(/\s/g, '') !== 'minute,requests') throw new EventParseError([`${name}: line 1 must be the header "minute,requests"`]);
  const minutes: number[] = [];
  const requests: number[] = [];
  lines.slice(1).forEach((line, i) => {
    const [m, r] = line.split(',');
    const t = Date.parse((m ?? '').trim());
    const n = Number(r);
    if (!Number.isFinite(t) || !Number.isFinite(n) || n < 0) throw new EventParseError([`${name}: line ${i + 2}: expected "ISO-minute,requests", got "${line}"`]);
    if (minutes.length > 0 && t - minutes[minutes.length - 1]! !== 60_000) throw new EventParseError([`${name}: line ${i + 2}: minutes must be consecutive (one row a minute)`]);
    minutes.push(t);
    requests.push(n);
  });
  if (minutes.length === 0) throw new EventParseError([`${name}: no data rows`]);
  return { name, minutes, requests };
};

export const loadTrace = (file: string): Trace => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new EventParseError([`--trace ${file}: cannot read (${(cause as NodeJS.ErrnoException).code ?? cause})`], { cause });
  }
  return parseTrace(text, file.split('/').pop() ?? file);
};

/** The minutes of one UTC day (YYYY-MM-DD), or the whole trace. */
export const sliceDay = (trace: Trace, day: string | undefined): Trace => {
  if (!day) return trace;
  const start = Date.parse(`${day}T00:00:00Z`);
  const idx = trace.minutes.map((t, i) => [t, i] as const).filter(([t]) => t >= start && t < start + 86_400_000).map(([, i]) => i);
  if (idx.length === 0) throw new EventParseError([`--day ${day}: the trace has no minute on that UTC day`]);
  return { name: `${trace.name} (${day})`, minutes: idx.map((i) => trace.minutes[i]!), requests: idx.map((i) => trace.requests[i]!) };
};

/**
 * One factor per trace, from the world alone (no policy's setting): its peak minute becomes the load that needs
 * the group's maximum at the documented sizing utilisation (`sizingCapacity`, params.ts).
 * factor = max instances x capacity per instance x sizing utilisation / peak requests.
 */
export const scaleFactor = (trace: Trace, maxInstances: number, params: WorldParams): number => {
  let peak = 0;
  for (const r of trace.requests) if (r > peak) peak = r;
  return peak === 0 ? 1 : (maxInstances * sizingCapacity(params)) / peak;
};

export const scaled = (trace: Trace, factor: number): Trace => ({ ...trace, requests: trace.requests.map((r) => r * factor) });
