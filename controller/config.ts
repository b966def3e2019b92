// Loads and validates the configuration file once; every problem is reported as `path: reason`.
import { parse as parseYaml } from 'yaml';
import type * as z from 'zod';
import type { Config } from '../policies/config';
import { configSchema, prototypeKeyProblems, toConfig } from './config-schema';
import { readConfigText } from './config-file';
import { ConfigError } from './errors';

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

export const loadConfig = (path: string): Config => parseConfig(readConfigText(path), path);

// The group look-ups live in find-groups.ts (no yaml, no schema); re-exported for the CLI and the tests.
export { findGroup, findGroups } from './find-groups';
