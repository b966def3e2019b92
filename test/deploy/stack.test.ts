// A minified trace from Lambda, mapped back to the TypeScript with the source map kept beside the zip.
import { buildSync } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { symbolicate } from '../../deploy/stack';

describe('stack symbolication', () => {
  it('maps each frame of a minified bundle to its TypeScript file and line, and leaves other frames alone', () => {
    // Prepare: bundle the events parser as the deploy does (minified, map beside, no sourcesContent) and make it throw
    const dir = mkdtempSync(join(tmpdir(), 'stack-'));
    const out = join(dir, 'functions', 'on-alarm.js');
    buildSync({ entryPoints: [join(__dirname, '../../events/alarm-event.ts')], bundle: true, minify: true, keepNames: true, platform: 'node', format: 'cjs', sourcemap: 'external', sourcesContent: false, outfile: out });
    const mod = createRequire(__filename)(out) as { parseAlarmEvent: (e: unknown) => unknown };
    let stack = '';
    try {
      mod.parseAlarmEvent({ Records: 'not a list' });
    } catch (e) {
      stack = (e as Error).stack!;
    }
    const trace = stack.replace(dir, '/var/task');
    expect(trace).toMatch(/\/var\/task\/functions\/on-alarm\.js:\d+:\d+/);
    // Act
    const mapped = symbolicate(`${trace}\n    at runRequest (file:///var/runtime/index.mjs:1:2)`, join(dir, 'functions'));
    // Assess: the throw site in events/parse.ts, its caller in events/alarm-event.ts, and the runtime frame untouched
    const parseLine = readFileSync(join(__dirname, '../../events/parse.ts'), 'utf8').split('\n').findIndex((l) => l.includes('throw new EventParseError')) + 1;
    expect(mapped).toContain(`events/parse.ts:${parseLine}:`);
    expect(mapped).toMatch(/events\/alarm-event\.ts:\d+:\d+/);
    expect(mapped).toContain('file:///var/runtime/index.mjs:1:2');
    expect(mapped).not.toMatch(/on-alarm\.js:\d+/);
  });
});
