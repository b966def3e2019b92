// onAlarm: a CloudWatch alarm changed state (EventBridge or SNS): reconcile the group it speaks for.
// ALARM and OK both reconcile: the controller is level-triggered and decides from the whole snapshot.
import { groupForAlarm } from '../controller/alarm-group';
import { reconcile } from '../controller/reconcile';
import { parseAlarmEvent } from '../events/alarm-event';
import { defaultRuntime, type Runtime } from './runtime';
import { instrument, telemetry } from './telemetry';
import { summarizeRun, throwIfFailed, type GroupSummary } from './run-summary';

export const makeOnAlarm = (runtime: () => Runtime) => async (event: unknown): Promise<GroupSummary[]> => {
  const rt = runtime();
  const alarm = parseAlarmEvent(event);
  const group = groupForAlarm(rt.config, alarm, rt.alarmPrefix);
  const run = await reconcile({
    cloud: rt.cloud, groups: [group], now: rt.now(), dryRun: rt.dryRun, log: rt.record,
    trigger: { kind: 'alarm', alarmName: alarm.alarmName, state: alarm.state, source: alarm.source },
  });
  throwIfFailed(run);
  return summarizeRun(run);
};

export const handler = instrument(makeOnAlarm(defaultRuntime), telemetry());
