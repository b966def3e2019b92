// One reconcile step for every group of a run: observe (batched) -> decide (pure) -> act (only changes) -> one record each.
// One group's failure never stops the others; the run returns every record and which ones failed.
import { performance } from 'node:perf_hooks';
import type { GroupConfig } from '../policies/config';
import { decide, type Scope } from '../policies/decide';
import { hasChanges, type Plan } from '../policies/plan';
import type { Snapshot } from '../policies/snapshot';
import { summarize, type DecisionRecord } from './decision-record';
import { CloudError, WARM_POOL_REFUSED } from './errors';
import { mapLimit } from './map-limit';
import type { Cloud, Observation, ObserveOptions } from './port';
import type { Trigger } from './trigger';
import { planToWrites, type Write } from './writes';

export interface ReconcileOptions {
  readonly cloud: Cloud;
  readonly groups: readonly GroupConfig[];
  readonly now: number;
  readonly trigger: Trigger;
  /** Global dry run (environment, or a manual plan); a group's own dryRun also counts. */
  readonly dryRun: boolean;
  readonly scope?: Scope;
  readonly log: (record: DecisionRecord) => void;
  /** Tags just written by a manual action, laid over the observed ones (undefined deletes), so the decision sees them now. */
  readonly tagOverlay?: Readonly<Record<string, string | undefined>>;
  /** Already observed (the CLI's apply shows the plan of the observation it then acts on); otherwise observed here. */
  readonly observation?: Observation;
  /** How to observe (a manual action lets the group decide without metrics rather than fail). */
  readonly observeOptions?: ObserveOptions;
}

export interface RunResult {
  readonly records: readonly DecisionRecord[];
  readonly failed: readonly DecisionRecord[];
  /** Groups that decided without their metrics (the read failed and metrics were optional), with why. */
  readonly withoutMetrics?: readonly { readonly group: string; readonly error: string }[];
}

const withTags = (s: Snapshot, overlay: Readonly<Record<string, string | undefined>> | undefined): Snapshot => {
  if (!overlay) return s;
  const tags: Record<string, string> = { ...s.group.tags };
  for (const [k, v] of Object.entries(overlay)) {
    if (v === undefined) delete tags[k];
    else tags[k] = v;
  }
  return { ...s, group: { ...s.group, tags } };
};

const errorOf = (e: unknown): NonNullable<DecisionRecord['error']> =>
  e instanceof CloudError ? { name: e.name, code: e.code, message: e.message } : { name: (e as Error)?.name ?? 'Error', message: String((e as Error)?.message ?? e) };

const actOn = async (cloud: Cloud, writes: readonly Write[]): Promise<{ written: Write[]; error?: unknown }> => {
  const written: Write[] = [];
  for (const w of writes) {
    try {
      await cloud.write(w);
      written.push(w);
    } catch (error) {
      // Stop this group's writes at the first failure: the next run recomputes from the whole snapshot.
      return { written, error };
    }
  }
  return { written };
};

/** The record's time: one ISO string per run's `now` (every group of a run, and the simulator's runs of one minute, share it). */
let lastAt: { readonly now: number; readonly iso: string } = { now: NaN, iso: '' };
const isoAt = (now: number): string => {
  if (lastAt.now !== now) lastAt = { now, iso: new Date(now).toISOString() };
  return lastAt.iso;
};

// Records are built with explicit literals, in one key order (as the spreads of a shared base gave): the simulator
// builds one every minute.
const reconcileGroup = async (opts: ReconcileOptions, config: GroupConfig, snapshot: Snapshot, started: number): Promise<DecisionRecord> => {
  const observed = withTags(snapshot, opts.tagOverlay);
  const plan: Plan = decide(observed, config, opts.now, opts.scope ?? 'all');
  const dryRun = opts.dryRun || config.dryRun;
  const writes = hasChanges(plan) ? planToWrites(plan) : [];
  const at = isoAt(opts.now);
  const summary = summarize(observed);
  const codes: string[] = [];
  for (const r of plan.reasons) codes.push(r.code);
  const record = (outcome: DecisionRecord['outcome'], reasonCodes: readonly string[], written: readonly Write[]): DecisionRecord => ({
    group: config.name, trigger: opts.trigger, at, summary, plan, writes, dryRun, snapshot: observed, outcome, reasonCodes, written, durationMs: performance.now() - started,
  });
  const failed = (outcome: DecisionRecord['outcome'], reasonCodes: readonly string[], written: readonly Write[], error: unknown): DecisionRecord => ({
    group: config.name, trigger: opts.trigger, at, summary, plan, writes, dryRun, snapshot: observed, outcome, reasonCodes, written, error: errorOf(error), durationMs: performance.now() - started,
  });
  if (writes.length === 0 || dryRun) return record(writes.length === 0 ? 'unchanged' : 'dry-run', codes, []);
  const { written, error } = await actOn(opts.cloud, writes);
  if (error === undefined) return record('changed', codes, written);
  // PutWarmPool refused (the group runs Spot in a way its description does not show): warm capacity falls back to
  // none and the run goes on; the put is the plan's last write, so nothing else is left undone.
  if (error instanceof CloudError && error.code === WARM_POOL_REFUSED) {
    return failed(written.length > 0 ? 'changed' : 'unchanged', [...codes.filter((c) => c !== 'WARM_POOL_RESIZE'), 'WARM_POOL_UNSUPPORTED'], written, error);
  }
  // An activity that started between observe and act is a hold, not a failure: the next run sees it.
  const held = error instanceof CloudError && error.code === 'ScalingActivityInProgress';
  return failed(held ? 'held' : 'failed', held ? [...codes, 'HOLD_ACTIVITY_IN_PROGRESS'] : codes, written, error);
};

/** Groups reconciled at once: each has 1-3 calls in flight, so 8 keeps a run of 250 groups inside the paced
 * request rate while cutting its wall time several times over (bench/scale.ts). */
export const GROUP_CONCURRENCY = 8;
/**
 * Groups observed together. The run is a pipeline: while one batch's writes go out, the next batch is read, so
 * reads (Describe* bucket) and writes (mutating bucket) overlap instead of taking turns. 50 keeps each batch to
 * one DescribeAutoScalingGroups and one GetMetricData (50 x 9 queries <= 500).
 */
export const OBSERVE_BATCH = 50;

const observeSafely = async (opts: ReconcileOptions, groups: readonly GroupConfig[]): Promise<Observation> => {
  try {
    return await opts.cloud.observe(groups, opts.now, opts.observeOptions);
  } catch (error) {
    // Nothing observed at all (credentials, network): every group of the batch fails with the same cause.
    return { snapshots: new Map<string, Snapshot>(), failures: new Map(groups.map((g) => [g.name, error as Error])) };
  }
};

export const reconcile = async (opts: ReconcileOptions): Promise<RunResult> => {
  const started = performance.now();
  const failedRecord = (config: GroupConfig, error: unknown): DecisionRecord => ({
    group: config.name, trigger: opts.trigger, at: isoAt(opts.now), outcome: 'failed', reasonCodes: [],
    writes: [], written: [], dryRun: opts.dryRun || config.dryRun, error: errorOf(error), durationMs: performance.now() - started,
  });
  // Records are logged as soon as every group before them is done: config order, without waiting for the slowest.
  const done: (DecisionRecord | undefined)[] = new Array(opts.groups.length);
  let logged = 0;
  const degraded = new Map<string, Error>();
  const act = (observed: Observation, offset: number, groups: readonly GroupConfig[]): Promise<DecisionRecord[]> =>
    mapLimit(groups, GROUP_CONCURRENCY, async (config, j): Promise<DecisionRecord> => {
      const snapshot = observed.snapshots.get(config.name);
      let record: DecisionRecord;
      if (!snapshot) record = failedRecord(config, observed.failures.get(config.name) ?? new Error(`group ${config.name} was not observed`));
      else {
        try {
          record = await reconcileGroup(opts, config, snapshot, started);
        } catch (error) {
          record = failedRecord(config, error);
        }
      }
      done[offset + j] = record;
      while (logged < done.length && done[logged] !== undefined) opts.log(done[logged++]!);
      return record;
    });

  const records: DecisionRecord[] = [];
  if (opts.observation) records.push(...(await act(opts.observation, 0, opts.groups)));
  else {
    const batches: (readonly GroupConfig[])[] = [];
    for (let k = 0; k < opts.groups.length; k += OBSERVE_BATCH) batches.push(k === 0 && opts.groups.length <= OBSERVE_BATCH ? opts.groups : opts.groups.slice(k, k + OBSERVE_BATCH));
    let next = batches.length > 0 ? observeSafely(opts, batches[0]!) : undefined;
    for (let k = 0; k < batches.length; k += 1) {
      const observed = await next!;
      for (const [g, e] of observed.degraded ?? []) degraded.set(g, e);
      next = k + 1 < batches.length ? observeSafely(opts, batches[k + 1]!) : undefined;
      records.push(...(await act(observed, k * OBSERVE_BATCH, batches[k]!)));
    }
  }
  for (const [g, e] of opts.observation?.degraded ?? []) degraded.set(g, e);
  const failed = records.filter((r) => r.outcome === 'failed');
  if (degraded.size === 0) return { records, failed };
  return { records, failed, withoutMetrics: [...degraded].map(([group, e]) => ({ group, error: e.message })) };
};
