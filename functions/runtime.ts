// What every handler needs, built once per container: config, AWS clients, the Cloud port, the record sink, the clock.
import { createAwsCloud } from '../aws/aws-cloud';
import { createClients } from '../aws/clients';
import type { DecisionRecord } from '../controller/decision-record';
import { ConfigError } from '../controller/errors';
import { readPackagedConfig } from '../controller/packaged-config';
import type { Cloud } from '../controller/port';
import type { Config } from '../policies/config';
import { recordDecision, telemetry } from './telemetry';

export { SERVICE } from './metric-names';
export { logDecision } from './telemetry';

export interface Runtime {
  readonly config: Config;
  readonly cloud: Cloud;
  /** Where each decision record goes: the Powertools logger in Lambda, a collector in the simulator. */
  readonly record: (record: DecisionRecord) => void;
  readonly now: () => number;
  /** AUTOSCALER_DRY_RUN=true, or the config's own dryRun. */
  readonly dryRun: boolean;
  /** The stage's alarm-name prefix (AUTOSCALER_ALARM_PREFIX, `autoscaler-<stage>`); `autoscaler` outside a stage. */
  readonly alarmPrefix?: string;
}

/** Where `serverless package` puts the packaged config in each zip (serverless.yml custom.packagedConfig.target). */
export const PACKAGED_CONFIG_PATH = 'dist/config.json';

// The functions read only the JSON that the package step validated and wrote (deploy/package-config.ts): no yaml
// and no zod config schema at cold start. The CLI and the simulator read the YAML themselves (controller/config.ts).
const loadRuntimeConfig = (path: string) => {
  if (!path.endsWith('.json')) {
    throw new ConfigError(path, ['(file): the functions read the packaged JSON config that `serverless package` writes from the YAML (serverless.yml custom.packagedConfig), not the YAML itself']);
  }
  return readPackagedConfig(path);
};

export const createRuntime = (env: NodeJS.ProcessEnv = process.env): Runtime => {
  const config = loadRuntimeConfig(env.AUTOSCALER_CONFIG ?? PACKAGED_CONFIG_PATH);
  return {
    config,
    // In the bundles, the SDK's default credential chain is the environment's alone (aws/lambda-credentials.ts).
    cloud: createAwsCloud(createClients()),
    record: recordDecision(telemetry()),
    now: () => Date.now(),
    dryRun: env.AUTOSCALER_DRY_RUN === 'true' || config.dryRun,
    alarmPrefix: env.AUTOSCALER_ALARM_PREFIX,
  };
};

let shared: Runtime | undefined;
/** Lazily, so that importing a handler (tests, the CLI) reads no file and builds no client. */
export const defaultRuntime = (): Runtime => (shared ??= createRuntime());
