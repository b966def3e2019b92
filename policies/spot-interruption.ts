// Spot, safely: an instance at risk (interruption warning, rebalance recommendation) gets its replacement launched
// before it goes, once: the group tag autoscaler:at-risk records which instances were already handled.
import type { Lifecycle } from './snapshot';
import { reason, type Reason } from './reasons';

export type AtRiskKind = 'interruption' | 'rebalance';

export interface AtRiskSignal {
  readonly instanceId: string;
  readonly kind: AtRiskKind;
}

export interface SpotGroup {
  readonly desired: number;
  /** The effective maximum (group max narrowed by the active window). */
  readonly max: number;
  readonly instances: readonly { readonly id: string; readonly lifecycle: Lifecycle }[];
  readonly tags: Readonly<Record<string, string>>;
  /** The ASG's own Capacity Rebalancing: when on, it replaces instances with a rebalance recommendation itself. */
  readonly capacityRebalance: boolean;
}

export interface SpotPlan {
  /** Absolute desired capacity; undefined when nothing is added. */
  readonly desired?: number;
  /** The new value of the at-risk tag; null: delete it; undefined: leave it. */
  readonly tag?: string | null;
  readonly reasons: readonly Reason[];
}

export const AT_RISK_TAG = 'autoscaler:at-risk';
/** add: the controller added capacity for it; asg: Capacity Rebalancing replaces it. Either way, handled. */
type Handling = 'add' | 'asg';
const ENTRY = /^(i-[0-9a-f]{8,17}):(add|asg)$/;
/** AWS tag values hold 256 characters: ten entries of "i-0123456789abcdef0:add". */
const MAX_ENTRIES = 10;

/** The tag's entries; unreadable ones are dropped (and so rewritten away). */
export const readAtRiskTag = (value: string | undefined): Map<string, Handling> => {
  const out = new Map<string, Handling>();
  for (const part of (value ?? '').split(',')) {
    const m = ENTRY.exec(part.trim());
    if (m) out.set(m[1]!, m[2] as Handling);
  }
  return out;
};

const writeTag = (entries: Map<string, Handling>): string | null =>
  entries.size === 0 ? null : [...entries].slice(-MAX_ENTRIES).map(([id, h]) => `${id}:${h}`).join(',');

/**
 * Replacements the controller added and whose at-risk instance still serves: decide() must keep them on top of
 * what the reactive policies want (those count the at-risk instance as capacity), or the next run scales them in.
 */
export const atRiskAllowance = (group: Pick<SpotGroup, 'instances' | 'tags'>): number => {
  const entries = readAtRiskTag(group.tags[AT_RISK_TAG]);
  return group.instances.filter((i) => i.lifecycle === 'InService' && entries.get(i.id) === 'add').length;
};

/**
 * desired = min(max, desired + at-risk in-service instances of the group not yet handled). Level-triggered through
 * the tag: a duplicated or repeated event finds its instance recorded and adds nothing; an instance the max left
 * without a replacement is not recorded, so a later event can still add it. Entries for instances no longer in the
 * group are pruned. Interruptions are served before rebalance recommendations when room is short.
 */
export const planSpotReplacement = (group: SpotGroup, signals: readonly AtRiskSignal[]): SpotPlan => {
  const lifecycle = new Map(group.instances.map((i) => [i.id, i.lifecycle]));
  const prior = readAtRiskTag(group.tags[AT_RISK_TAG]);
  const entries = new Map([...prior].filter(([id]) => lifecycle.has(id)));
  const byId = new Map<string, AtRiskKind>();
  for (const s of signals) if (byId.get(s.instanceId) !== 'interruption') byId.set(s.instanceId, s.kind);
  const ordered = [...byId].sort(([a, ka], [b, kb]) => (ka === kb ? a.localeCompare(b) : ka === 'interruption' ? -1 : 1));

  const reasons: Reason[] = [];
  let desired = group.desired;
  for (const [instanceId, kind] of ordered) {
    const state = lifecycle.get(instanceId);
    const data = { instanceId, kind, desired, max: group.max };
    if (state === undefined) {
      reasons.push(reason('SPOT_AT_RISK_UNKNOWN_INSTANCE', `${kind} for ${instanceId}, which is not in the group: ignored`, data));
    } else if (entries.has(instanceId)) {
      reasons.push(reason('SPOT_AT_RISK_ALREADY_REPLACED', `${kind} for ${instanceId}: already handled (${entries.get(instanceId)}), nothing added`, data));
    } else if (state !== 'InService') {
      reasons.push(reason('SPOT_AT_RISK_NOT_IN_SERVICE', `${kind} for ${instanceId}, which is ${state}: nothing to replace`, { ...data, lifecycle: state }));
    } else if (kind === 'rebalance' && group.capacityRebalance) {
      entries.set(instanceId, 'asg');
      reasons.push(reason('SPOT_REBALANCE_BY_ASG', `rebalance recommendation for ${instanceId}: Capacity Rebalancing replaces it`, data));
    } else if (desired >= group.max) {
      reasons.push(reason('LIMIT_MAX_BOUND', `${kind} for ${instanceId}: no replacement, desired ${desired} is at the maximum ${group.max}`, { ...data, wanted: desired + 1 }));
    } else {
      desired += 1;
      entries.set(instanceId, 'add');
      const code = kind === 'interruption' ? 'SPOT_INTERRUPTION_REPLACE' : 'SPOT_REBALANCE_REPLACE';
      reasons.push(reason(code, `${kind} for ${instanceId}: desired ${desired - 1} -> ${desired} to launch its replacement first`, { ...data, desired }));
    }
  }
  const tag = writeTag(entries);
  const before = group.tags[AT_RISK_TAG];
  return {
    ...(desired !== group.desired ? { desired } : {}),
    ...(tag !== (before ?? null) ? { tag } : {}),
    reasons,
  };
};
