// What the generated resources depend on: the stage, the validated config, and the deploy's parameters.
// Every physical name is derived here from the stage, so dev and prod can share one account.
import type { Config } from '../policies/config';

export interface DeployContext {
  readonly stage: string;
  readonly region: string;
  readonly config: Config;
  /** ALB CloudWatch dimensions (app/<name>/<id>, targetgroup/<name>/<id>) for a group whose config names neither. */
  readonly albDimension?: string;
  readonly tgDimension?: string;
  /** The "no decision" alarm fires after this many minutes without one decided group. */
  readonly noDecisionMinutes: number;
  /** Who is paged: an SNS subscription (email, https, sms, ...); none when no endpoint is given. */
  readonly page?: { readonly protocol: string; readonly endpoint: string };
}

export const SERVICE_NAME = 'cinemahint-autoscaler';
export const FUNCTIONS = ['onAlarm', 'onSchedule', 'replaceUnhealthy', 'onSpotInterruption', 'manual'] as const;

export const names = (stage: string) => {
  const base = `${SERVICE_NAME}-${stage}`;
  return {
    base,
    /** Group alarms are `<prefix>-<group>-<metric>-<high|low>` (and `<prefix>-<group>-unhealthy-hosts`): the onAlarm rule matches the prefix. */
    alarmPrefix: `autoscaler-${stage}`,
    functionName: (fn: string) => `${base}-${fn}`,
    logGroup: (fn: string) => `/aws/lambda/${base}-${fn}`,
    /** The controller's own alarms: not under alarmPrefix, so they never wake the controller. */
    pagingAlarm: (what: string) => `${base}-${what}`,
    dashboard: base,
    queue: `${base}-failed-invocations`,
    query: (what: string) => `${base}/${what}`,
  };
};

/** CloudFormation logical IDs are alphanumeric: the group's name in PascalCase plus a short hash, so `web-api` and `webapi` differ. */
export const logicalId = (...parts: string[]): string => {
  const hash = (s: string): string => {
    let h = 5381;
    for (const c of s) h = ((h * 33) ^ c.charCodeAt(0)) >>> 0;
    return h.toString(16).slice(0, 6);
  };
  return parts.map((p) => p.split(/[^A-Za-z0-9]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')).join('') + hash(parts.join('/'));
};
