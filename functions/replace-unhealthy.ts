// replaceUnhealthy: on the unhealthy-host alarm (or a rule naming groups), the health part of the decision only.
// The plain every-minute tick is folded into onSchedule's, which already replaces unhealthy targets with the same
// rules: one read of every group per minute, not two (README, "Reads per run").
import { groupForAlarm } from '../controller/alarm-group';
import { findGroups } from '../controller/find-groups';
import { reconcile } from '../controller/reconcile';
import type { Trigger } from '../controller/trigger';
import type { GroupConfig } from '../policies/config';
import { parseAlarmEvent } from '../events/alarm-event';
import { parseScheduleEvent, type ScheduleEvent } from '../events/schedule-event';
import { defaultRuntime, type Runtime } from './runtime';
import { instrument, telemetry } from './telemetry';
import { summarizeRun, throwIfFailed, type GroupSummary } from './run-summary';

const isAlarm = (event: unknown): boolean =>
  !!event && typeof event === 'object' && ('Records' in event || (event as Record<string, unknown>)['detail-type'] === 'CloudWatch Alarm State Change');

const healthRun = async (rt: Runtime, groups: readonly GroupConfig[], trigger: Trigger): Promise<GroupSummary[]> => {
  // The alarm (or the operator's rule) says a target is unhealthy: read target health whatever the metric says.
  const run = await reconcile({ cloud: rt.cloud, groups, now: rt.now(), dryRun: rt.dryRun, log: rt.record, trigger, scope: 'health', observeOptions: { targetHealth: 'always', history: 'never' } });
  throwIfFailed(run);
  return summarizeRun(run);
};

/**
 * A scheduled run once its event is parsed. A rule's input may name groups, as for onSchedule: honour it, each group
 * once. Without one, the tick is onSchedule's: nothing to read here. The simulator calls it with its tick's parse.
 */
export const replaceUnhealthyOnSchedule = async (rt: Runtime, schedule: ScheduleEvent): Promise<GroupSummary[]> =>
  schedule.groups ? healthRun(rt, findGroups(rt.config, schedule.groups), { kind: 'health', via: 'schedule' }) : [];

export const makeReplaceUnhealthy = (runtime: () => Runtime) => async (event: unknown): Promise<GroupSummary[]> => {
  const rt = runtime();
  if (!isAlarm(event)) return replaceUnhealthyOnSchedule(rt, parseScheduleEvent(event));
  const alarm = parseAlarmEvent(event);
  return healthRun(rt, [groupForAlarm(rt.config, alarm, rt.alarmPrefix)], { kind: 'health', via: 'alarm', alarmName: alarm.alarmName });
};

export const handler = instrument(makeReplaceUnhealthy(defaultRuntime), telemetry());
