import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TAGS } from '../../policies/tags';
import { resetAws, serve } from '../fixtures/aws-world';
import { cli } from '../fixtures/cli';
import { example } from '../fixtures/shipped';

const rush = example('evening-rush');
const now = rush.takenAt;
const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));
const SNAPSHOTS = ['evening-rush', 'one-bad-instance', 'dependency-outage', 'quiet-night'];
const COMMANDS = ['status', 'plan', 'apply', 'set-capacity', 'pause', 'resume', 'mode', 'replace', 'decide', 'replay', 'simulate', 'validate-config', 'invoke', 'reasons'];

describe('human output fits 80 columns', () => {
  beforeEach(() => {
    resetAws();
    // A paused group with an override: the longest status row the shipped config can produce
    serve([{ ...rush, group: { ...rush.group, tags: { ...rush.group.tags, [TAGS.pausedUntil]: new Date(now + 3_600_000).toISOString() } } }]);
  });

  it('status leads with the action and fits 80 columns; -o wide adds the rest', async () => {
    // Act
    const narrow = await cli(['status'], { now });
    const wide = await cli(['status', '-o', 'wide'], { now });
    // Assess
    expect(widest(narrow.out)).toBeLessThanOrEqual(80);
    expect(narrow.out).toMatch(/NEXT DECISION\n.*hold \(PAUSED\)$/);
    expect(wide.out).toMatch(/WINDOW\s+PAUSED UNTIL\s+OVERRIDE\s+NEXT DECISION\s+LAST ACTIVITY/);
    expect(wide.out).toContain('Launching a new EC2 instance');
    expect(widest(wide.out)).toBeGreaterThan(80);
  });

  it('plan fits 80 columns, action first', async () => {
    const r = await cli(['plan'], { now });
    expect(r.out.split('\n')[0]).toBe('cinemahint-web: hold (PAUSED)');
    expect(widest(r.out)).toBeLessThanOrEqual(80);
  });

  it.each(SNAPSHOTS)('decide on %s fits 80 columns, and wraps long reasons under their message', async (name) => {
    const r = await cli(['decide', '--snapshot', `examples/snapshots/${name}.json`], { now });
    expect(r.code).toBe(0);
    expect(widest(r.out)).toBeLessThanOrEqual(80);
    expect(r.out).toMatch(/^cinemahint-web: (scale|replace|breaker|hold)/);
  });

  it('reasons fits 80 columns and still has one line starting with each code', async () => {
    const r = await cli(['reasons'], { now });
    expect(widest(r.out)).toBeLessThanOrEqual(80);
    expect(r.out).toMatch(/^BREAKER_OPEN\s+Too large a share/m);
  });

  it.each(['', ...COMMANDS])('%s --help fits 80 columns', async (c) => {
    const r = await cli([...(c ? [c] : []), '--help'], { now });
    expect(r.code).toBe(0);
    expect(widest(r.out)).toBeLessThanOrEqual(80);
  });

  it('a long example command continues on the next line with a shell backslash', async () => {
    const r = await cli(['simulate', '--help'], { now });
    expect(r.out).toMatch(/\$ npx autoscaler simulate .* \\\n {6}\S/);
  });
});

describe('output formats and version', () => {
  beforeEach(() => {
    resetAws();
    serve([rush]);
  });

  it('-o json prints the same document as --json', async () => {
    const a = await cli(['status', '-o', 'json'], { now });
    const b = await cli(['status', '--json'], { now });
    expect(JSON.parse(a.out)).toEqual(JSON.parse(b.out));
  });

  it('refuses an unknown -o format with exit 2', async () => {
    const r = await cli(['status', '-o', 'yaml'], { now });
    expect(r.code).toBe(2);
    expect(r.err.replace(/\s+/g, ' ')).toContain("argument 'yaml' is invalid. Allowed choices are text, wide, json");
  });

  it('--version prints the package version', async () => {
    const r = await cli(['--version'], { now });
    expect(r.code).toBe(0);
    expect(r.out).toBe((JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version);
  });
});
