// Manual actions (the manual function and the CLI share them): validate against the group alone, write the
// tags, then reconcile with those tags laid over the snapshot so the decision takes effect in the same run.
// A CloudWatch outage must not block a pause: the reconcile may then hold on no data, and says so apart.
import type { Config, GroupConfig } from '../policies/config';
import type { Snapshot } from '../policies/snapshot';
import { TAGS } from '../policies/tags';
import { healthFloor } from '../policies/unhealthy';
import type { ManualPayload } from '../events/manual-payload';
import type { DecisionRecord } from './decision-record';
import { EventParseError } from './errors';
import { findGroup } from './find-groups';
import type { Cloud, Observation } from './port';
import { reconcile, type RunResult } from './reconcile';
import { parseDuration } from './time-arg';
import type { Trigger } from './trigger';
import type { Write } from './writes';

export const MAX_OVERRIDE_MS = 7 * 24 * 3600_000;
export const DEFAULT_OVERRIDE_MS = 3600_000;

export interface ManualOptions {
  readonly cloud: Cloud;
  readonly config: Config;
  readonly now: number;
  readonly dryRun: boolean;
  readonly by: 'lambda' | 'cli';
  readonly log: (record: DecisionRecord) => void;
}

export interface ManualResult extends RunResult {
  readonly action: ManualPayload['action'];
  /** Tag writes made before the reconcile (none in dry run). */
  readonly tagWrites: readonly Write[];
  /** The tag part failed (then no reconcile ran): its error. */
  readonly tagError?: string;
  /** Whether a reconcile ran after the tags (not when validation or the tags failed). */
  readonly reconciled: boolean;
}

const expiry = (p: { for?: string; until?: string }, now: number, required: boolean): number | undefined => {
  if (p.for && p.until) throw new EventParseError(['payload: give either for or until, not both']);
  const field = p.for ? 'payload.for' : 'payload.until';
  const given = p.for ?? p.until;
  const at = p.for ? now + parseDuration(p.for, 'payload.for') * 1000 : p.until ? Date.parse(p.until) : undefined;
  if (at === undefined) {
    if (required) throw new EventParseError(['payload: needs for (e.g. "1h") or until (an ISO-8601 time)']);
    return undefined;
  }
  if (!Number.isFinite(at)) throw new EventParseError([`${field}: "${given}" is not a time`]);
  // Checked before any formatting: a duration like 99999999d lies past the end of ECMAScript time, where
  // toISOString() itself throws ("Invalid time value") and the message would never be built.
  if (at - now > MAX_OVERRIDE_MS) throw new EventParseError([`${field}: "${given}" ends more than 7 days from now; overrides must end on their own`]);
  if (at <= now) throw new EventParseError([`${field}: the expiry ${new Date(at).toISOString()} is not in the future`]);
  return at;
};

const iso = (t: number): string => new Date(t).toISOString();

const failedRecord = (g: GroupConfig, trigger: Trigger, now: number, error: Error, dryRun: boolean): DecisionRecord => ({
  group: g.name, trigger, at: iso(now), outcome: 'failed', reasonCodes: [], writes: [], written: [], dryRun,
  error: { name: error.name, ...('code' in error ? { code: String(error.code) } : {}), message: error.message }, durationMs: 0,
});

/** Tags to set (string) or delete (undefined) for an action on one group. */
const tagChanges = (p: ManualPayload, g: GroupConfig, now: number): Record<string, string | undefined> => {
  switch (p.action) {
    case 'set-capacity': {
      if (p.desired < g.capacity.min || p.desired > g.capacity.max) {
        throw new EventParseError([`payload.desired: ${p.desired} is outside the bounds of group ${g.name} (${g.capacity.min}..${g.capacity.max})`]);
      }
      const until = expiry(p, now, false) ?? now + DEFAULT_OVERRIDE_MS;
      return { [TAGS.overrideDesired]: String(p.desired), [TAGS.overrideUntil]: iso(until) };
    }
    case 'pause':
      return { [TAGS.pausedUntil]: iso(expiry(p, now, true)!) };
    case 'resume':
      return { [TAGS.pausedUntil]: undefined, [TAGS.overrideDesired]: undefined, [TAGS.overrideUntil]: undefined, [TAGS.mode]: undefined, [TAGS.modeUntil]: undefined };
    case 'set-mode': {
      const until = expiry(p, now, false);
      return { [TAGS.mode]: p.mode, [TAGS.modeUntil]: until === undefined ? undefined : iso(until) };
    }
    default:
      return {};
  }
};

const tagWritesFor = (group: string, changes: Record<string, string | undefined>, observedTags: Readonly<Record<string, string>>): Write[] => {
  const put = Object.fromEntries(Object.entries(changes).filter((e): e is [string, string] => e[1] !== undefined));
  // Deleting a tag that is not there is a needless write (and an error on some endpoints).
  const del = Object.entries(changes).filter(([k, v]) => v === undefined && k in observedTags).map(([k]) => k);
  return [
    ...(Object.keys(put).length > 0 ? [{ kind: 'putTags' as const, group, tags: put }] : []),
    ...(del.length > 0 ? [{ kind: 'deleteTags' as const, group, keys: del }] : []),
  ];
};

const replaceOne = async (p: Extract<ManualPayload, { action: 'replace' }>, g: GroupConfig, obs: Observation, opts: ManualOptions, trigger: Trigger): Promise<ManualResult> => {
  const snapshot = obs.snapshots.get(g.name)!;
  const inService = snapshot.group.instances.filter((i) => i.lifecycle === 'InService');
  if (!snapshot.group.instances.some((i) => i.id === p.instanceId)) {
    throw new EventParseError([`payload.instanceId: ${p.instanceId} is not an instance of group ${g.name} (${snapshot.group.instances.map((i) => i.id).join(', ') || 'no instances'})`]);
  }
  if (!inService.some((i) => i.id === p.instanceId)) throw new EventParseError([`payload.instanceId: ${p.instanceId} is not InService; the ASG is already handling it`]);
  const floor = healthFloor(snapshot.group.desired, g.health);
  if (inService.length - 1 < floor) {
    throw new EventParseError([`payload.instanceId: replacing ${p.instanceId} would leave ${inService.length - 1} in service, below the floor of ${floor} (${g.health.minInServicePercent} % of ${snapshot.group.desired}); scale out first`]);
  }
  const w: Write = { kind: 'setInstanceUnhealthy', group: g.autoScalingGroupName, instanceId: p.instanceId };
  let error: Error | undefined;
  if (!opts.dryRun) await opts.cloud.write(w).catch((e: Error) => { error = e; });
  const record: DecisionRecord = {
    group: g.name, trigger, at: iso(opts.now), outcome: error ? 'failed' : opts.dryRun ? 'dry-run' : 'changed', reasonCodes: ['REPLACE_MANUAL'],
    writes: [w], written: error || opts.dryRun ? [] : [w], dryRun: opts.dryRun, durationMs: 0, snapshot,
    ...(error ? { error: { name: error.name, message: error.message } } : {}),
  };
  opts.log(record);
  return { action: p.action, tagWrites: [], records: [record], failed: error ? [record] : [], reconciled: false };
};

export const runManual = async (payload: ManualPayload, opts: ManualOptions): Promise<ManualResult> => {
  const trigger: Trigger = { kind: 'manual', action: payload.action, by: opts.by };
  if (payload.action === 'plan' || payload.action === 'reconcile') {
    const groups = payload.group ? [findGroup(opts.config, payload.group)] : opts.config.groups;
    const run = await reconcile({ cloud: opts.cloud, groups, now: opts.now, trigger, dryRun: opts.dryRun || payload.action === 'plan', log: opts.log });
    return { action: payload.action, tagWrites: [], reconciled: true, ...run };
  }
  const g = findGroup(opts.config, payload.group);
  const changes = tagChanges(payload, g, opts.now); // validates before anything is read or written
  const fail = (error: Error, tagWrites: readonly Write[] = [], tagError?: string): ManualResult => {
    const record = failedRecord(g, trigger, opts.now, error, opts.dryRun);
    opts.log(record);
    return { action: payload.action, tagWrites, records: [record], failed: [record], reconciled: false, ...(tagError ? { tagError } : {}) };
  };
  // Validate against the group alone: metrics and target health are not needed to write a tag.
  const observation = await opts.cloud.observe([g], opts.now, { scope: 'group' }).catch((e: Error) => ({ snapshots: new Map<string, Snapshot>(), failures: new Map([[g.name, e]]) }));
  const snapshot = observation.snapshots.get(g.name);
  if (!snapshot) return fail(observation.failures.get(g.name) ?? new Error('not observed'));
  if (payload.action === 'replace') return replaceOne(payload, g, observation, opts, trigger);
  const tagWrites = tagWritesFor(g.autoScalingGroupName, changes, snapshot.group.tags);
  const written: Write[] = [];
  if (!opts.dryRun) {
    for (const w of tagWrites) {
      try {
        await opts.cloud.write(w);
        written.push(w);
      } catch (e) {
        // Tags not written: reconciling would act without the operator's intent, so stop here.
        return fail(e as Error, written, (e as Error).message);
      }
    }
  }
  const run = await reconcile({
    cloud: opts.cloud, groups: [g], now: opts.now, trigger, dryRun: opts.dryRun, log: opts.log, tagOverlay: changes, observeOptions: { metrics: 'optional' },
  });
  return { action: payload.action, tagWrites: written, reconciled: true, ...run };
};
