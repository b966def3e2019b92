// onSpotInterruption: EC2's at-risk signals for a Spot Instance (EventBridge "EC2 Spot Instance Interruption Warning"
// and "EC2 Instance Rebalance Recommendation") launch the replacement before the instance goes, once per instance.
import { handleAtRisk, type IgnoredSignal } from '../controller/spot-signal';
import { parseSpotEvent, type SpotEvent } from '../events/spot-interruption-event';
import { defaultRuntime, type Runtime } from './runtime';
import { instrument, telemetry } from './telemetry';
import { summarizeRun, throwIfFailed, type GroupSummary } from './run-summary';

export interface SpotResponse {
  readonly signal: SpotEvent;
  readonly groups: readonly GroupSummary[];
  /** The instance is in no managed group: reported with why, nothing written. */
  readonly ignored: readonly IgnoredSignal[];
}

export const makeOnSpotInterruption = (runtime: () => Runtime) => async (event: unknown): Promise<SpotResponse> => {
  const rt = runtime();
  // A malformed event throws EventParseError naming each problem, before anything is read or written.
  const signal = parseSpotEvent(event);
  const result = await handleAtRisk([signal], {
    cloud: rt.cloud, config: rt.config, now: rt.now(), dryRun: rt.dryRun, log: rt.record,
    trigger: { kind: 'spot', signal: signal.kind, instanceId: signal.instanceId },
  });
  // The rule sees every Spot instance of the region: one outside the managed groups is expected, logged, not an error
  // (a throw would be retried twice and dead-lettered, paging for every unmanaged Spot instance).
  for (const i of result.ignored) telemetry().logger.info(`spot signal ignored: ${i.message}`, { code: i.code, instanceId: i.instanceId, kind: i.kind });
  throwIfFailed(result);
  return { signal, groups: summarizeRun(result), ignored: result.ignored };
};

export const handler = instrument(makeOnSpotInterruption(defaultRuntime), telemetry());
