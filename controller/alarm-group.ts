// Which managed group an alarm speaks for, exactly: by its dimensions first (AutoScalingGroupName, then
// TargetGroup, then LoadBalancer), else by the exact name pattern `<prefix>-<group>-<metric>-<state>`, where the
// prefix is the stage's (`autoscaler-<stage>`, AUTOSCALER_ALARM_PREFIX), so one stage never reads another's alarms.
// Never by "first prefix wins": with groups `web` and `web-api`, `autoscaler-web-api-latency-high` is web-api's.
import type { AlarmEvent } from '../events/alarm-event';
import type { Config, GroupConfig } from '../policies/config';
import { UnknownGroupError } from './errors';

/** The alarms this project names (serverless.yml): a metric from this list, then a state. */
export const ALARM_METRICS = ['cpu', 'memory', 'latency', 'error-rate', 'requests'] as const;
export const ALARM_STATES = ['high', 'low'] as const;

export const DEFAULT_ALARM_PREFIX = 'autoscaler';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = (prefix: string): RegExp =>
  new RegExp(`^${escape(prefix)}-(.+)-(?:(?:${ALARM_METRICS.join('|')})-(?:${ALARM_STATES.join('|')})|unhealthy-hosts)$`);

/** The group named by an alarm name of this project's pattern, or undefined when it does not follow it. */
export const groupNameOfAlarm = (alarmName: string, prefix: string = DEFAULT_ALARM_PREFIX): string | undefined => pattern(prefix).exec(alarmName)?.[1];

const dim = (alarm: AlarmEvent, name: string): string | undefined => alarm.dimensions.find((d) => d.name === name)?.value;

/** Exactly one group, or none: a dimension shared by several groups does not decide. */
const only = (found: readonly GroupConfig[]): GroupConfig | undefined => (found.length === 1 ? found[0] : undefined);

export const groupForAlarm = (config: Config, alarm: AlarmEvent, prefix: string = DEFAULT_ALARM_PREFIX): GroupConfig => {
  const asg = dim(alarm, 'AutoScalingGroupName');
  const tg = dim(alarm, 'TargetGroup');
  const lb = dim(alarm, 'LoadBalancer');
  const unknown = (what: string): UnknownGroupError => new UnknownGroupError(`${what} (from alarm ${alarm.alarmName})`, config.groups.map((g) => g.name));
  // The ASG dimension is authoritative: an alarm on an unmanaged ASG is not ours, whatever its name says.
  if (asg !== undefined) {
    const g = only(config.groups.filter((x) => x.autoScalingGroupName === asg));
    if (!g) throw unknown(asg);
    return g;
  }
  const byTarget = tg === undefined ? undefined : only(config.groups.filter((g) => g.targetGroupArns.some((arn) => arn.endsWith(`:${tg}`))));
  if (byTarget) return byTarget;
  const byBalancer = lb === undefined ? undefined : only(config.groups.filter((g) => g.loadBalancerArn?.endsWith(`:loadbalancer/${lb}`)));
  if (byBalancer) return byBalancer;
  const named = groupNameOfAlarm(alarm.alarmName, prefix);
  const byName = named === undefined ? undefined : config.groups.find((g) => g.name === named);
  if (byName) return byName;
  throw unknown(named ?? tg ?? lb ?? alarm.alarmName);
};
