// replaceUnhealthy: every minute and on the unhealthy-host alarm, the health part of the decision only.
import { groupForAlarm } from '../controller/alarm-group';
import { reconcile } from '../controller/reconcile';
import type { Trigger } from '../controller/trigger';
import { parseAlarmEvent } from '../events/alarm-event';
import { parseScheduleEvent } from '../events/schedule-event';
import { defaultRuntime, type Runtime } from './runtime';
import { instrument, telemetry } from './telemetry';
import { summarizeRun, throwIfFailed, type GroupSummary } from './run-summary';

const isAlarm = (event: unknown): boolean =>
  !!event && typeof event === 'object' && ('Records' in event || (event as Record<string, unknown>)['detail-type'] === 'CloudWatch Alarm State Change');

export const makeReplaceUnhealthy = (runtime: () => Runtime) => async (event: unknown): Promise<GroupSummary[]> => {
  const rt = runtime();
  let groups = rt.config.groups;
  let trigger: Trigger = { kind: 'health', via: 'schedule' };
  if (isAlarm(event)) {
    const alarm = parseAlarmEvent(event);
    groups = [groupForAlarm(rt.config, alarm)];
    trigger = { kind: 'health', via: 'alarm', alarmName: alarm.alarmName };
  } else {
    parseScheduleEvent(event);
  }
  const run = await reconcile({ cloud: rt.cloud, groups, now: rt.now(), dryRun: rt.dryRun, log: rt.record, trigger, scope: 'health' });
  throwIfFailed(run);
  return summarizeRun(run);
};

export const handler = instrument(makeReplaceUnhealthy(defaultRuntime), telemetry());
