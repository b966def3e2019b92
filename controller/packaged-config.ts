// The config as the Lambda functions read it: validated at package time (deploy/package-config.ts, with the zod
// schema of controller/config-schema.ts) and written as JSON, so a cold start parses JSON and imports neither yaml
// nor the schema. The file carries a format tag, so a zip can never be read with another version's reader.
import type { Config } from '../policies/config';
import { readConfigText } from './config-file';
import { ConfigError } from './errors';

/** Bumped when the Config shape changes in a way an older reader would misread. */
export const PACKAGED_CONFIG_FORMAT = 'cinemahint-autoscaler/packaged-config@1';

export interface PackagedConfig {
  readonly format: typeof PACKAGED_CONFIG_FORMAT;
  /** The YAML file it was validated from, for the operator who reads a zip. */
  readonly source: string;
  readonly config: Config;
}

export const toPackagedConfig = (config: Config, source: string): PackagedConfig => ({ format: PACKAGED_CONFIG_FORMAT, source, config });

/** A packaged config's text back to the Config; anything but this format is refused by name, not half-read. */
export const parsePackagedConfig = (text: string, source: string): Config => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(source, [`(file): not valid JSON: ${(cause as Error).message}`], { cause });
  }
  const p = raw as Partial<PackagedConfig> | null;
  if (typeof p !== 'object' || p === null || p.format !== PACKAGED_CONFIG_FORMAT) {
    const got = typeof p === 'object' && p !== null && 'format' in p ? JSON.stringify(p.format) : 'none';
    throw new ConfigError(source, [`format: must be "${PACKAGED_CONFIG_FORMAT}" (the file \`serverless package\` writes from the YAML config), got ${got}`]);
  }
  if (typeof p.config !== 'object' || p.config === null || !Array.isArray(p.config.groups) || typeof p.config.dryRun !== 'boolean') {
    throw new ConfigError(source, ['config: must be the validated config ({dryRun, groups: [...]}) that `serverless package` writes']);
  }
  return p.config;
};

export const readPackagedConfig = (path: string): Config => parsePackagedConfig(readConfigText(path), path);
