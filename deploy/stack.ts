// `npm run stack [MAP_DIR] < trace.txt`: maps a minified Lambda stack trace (…/functions/on-alarm.js:1:52311) back to
// the TypeScript source, with the source maps kept beside the zips (.serverless/sourcemaps/*.js.map).
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename, join } from 'node:path';

const FRAME = /([\w./-]*?functions\/[\w-]+\.js):(\d+):(\d+)/g;

/** Each frame of a bundle the maps know, rewritten as `source:line:column`; other text is left as it is. */
export const symbolicate = (trace: string, mapDir: string): string => {
  const maps = new Map<string, SourceMap | null>();
  const mapFor = (file: string): SourceMap | null => {
    if (!maps.has(file)) {
      const path = join(mapDir, `${basename(file)}.map`);
      maps.set(file, existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, 'utf8'))) : null);
    }
    return maps.get(file)!;
  };
  return trace.replace(FRAME, (whole, file: string, line: string, column: string) => {
    // Stack traces count lines and columns from 1; source maps from 0.
    const entry = mapFor(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry)) return whole;
    return `${entry.originalSource.replace(/^(\.\.\/)+/, '')}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
};

if (require.main === module) {
  const dir = process.argv[2] ?? '.serverless/sourcemaps';
  process.stdout.write(symbolicate(readFileSync(0, 'utf8'), dir));
}
