// Loads and validates the configuration file once; every problem is reported as `path: reason`.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type * as z from 'zod';
import type { Config, GroupConfig } from '../policies/config';
import { configSchema, toConfig } from './config-schema';
import { ConfigError, UnknownGroupError } from './errors';

export const formatIssues = (issues: readonly z.core.$ZodIssue[]): string[] =>
  issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);

export const parseConfig = (text: string, source = 'config'): Config => {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (cause) {
    throw new ConfigError(source, [`(file): not valid YAML: ${(cause as Error).message.split('\n')[0]}`], { cause });
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(source, formatIssues(result.error.issues), { cause: result.error });
  return toConfig(result.data);
};

export const loadConfig = (path: string): Config => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(path, [`(file): cannot read: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`], { cause });
  }
  return parseConfig(text, path);
};

export const findGroup = (config: Config, name: string): GroupConfig => {
  const g = config.groups.find((x) => x.name === name || x.autoScalingGroupName === name);
  if (!g) throw new UnknownGroupError(name, config.groups.map((x) => x.name));
  return g;
};
