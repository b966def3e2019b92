// The overrides stage: the group's tags (pause, capacity and mode overrides), the active window, the capacity mode
// and the effective bounds, with TAG_INVALID for every tag that cannot be read.
import type { Bounds, CapacityMode, GroupConfig, TimeWindow } from './config';
import { reason, type Reason } from './reasons';
import type { Snapshot } from './snapshot';
import { readOverrides, type Overrides } from './tags';
import { activeWindow, windowBounds } from './time-window';

export interface OverridesStage {
  readonly overrides: Overrides;
  readonly window: TimeWindow | undefined;
  readonly mode: CapacityMode;
  /** The group's configured bounds narrowed by the active window; an operator's override uses the configured ones. */
  readonly effectiveBounds: Bounds;
  /** Present while the group is paused: the whole plan is this reason. */
  readonly paused?: Reason;
  readonly reasons: readonly Reason[];
}

const iso = (t: number): string => new Date(t).toISOString();

export const overridesStage = (snapshot: Snapshot, config: GroupConfig, now: number): OverridesStage => {
  const tags = snapshot.group.tags;
  const overrides = readOverrides(tags, now);
  const window = activeWindow(config.windows, now, config.timeZone);
  const hard: Bounds = { min: config.capacity.min, max: config.capacity.max };
  const reasons = overrides.invalid.map((tag) =>
    reason('TAG_INVALID', `tag ${tag}=${JSON.stringify(tags[tag])} is unreadable (a count is a plain decimal integer, a time ISO 8601 with Z or ±hh:mm): ignored`, { tag, value: tags[tag] ?? null }));
  const paused = overrides.pausedUntil === undefined ? undefined
    : reason('PAUSED', `paused until ${iso(overrides.pausedUntil)}`, { until: iso(overrides.pausedUntil) });
  return {
    overrides, window, reasons,
    mode: overrides.mode?.value ?? window?.mode ?? config.capacityMode.default,
    effectiveBounds: overrides.desired ? hard : windowBounds(hard, window),
    ...(paused ? { paused } : {}),
  };
};

/** An operator's capacity override, as the combine stage's result: it wins over the policies, and says until when. */
export const overrideCombined = (desired: { readonly value: number; readonly until: number }, current: number): { target: number; direction: 'out' | 'in' | 'hold'; reasons: readonly Reason[] } => ({
  target: desired.value,
  direction: desired.value > current ? 'out' : desired.value < current ? 'in' : 'hold',
  reasons: [reason('OVERRIDE_ACTIVE', `manual override: ${desired.value} until ${iso(desired.until)}`, { desired: desired.value, until: iso(desired.until) })],
});
