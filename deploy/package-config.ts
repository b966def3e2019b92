// The package step that turns the YAML config into the JSON the functions read (controller/packaged-config.ts):
// validated here with the controller's own loader and zod schema, so an invalid config fails the build with
// `path: reason` and a cold start only parses JSON. Run by deploy/write-packaged-config.cjs before serverless-esbuild zips.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { loadConfig } from '../controller/config';
import { ConfigError } from '../controller/errors';
import { toPackagedConfig } from '../controller/packaged-config';
import type { Config } from '../policies/config';

/** The first value JSON would not give back as it is (NaN, Infinity, a Date, a Map...), by its path; undefined: none. */
export const nonJsonPath = (value: unknown, path = '(root)'): string | undefined => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const bad = v === undefined ? `${path}.${i}` : nonJsonPath(v, `${path}.${i}`);
      if (bad) return bad;
    }
    return undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      const bad = nonJsonPath(v, path === '(root)' ? k : `${path}.${k}`);
      if (bad) return bad;
    }
    return undefined;
  }
  return path;
};

/** Validates `source` (YAML) and writes the packaged JSON to `target`; returns the config it wrote. */
export const packageConfig = (source: string, target: string, root = process.cwd()): Config => {
  const config = loadConfig(source);
  // A field JSON cannot carry would reach the functions changed, not refused: refuse it here, by name.
  const bad = nonJsonPath(config);
  if (bad) throw new ConfigError(source, [`${bad}: has no JSON form, so the packaged config could not carry it`]);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(toPackagedConfig(config, relative(root, source)), null, 1)}\n`);
  return config;
};
