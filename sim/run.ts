// Runs one policy over a trace in its own world: step the world a minute, let the policy act, repeat.
import type { Policy, PolicyFactory } from './policies/policy';
import { summaryBuilder, type RunSummary } from './summary';
import { createWorld, stepMinute, type Minute, type WorldOptions } from './world';

export interface Mark {
  readonly t: number;
  readonly from: number;
  readonly to: number;
  readonly codes: readonly string[];
}

export interface RunResult {
  readonly summary: RunSummary;
  /** Every minute of the run; empty when the run was asked to keep only its summary (RunKeep). */
  readonly minutes: readonly Minute[];
  /** Capacity changes, with the controller's reason codes where it has them. */
  readonly marks: readonly Mark[];
  /** How often each reason code appeared in the policy's decision records (the controller's only). */
  readonly reasonCounts: Readonly<Record<string, number>>;
}

const unhealthyCount = (world: ReturnType<typeof createWorld>): number => {
  let n = 0;
  for (const i of world.group.instances) if (i.asgHealth === 'Unhealthy') n += 1;
  return n;
};

/** What a run keeps beyond its summary: `minutes: false` keeps no Minute records (the bench needs only summaries). */
export interface RunKeep {
  readonly minutes?: boolean;
}

export const runPolicy = async (factory: PolicyFactory, o: WorldOptions, keep: RunKeep = {}): Promise<RunResult> => {
  const world = createWorld(o);
  const policy: Policy = factory(world);
  const minutes: Minute[] = [];
  const keepMinutes = keep.minutes ?? true;
  const summary = summaryBuilder(world);
  const marks: Mark[] = [];
  let replacements = 0;
  for (let m = 0; m < o.trace.minutes.length; m += 1) {
    const minute = stepMinute(world, m);
    summary.add(minute);
    if (keepMinutes) minutes.push(minute);
    const before = world.group.desired;
    const unhealthyBefore = unhealthyCount(world);
    const seen = policy.records.length;
    const now = o.trace.minutes[m]! + 60_000;
    await policy.control(now, m);
    replacements += Math.max(0, unhealthyCount(world) - unhealthyBefore);
    if (world.group.desired !== before) {
      const codes = [...new Set(policy.records.slice(seen).filter((r) => r.written.length > 0).flatMap((r) => r.reasonCodes))];
      marks.push({ t: now, from: before, to: world.group.desired, codes });
    }
  }
  const reasonCounts: Record<string, number> = {};
  for (const r of policy.records) for (const c of new Set(r.reasonCodes)) reasonCounts[c] = (reasonCounts[c] ?? 0) + 1;
  return { summary: summary.finish(policy, marks.length, replacements), minutes, marks, reasonCounts };
};
