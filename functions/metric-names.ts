// The controller's own metrics (EMF), named once: emitted by functions/telemetry.ts, read by the alarms and the
// dashboard that deploy/ generates. Dimensions: run metrics {service, stage}; group metrics {service, stage, group}.

export const METRIC_NAMESPACE = 'CinemaHintAutoscaler';
export const SERVICE = 'cinemahint-autoscaler';

/** Once per group per run. Action and outcome also travel as EMF properties (`action`, `outcome`) for Logs Insights. */
export const GROUP_METRICS = {
  desiredBefore: 'DesiredBefore',
  desiredAfter: 'DesiredAfter',
  /** Instances handed to the ASG for replacement this run. */
  replaced: 'Replaced',
  /** 1 when the run wrote to the group (outcome "changed"), else 0. */
  changed: 'Changed',
  /** 1 when the group failed this run, else 0. */
  failed: 'Failed',
  /** 1 when the unhealthy-replacement breaker is open (BREAKER_OPEN), else 0. */
  breakerOpen: 'BreakerOpen',
} as const;

/** Once per run: the heartbeat behind the "no decision for N minutes" alarm is GroupsDecided. */
export const RUN_METRICS = {
  groupsDecided: 'GroupsDecided',
  groupFailures: 'GroupFailures',
  runDuration: 'RunDuration',
} as const;
