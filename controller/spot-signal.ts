// Spot at-risk signals (interruption warnings, rebalance recommendations): find each instance's group, plan its
// replacement (policies/spot-interruption.ts), and write SetDesiredCapacity first, then the at-risk tag.
// One group's failure never stops the others; an instance outside the managed groups is reported, never written.
import type { Config, GroupConfig } from '../policies/config';
import { overridesStage } from '../policies/overrides-stage';
import type { Plan } from '../policies/plan';
import { reason, type Reason } from '../policies/reasons';
import type { Snapshot } from '../policies/snapshot';
import { AT_RISK_TAG, planSpotReplacement, type AtRiskSignal, type SpotPlan } from '../policies/spot-interruption';
import { summarize, type DecisionRecord } from './decision-record';
import { CloudError } from './errors';
import type { Cloud } from './port';
import type { Trigger } from './trigger';
import type { Write } from './writes';

export interface SpotOptions {
  readonly cloud: Cloud;
  readonly config: Config;
  readonly now: number;
  readonly dryRun: boolean;
  readonly log: (record: DecisionRecord) => void;
  readonly trigger: Trigger;
}

/** A signal for an instance of no managed group: no write, and why. */
export interface IgnoredSignal {
  readonly instanceId: string;
  readonly kind: AtRiskSignal['kind'];
  readonly code: 'SPOT_AT_RISK_UNKNOWN_INSTANCE';
  readonly message: string;
}

export interface SpotResult {
  readonly records: readonly DecisionRecord[];
  readonly failed: readonly DecisionRecord[];
  readonly ignored: readonly IgnoredSignal[];
}

const iso = (t: number): string => new Date(t).toISOString();

/** Without DescribeAutoScalingInstances (the simulator's port), the managed groups' own instance lists say. */
const locate = async (cloud: Cloud, config: Config, ids: readonly string[], now: number): Promise<ReadonlyMap<string, string>> => {
  if (cloud.locateInstances) return cloud.locateInstances(ids);
  const observed = await cloud.observe(config.groups, now, { scope: 'group' });
  const found = new Map<string, string>();
  for (const s of observed.snapshots.values()) for (const i of s.group.instances) if (ids.includes(i.id)) found.set(i.id, s.group.name);
  return found;
};

/** The at-risk writes: desired first, then the tag (a failed tag write then adds once more on retry, never silently nothing). */
export const spotWrites = (group: string, plan: SpotPlan): Write[] => [
  ...(plan.desired !== undefined ? [{ kind: 'setDesiredCapacity' as const, group, desired: plan.desired }] : []),
  ...(plan.tag === undefined ? [] : plan.tag === null ? [{ kind: 'deleteTags' as const, group, keys: [AT_RISK_TAG] }] : [{ kind: 'putTags' as const, group, tags: { [AT_RISK_TAG]: plan.tag } }]),
];

const toPlan = (g: GroupConfig, s: Snapshot, now: number, reasons: readonly Reason[], o: ReturnType<typeof overridesStage>, desired?: number): Plan => {
  const current = s.group.desired;
  const scaleCode = reasons.find((r) => r.code === 'SPOT_INTERRUPTION_REPLACE' || r.code === 'SPOT_REBALANCE_REPLACE')?.code;
  return {
    group: g.name, autoScalingGroupName: g.autoScalingGroupName, at: now, current: { desired: current, min: s.group.min, max: s.group.max },
    ...(desired !== undefined ? { desired } : {}), replace: [], reasons, recommendations: [], window: o.window?.name ?? null, mode: o.mode,
    effectiveBounds: o.effectiveBounds,
    action: desired !== undefined ? { kind: 'scale', from: current, to: desired, code: scaleCode ?? 'SPOT_INTERRUPTION_REPLACE' } : { kind: 'hold', code: reasons[0]?.code ?? 'SPOT_AT_RISK_ALREADY_REPLACED' },
  };
};

const errorOf = (e: unknown): NonNullable<DecisionRecord['error']> =>
  e instanceof CloudError ? { name: e.name, code: e.code, message: e.message } : { name: (e as Error)?.name ?? 'Error', message: String((e as Error)?.message ?? e) };

const handleGroup = async (g: GroupConfig, s: Snapshot, signals: readonly AtRiskSignal[], opts: SpotOptions): Promise<DecisionRecord> => {
  const o = overridesStage(s, g, opts.now);
  const dryRun = opts.dryRun || g.dryRun;
  const base = { group: g.name, trigger: opts.trigger, at: iso(opts.now), summary: summarize(s), dryRun, durationMs: 0 };
  if (o.paused) {
    // A pause stops every change, this one too: the operator is working on the group.
    const reasons = [reason('PAUSED', `${o.paused.message}: ${signals.map((x) => `${x.kind} for ${x.instanceId}`).join(', ')} not handled`, o.paused.data)];
    return { ...base, outcome: 'unchanged', reasonCodes: reasons.map((r) => r.code), plan: toPlan(g, s, opts.now, reasons, o), writes: [], written: [] };
  }
  // Within the configured (window-narrowed) maximum and the group's own MaxSize: this handler writes no bounds, and
  // SetDesiredCapacity above MaxSize is a ValidationError (API reference, SetDesiredCapacity).
  const plan = planSpotReplacement({
    desired: s.group.desired, max: Math.min(o.effectiveBounds.max, s.group.max), instances: s.group.instances, tags: s.group.tags, capacityRebalance: s.group.capacityRebalance ?? false,
  }, signals);
  const writes = spotWrites(g.autoScalingGroupName, plan);
  const record = { ...base, reasonCodes: plan.reasons.map((r) => r.code), plan: toPlan(g, s, opts.now, plan.reasons, o, plan.desired), writes };
  if (writes.length === 0 || dryRun) return { ...record, outcome: writes.length === 0 ? 'unchanged' : 'dry-run', written: [] };
  const written: Write[] = [];
  for (const w of writes) {
    try {
      await opts.cloud.write(w);
      written.push(w);
    } catch (error) {
      return { ...record, outcome: 'failed', written, error: errorOf(error) };
    }
  }
  return { ...record, outcome: 'changed', written };
};

export const handleAtRisk = async (signals: readonly AtRiskSignal[], opts: SpotOptions): Promise<SpotResult> => {
  // A failed lookup is an AWS fault: thrown, so Lambda retries the event rather than dropping a warning.
  const located = await locate(opts.cloud, opts.config, [...new Set(signals.map((s) => s.instanceId))], opts.now);
  const ignored: IgnoredSignal[] = [];
  const byGroup = new Map<GroupConfig, AtRiskSignal[]>();
  for (const s of signals) {
    const asg = located.get(s.instanceId);
    const g = asg === undefined ? undefined : opts.config.groups.find((x) => x.autoScalingGroupName === asg);
    if (g) byGroup.set(g, [...(byGroup.get(g) ?? []), s]);
    else {
      const message = asg === undefined
        ? `${s.kind} for ${s.instanceId}: the instance is in no Auto Scaling group of this account and region (not launched by one, or already gone); nothing written`
        : `${s.kind} for ${s.instanceId}: its Auto Scaling group "${asg}" is not managed by this configuration (managed: ${opts.config.groups.map((x) => x.autoScalingGroupName).join(', ')}); nothing written`;
      ignored.push({ instanceId: s.instanceId, kind: s.kind, code: 'SPOT_AT_RISK_UNKNOWN_INSTANCE', message });
    }
  }
  const groups = opts.config.groups.filter((g) => byGroup.has(g));
  const records: DecisionRecord[] = [];
  if (groups.length > 0) {
    // The group alone (DescribeAutoScalingGroups): instances, tags, bounds and Capacity Rebalancing; no metrics needed.
    const observed = await opts.cloud.observe(groups, opts.now, { scope: 'group' }).catch((e: Error) => ({ snapshots: new Map<string, Snapshot>(), failures: new Map(groups.map((g) => [g.name, e])) }));
    for (const g of groups) {
      const s = observed.snapshots.get(g.name);
      let record: DecisionRecord;
      try {
        record = s ? await handleGroup(g, s, byGroup.get(g)!, opts)
          : { group: g.name, trigger: opts.trigger, at: iso(opts.now), outcome: 'failed', reasonCodes: [], writes: [], written: [], dryRun: opts.dryRun, error: errorOf(observed.failures.get(g.name) ?? new Error(`group ${g.name} was not observed`)), durationMs: 0 };
      } catch (error) {
        record = { group: g.name, trigger: opts.trigger, at: iso(opts.now), outcome: 'failed', reasonCodes: [], writes: [], written: [], dryRun: opts.dryRun, error: errorOf(error), durationMs: 0 };
      }
      opts.log(record);
      records.push(record);
    }
  }
  return { records, failed: records.filter((r) => r.outcome === 'failed'), ignored };
};
