// replaceUnhealthy: on the unhealthy-host alarm (or a rule naming groups), the health part of the decision only.
// The plain every-minute tick is folded into onSchedule's, which already replaces unhealthy targets with the same
// rules: one read of every group per minute, not two (README, "Reads per run").
import { groupForAlarm } from '../controller/alarm-group';
import { findGroups } from '../controller/find-groups';
import { reconcile } from '../controller/reconcile';
import type { Trigger } from '../controller/trigger';
import type { GroupConfig } from '../policies/config';
import { parseAlarmEvent } from '../events/alarm-event';
import { parseScheduleEvent } from '../events/schedule-event';
import { defaultRuntime, type Runtime } from './runtime';
import { instrument, telemetry } from './telemetry';
import { summarizeRun, throwIfFailed, type GroupSummary } from './run-summary';

const isAlarm = (event: unknown): boolean =>
  !!event && typeof event === 'object' && ('Records' in event || (event as Record<string, unknown>)['detail-type'] === 'CloudWatch Alarm State Change');

export const makeReplaceUnhealthy = (runtime: () => Runtime) => async (event: unknown): Promise<GroupSummary[]> => {
  const rt = runtime();
  let groups: readonly GroupConfig[];
  let trigger: Trigger = { kind: 'health', via: 'schedule' };
  if (isAlarm(event)) {
    const alarm = parseAlarmEvent(event);
    groups = [groupForAlarm(rt.config, alarm, rt.alarmPrefix)];
    trigger = { kind: 'health', via: 'alarm', alarmName: alarm.alarmName };
  } else {
    // A rule's input may name groups, as for onSchedule: honour it, each group once. Without one, the tick is
    // onSchedule's: nothing to read here.
    const schedule = parseScheduleEvent(event);
    if (!schedule.groups) return [];
    groups = findGroups(rt.config, schedule.groups);
  }
  // The alarm (or the operator's rule) says a target is unhealthy: read target health whatever the metric says.
  const run = await reconcile({ cloud: rt.cloud, groups, now: rt.now(), dryRun: rt.dryRun, log: rt.record, trigger, scope: 'health', observeOptions: { targetHealth: 'always', history: 'never' } });
  throwIfFailed(run);
  return summarizeRun(run);
};

export const handler = instrument(makeReplaceUnhealthy(defaultRuntime), telemetry());
