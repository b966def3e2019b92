// Finds the configured groups a run names. Apart from the loader so that a Lambda bundle, which reads the packaged
// JSON config (controller/packaged-config.ts), imports neither yaml nor the zod config schema to look a group up.
import type { Config, GroupConfig } from '../policies/config';
import { UnknownGroupError } from './errors';

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
