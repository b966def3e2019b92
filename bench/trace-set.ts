// The traces a bench run covers: the shipped ones in traces/ (BENCH_TRACES filters them by name) and, with
// --heldout, the generated held-out ones (sim/generated-traces.ts), reported apart and never used to choose a setting.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HELDOUT_NAMES, HELDOUT_TRACES, heldoutTrace, isHeldout } from '../sim/generated-traces';
import { loadTrace, type Trace } from '../sim/trace';

export interface BenchTrace {
  /** The CSV's file name in traces/, or the held-out trace's name. */
  readonly file: string;
  readonly minutes: number;
  readonly heldout: boolean;
}

export const BENCH_FLAGS = ['--heldout'] as const;

/** A shipped trace's data rows: one a minute after the header. */
const lineCount = (path: string): number => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').length - 1;

/** Shipped traces first (sorted), then the held-out ones when `--heldout` is given; `only` keeps names containing one of its parts. */
export const benchTraces = (root: string, argv: readonly string[], only?: readonly string[]): BenchTrace[] => {
  const unknown = argv.filter((a) => !(BENCH_FLAGS as readonly string[]).includes(a));
  if (unknown.length > 0) throw new Error(`bench: unknown argument ${unknown.join(', ')} (known: ${BENCH_FLAGS.join(', ')})`);
  const keep = (name: string): boolean => !only || only.some((o) => name.includes(o));
  const shipped = readdirSync(join(root, 'traces')).filter((f) => f.endsWith('.csv') && keep(f)).sort()
    .map((file): BenchTrace => ({ file, minutes: lineCount(join(root, 'traces', file)), heldout: false }));
  const heldout = argv.includes('--heldout')
    ? HELDOUT_NAMES.filter(keep).map((file): BenchTrace => ({ file, minutes: HELDOUT_TRACES[file].minutes, heldout: true }))
    : [];
  return [...shipped, ...heldout];
};

/** The trace behind a bench file name: generated for a held-out name, read from traces/ otherwise. */
export const loadBenchTrace = (root: string, file: string): Trace => (isHeldout(file) ? heldoutTrace(file) : loadTrace(join(root, 'traces', file)));
