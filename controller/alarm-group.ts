// Which managed group an alarm speaks for: its AutoScalingGroupName or TargetGroup dimension, else its name prefix.
import type { AlarmEvent } from '../events/alarm-event';
import type { Config, GroupConfig } from '../policies/config';
import { UnknownGroupError } from './errors';

/** Alarms this project creates are named `autoscaler-<group>-<what>`. */
export const alarmPrefix = (group: string): string => `autoscaler-${group}-`;

export const groupForAlarm = (config: Config, alarm: AlarmEvent): GroupConfig => {
  const asg = alarm.dimensions.find((d) => d.name === 'AutoScalingGroupName')?.value;
  const tg = alarm.dimensions.find((d) => d.name === 'TargetGroup')?.value;
  const found =
    (asg && config.groups.find((g) => g.autoScalingGroupName === asg || g.name === asg)) ||
    (tg && config.groups.find((g) => g.targetGroupArns.some((arn) => arn.endsWith(`:${tg}`)))) ||
    config.groups.find((g) => alarm.alarmName.startsWith(alarmPrefix(g.name)));
  if (!found) throw new UnknownGroupError(`${asg ?? tg ?? alarm.alarmName} (from alarm ${alarm.alarmName})`, config.groups.map((g) => g.name));
  return found;
};
