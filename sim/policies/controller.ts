// The controller under test: the real Lambda handlers over the Cloud port, woken as in production:
// onSchedule and replaceUnhealthy every minute (from their tick's parse, TICKS), onAlarm on every alarm state change,
// onSpotInterruption on every Spot interruption warning and rebalance recommendation the world's EC2 sends.
import { makeOnAlarm } from '../../functions/on-alarm';
import { runSchedule } from '../../functions/on-schedule';
import { makeOnSpotInterruption } from '../../functions/on-spot-interruption';
import { makeReplaceUnhealthy, replaceUnhealthyOnSchedule } from '../../functions/replace-unhealthy';
import type { Runtime } from '../../functions/runtime';
import type { ScheduleEvent } from '../../events/schedule-event';
import type { GroupConfig } from '../../policies/config';
import { evaluateAlarm, type AlarmSpec, type AlarmState } from '../metric-store';
import { createSimCloud, type SimCloudLog } from '../sim-cloud';
import type { World } from '../world';
import { spotEventsOf } from '../world-controls';
import type { Policy, PolicyRecord } from './policy';

/** The alarms serverless.yml creates for a group, in the simulator's CloudWatch. */
export const alarmsFor = (c: GroupConfig): AlarmSpec[] => {
  const a = (what: string, metric: AlarmSpec['metric'], threshold: number, comparison: AlarmSpec['comparison'], periods: number): AlarmSpec => ({
    name: `autoscaler-${c.name}-${what}`, metric, threshold, comparison, evaluationPeriods: periods, datapointsToAlarm: periods,
  });
  return [
    ...(c.policies.cpu ? [a('cpu-high', 'cpu', c.policies.cpu.alarm, 'gt', 3)] : []),
    ...(c.policies.memory ? [a('memory-high', 'memory', c.policies.memory.alarm, 'gt', 3)] : []),
    ...(c.policies.latency ? [a('latency-high', 'latency', c.policies.latency.ceilingSeconds, 'gt', 3)] : []),
    ...(c.policies.errorRate ? [a('error-rate-high', 'errorRate', c.policies.errorRate.ceilingPercent, 'gt', 3)] : []),
    a('unhealthy-hosts', 'unhealthyHosts', 1, 'gte', 2),
  ];
};

const alarmEvent = (alarmName: string, state: AlarmState, now: number) => ({
  version: '0', id: `sim-${now}`, 'detail-type': 'CloudWatch Alarm State Change', source: 'aws.cloudwatch', account: '123456789012',
  time: new Date(now).toISOString(), region: 'us-east-1', resources: [], detail: { alarmName, state: { value: state } },
});
/** The EventBridge Scheduled Event of a rule: what the ticks would carry (their parse is TICKS', tested). */
export const tick = (rule: string, now: number) => ({
  version: '0', id: `sim-${now}`, 'detail-type': 'Scheduled Event', source: 'aws.events', account: '123456789012',
  time: new Date(now).toISOString(), region: 'us-east-1', resources: [`arn:aws:events:us-east-1:123456789012:rule/${rule}`], detail: {},
});

/**
 * parseScheduleEvent of tick(rule, now) at any now: the simulator hands the ticks' runs this, not an event to parse
 * (a zod parse of an event it built itself, twice a minute, was about 7 % of a run); the alarms and Spot signals it
 * still sends as events. test/sim/controller-ticks.test.ts checks the two agree.
 */
export const TICKS: Readonly<Record<'schedule' | 'health', ScheduleEvent>> = { schedule: { rule: 'autoscaler-tick' }, health: { rule: 'autoscaler-health-tick' } };

export const controller = (world: World): Policy => {
  // The whole record (snapshot, plan) is built by the handlers as in Lambda; a run keeps only what it reads.
  const records: PolicyRecord[] = [];
  const log: SimCloudLog = { writes: [] };
  const config = world.config;
  const rt: Runtime = {
    config: { dryRun: false, groups: [config] }, cloud: createSimCloud(world.group, world.store, () => world.now, log),
    record: (r) => records.push({ reasonCodes: r.reasonCodes, written: r.written }), now: () => world.now, dryRun: false,
  };
  const onAlarm = makeOnAlarm(() => rt);
  const replaceUnhealthy = makeReplaceUnhealthy(() => rt);
  const onSpotInterruption = makeOnSpotInterruption(() => rt);
  const alarms = alarmsFor(config);
  const states = new Map<string, AlarmState>();

  const control = async (now: number): Promise<void> => {
    world.now = now;
    // EventBridge delivers EC2's Spot signals within seconds: the minute's warnings reach the handler before the tick.
    for (const event of spotEventsOf(world)) await onSpotInterruption(event);
    for (const spec of alarms) {
      const state = evaluateAlarm(spec, world.store, now);
      if (state === (states.get(spec.name) ?? 'OK') || state === 'INSUFFICIENT_DATA') continue;
      states.set(spec.name, state);
      const event = alarmEvent(spec.name, state, now);
      await onAlarm(event);
      if (spec.metric === 'unhealthyHosts' && state === 'ALARM') await replaceUnhealthy(event);
    }
    await runSchedule(rt, TICKS.schedule);
    await replaceUnhealthyOnSchedule(rt, TICKS.health);
  };
  return {
    name: 'controller', describe: 'this project: CPU, memory, latency, error and request-rate policies, forecast floor, warm pool, windows, capacity modes, Spot signals, health replacement', control, records,
  };
};
