// onSchedule: the regular tick reconciles every group (this is what scales in and follows the windows),
// or only the groups a rule's input names.
import { findGroups } from '../controller/find-groups';
import { reconcile } from '../controller/reconcile';
import { parseScheduleEvent } from '../events/schedule-event';
import { defaultRuntime, type Runtime } from './runtime';
import { instrument, telemetry } from './telemetry';
import { summarizeRun, throwIfFailed, type GroupSummary } from './run-summary';

export const makeOnSchedule = (runtime: () => Runtime) => async (event: unknown): Promise<GroupSummary[]> => {
  const rt = runtime();
  const schedule = parseScheduleEvent(event);
  const groups = findGroups(rt.config, schedule.groups);
  const run = await reconcile({ cloud: rt.cloud, groups, now: rt.now(), dryRun: rt.dryRun, log: rt.record, trigger: { kind: 'schedule', rule: schedule.rule } });
  throwIfFailed(run);
  return summarizeRun(run);
};

export const handler = instrument(makeOnSchedule(defaultRuntime), telemetry());
