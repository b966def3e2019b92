// Loads and validates the configuration file once; every problem is reported as `path: reason`.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type * as z from 'zod';
import type { Config, GroupConfig } from '../policies/config';
import { configSchema, prototypeKeyProblems, toConfig } from './config-schema';
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
  const reserved = prototypeKeyProblems(raw);
  const result = configSchema.safeParse(raw);
  if (!result.success || reserved.problems.length > 0) {
    // The schema's own complaints about those keys ("Invalid key in record") add nothing to ours.
    const issues = (result.error?.issues ?? []).filter((i) => !(i.path[0] === 'groups' && reserved.keys.includes(String(i.path[1]))));
    const problems = [...reserved.problems, ...formatIssues(issues)].filter((p) => !(reserved.keys.length > 0 && p === 'groups: must name at least one group'));
    throw new ConfigError(source, problems, { cause: result.error });
  }
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

/**
 * The groups a run names (by group or ASG name), each once and in config order; absent: every group.
 * A group named twice (or by both names) runs once, so it is observed and written once.
 */
export const findGroups = (config: Config, names?: readonly string[]): readonly GroupConfig[] => {
  if (!names) return config.groups;
  const wanted = new Set(names.map((n) => findGroup(config, n)));
  return config.groups.filter((g) => wanted.has(g));
};
