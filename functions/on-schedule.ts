// onSchedule: the regular tick reconciles every group (this is what scales in and follows the windows),
// or only the groups a rule's input names.
import { findGroups } from '../controller/find-groups';
import { reconcile } from '../controller/reconcile';
import { parseScheduleEvent, type ScheduleEvent } from '../events/schedule-event';
import { defaultRuntime, type Runtime } from './runtime';
import { instrument, telemetry } from './telemetry';
import { summarizeRun, throwIfFailed, type GroupSummary } from './run-summary';

/** The run once the event is parsed: the simulator calls it with the parse of the tick it would build (sim/policies/controller.ts). */
export const runSchedule = async (rt: Runtime, schedule: ScheduleEvent): Promise<GroupSummary[]> => {
  const groups = findGroups(rt.config, schedule.groups);
  const run = await reconcile({ cloud: rt.cloud, groups, now: rt.now(), dryRun: rt.dryRun, log: rt.record, trigger: { kind: 'schedule', rule: schedule.rule } });
  throwIfFailed(run);
  return summarizeRun(run);
};

export const makeOnSchedule = (runtime: () => Runtime) => async (event: unknown): Promise<GroupSummary[]> => runSchedule(runtime(), parseScheduleEvent(event));

export const handler = instrument(makeOnSchedule(defaultRuntime), telemetry());
