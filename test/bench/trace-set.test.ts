// The bench's trace set: the shipped traces, and the held-out ones only with --heldout, after them.
import { join } from 'node:path';
import { benchTraces, loadBenchTrace } from '../../bench/trace-set';
import { HELDOUT_NAMES, heldoutTrace } from '../../sim/generated-traces';

const ROOT = join(__dirname, '../..');

describe('bench trace set', () => {
  it('runs the shipped traces alone by default, and adds the held-out ones after them with --heldout', () => {
    const shipped = benchTraces(ROOT, []);
    expect(shipped.length).toBeGreaterThan(0);
    expect(shipped.every((t) => !t.heldout && t.file.endsWith('.csv'))).toBe(true);
    const all = benchTraces(ROOT, ['--heldout']);
    expect(all.slice(0, shipped.length)).toEqual(shipped);
    expect(all.slice(shipped.length).map((t) => [t.file, t.minutes, t.heldout])).toEqual(HELDOUT_NAMES.map((n) => [n, n === 'heldout-daily-sine' ? 4320 : 1440, true]));
  });

  it('filters by name with BENCH_TRACES parts, and refuses an unknown argument by name', () => {
    expect(benchTraces(ROOT, ['--heldout'], ['sawtooth']).map((t) => t.file)).toEqual(['heldout-sawtooth-20min']);
    expect(() => benchTraces(ROOT, ['--held-out'])).toThrow('bench: unknown argument --held-out (known: --heldout)');
  });

  it('loads a held-out name from the generator and a CSV from traces/', () => {
    expect(loadBenchTrace(ROOT, 'heldout-slow-ramp')).toEqual(heldoutTrace('heldout-slow-ramp'));
    const nasa = benchTraces(ROOT, [], ['nasa'])[0]!;
    expect(loadBenchTrace(ROOT, nasa.file).minutes.length).toBe(nasa.minutes);
  });
});
