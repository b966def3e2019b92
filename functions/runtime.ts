// What every handler needs, built once per container: config, AWS clients, the Cloud port, the record sink, the clock.
import { createAwsCloud } from '../aws/aws-cloud';
import { createClients } from '../aws/clients';
import { loadConfig } from '../controller/config';
import type { DecisionRecord } from '../controller/decision-record';
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

export const createRuntime = (env: NodeJS.ProcessEnv = process.env): Runtime => {
  const config = loadConfig(env.AUTOSCALER_CONFIG ?? 'config/autoscaler.yaml');
  return {
    config,
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
