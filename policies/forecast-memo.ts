// The forecast's work for one history, done once and carried over to the next history: the index, past slots' seasonal
// bases, levels and backtest forecasts. Results are exactly those of the plain functions in forecast.ts and
// forecast-accuracy.ts (tested equal); only what a changed slot can reach is computed again.
import { denseIndex, denseValues, LAG_SLOTS, LEVEL_SLOTS, levelRatio, seasonalBase, SLOT_MS, type BaseCache, type DenseIndex, type Forecast, type HistoryIndex } from './forecast';
import type { Accuracy } from './forecast-accuracy';
import type { Series } from './snapshot';

/** What decideForecast asks of a history at `now`; each answer equals the plain function named. */
export interface ForecastMemo {
  /** indexHistory(history, now). */
  readonly idx: HistoryIndex;
  /** forecastAt(idx, madeAt, at). */
  readonly forecastAt: (madeAt: number, at: number) => Forecast | undefined;
  /** forecastPeak(idx, madeAt, from, to). */
  readonly peak: (madeAt: number, from: number, to: number) => number | undefined;
  /** measureAccuracy(idx, now, leadMs, points). */
  readonly accuracy: (now: number, leadMs: number, points: number) => Accuracy;
}

/** Cached numbers by slot: NOT_YET where not computed, NaN where the plain function gives undefined. */
const NOT_YET = -1;
/** More changed slots than this between two histories and nothing is carried over (not the same group sliding on). */
const MAX_CHANGED = 64;

interface Memo {
  readonly history: Series;
  readonly d: DenseIndex;
  /** d.writer holds positions offset by seq0: a point's number since the first history of the line. */
  readonly seq0: number;
  readonly first: number;
  readonly last: number;
  /** seasonalBase(idx, j, j) for j in [first, last]: every lag of a past slot is known by its own time. */
  readonly bases: Float64Array;
  /** levelRatio(idx, l) for l in [first, last + LEVEL_SLOTS - 1]; NaN: not computed (a level is never NaN). */
  readonly levels: Float64Array;
  /** By lead: forecastAt(idx, k * SLOT_MS - lead, k * SLOT_MS)?.value for k in [first, last]. */
  readonly backtests: Map<number, Float64Array>;
  /** Its arrays were handed on to the next history's memo: it must not answer any more. */
  retired: boolean;
}

/** Room for n slots and a day's growth (a young history grows by a slot every 5 minutes). */
const blank = (n: number, v: number): Float64Array => new Float64Array(new ArrayBuffer((n + 288) * 8), 0, n).fill(v);

/**
 * n entries for slots from `first`, holding old's entries (slots from oldFirst) where both cover a slot and `v`
 * elsewhere: in old's own buffer, moved in place, when it is large enough (a new array per history cost more than
 * all the rest of the forecast's work).
 */
const moved = (old: Float64Array, oldFirst: number, first: number, n: number, v: number): Float64Array => {
  const whole = new Float64Array(old.buffer);
  const inPlace = whole.length >= n;
  const into = inPlace ? new Float64Array(old.buffer, 0, n) : blank(n, v);
  const lo = Math.max(first, oldFirst);
  const hi = Math.min(first + n, oldFirst + old.length);
  if (hi <= lo) return into.fill(v);
  if (inPlace) {
    whole.copyWithin(lo - first, lo - oldFirst, hi - oldFirst);
    into.fill(v, 0, lo - first).fill(v, hi - first);
  } else into.set(old.subarray(lo - oldFirst, hi - oldFirst), lo - first);
  return into;
};

const memoOf = (history: Series, d: DenseIndex, seq0 = 0): Memo => {
  const { first, last } = d.idx;
  const n = last >= first ? last - first + 1 : 0;
  return { history, d, seq0, first, last, bases: blank(n, NOT_YET), levels: blank(n > 0 ? n + LEVEL_SLOTS - 1 : 0, NaN), backtests: new Map(), retired: false };
};

const usable = (p: Series[number]): boolean => Number.isFinite(p.v) && p.v >= 0 && p.t < Infinity;

/**
 * The last history its maker declared slid on from another (declareSlid): the comparison of its kept points is
 * skipped. It reads every kept point of both arrays, 4,032 of them five minutes apart, when the caches have gone cold
 * (about 10 % of a simulated month); the simulator's request history knows the answer, having built both by slicing
 * one append-only array. One declaration, not a map of them: each would hold its predecessor, and the chain every
 * history of a run.
 */
let declared: { readonly next: Series; readonly prev: Series } | undefined;

/**
 * `next` is `prev` with some points dropped at its start and some appended, every other point the same object in the
 * same order (the maker guarantees it: the memo then does not check the kept points one by one). Pure in effect:
 * the memo's answers are the plain functions' either way.
 */
export const declareSlid = (next: Series, prev: Series): void => {
  declared = { next, prev };
};

interface Slid {
  readonly d: DenseIndex;
  readonly seq0: number;
  /** Every slot whose value may differ from the previous index's (a value appearing or going counts). */
  readonly changed: readonly number[];
}

/**
 * The index of a history that is the previous one with its first s points dropped and a few appended, the same point
 * objects in the same order (points are immutable data, as the history array is): from the previous index, reading
 * only the dropped and the appended points. A dropped point's slot empties unless a kept point wrote it last (its
 * writer); an appended point writes its slot last. Any other history: undefined (it is indexed afresh).
 */
const slid = (history: Series, prev: Memo): Slid | undefined => {
  const old = prev.history;
  const pd = prev.d;
  if (history.length === 0 || pd.dense.length === 0) return undefined;
  let s = 0;
  while (s < old.length && s <= MAX_CHANGED && old[s] !== history[0]) s += 1;
  const kept = old.length - s;
  if (kept <= 0 || s > MAX_CHANGED || history.length < kept || history.length - kept > MAX_CHANGED) return undefined;
  if (declared?.next !== history || declared.prev !== old) for (let i = 1; i < kept; i += 1) if (history[i] !== old[s + i]) return undefined;
  const seq0 = prev.seq0 + s;
  let lo = pd.idx.first;
  let hi = pd.idx.last;
  for (let i = kept; i < history.length; i += 1) {
    const p = history[i]!;
    if (!usable(p)) continue;
    const k = Math.floor(p.t / SLOT_MS);
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  // One buffer for both (an ArrayBuffer's allocation, not its filling, was most of this function's time).
  const n = hi - lo + 1;
  const buffer = new ArrayBuffer(16 * n);
  const dense = new Float64Array(buffer, 0, n).fill(NaN);
  const writer = new Float64Array(buffer, 8 * n, n).fill(NaN);
  dense.set(pd.dense, pd.idx.first - lo);
  writer.set(pd.writer, pd.idx.first - lo);
  const changed: number[] = [];
  for (let i = 0; i < s; i += 1) {
    const p = old[i]!;
    if (!usable(p)) continue;
    const j = Math.floor(p.t / SLOT_MS) - lo;
    if (!(writer[j]! < seq0)) continue; // a kept point wrote it last (or it is emptied already)
    dense[j] = NaN;
    writer[j] = NaN;
    changed.push(j + lo);
  }
  let latest = pd.latest;
  for (let i = kept; i < history.length; i += 1) {
    const p = history[i]!;
    if (!usable(p)) continue;
    const j = Math.floor(p.t / SLOT_MS) - lo;
    if (!Object.is(dense[j], p.v)) changed.push(j + lo);
    dense[j] = p.v;
    writer[j] = seq0 + i;
    if (p.t > latest) latest = p.t;
  }
  let a = 0;
  while (a < dense.length && Number.isNaN(dense[a])) a += 1;
  if (a === dense.length) return undefined;
  let b = dense.length - 1;
  while (Number.isNaN(dense[b])) b -= 1;
  const first = lo + a;
  const trimmed = dense.subarray(a, b + 1);
  return { d: { idx: { values: denseValues(first, trimmed), first, last: lo + b }, dense: trimmed, latest, writer: writer.subarray(a, b + 1) }, seq0, changed };
};

const clear = (a: Float64Array, first: number, s: number, v: number): void => {
  if (s >= first && s < first + a.length) a[s - first] = v;
};

/** The limit forecastAt uses for the backtest of slot k: the last slot complete a lead time before k. */
const limitOf = (k: number, leadMs: number): number => Math.floor((k * SLOT_MS - leadMs) / SLOT_MS) - 1;

/**
 * The memo of a slid history, carrying over every entry of the previous memo whose inputs are unchanged. What each
 * reads: a base of j the values at j - lag; a level of l the values and bases of l - 11..l; a backtest forecast of k
 * the values at k - lag (those known by its limit) and the level of its limit. An entry none of whose inputs is a
 * changed slot is the same function of the same numbers, so it is carried; the others are computed when asked for.
 * The previous memo's arrays move to the new one (it is retired): the shell's history has slid on and the old one
 * is not asked again (if it is, it is built afresh).
 */
const carried = (history: Series, next: Slid, prev: Memo): Memo => {
  const { d, seq0, changed } = next;
  if (changed.length > MAX_CHANGED) return memoOf(history, d, seq0);
  const { first, last } = d.idx;
  const n = last - first + 1;
  const m: Memo = {
    history, d, seq0, first, last, retired: false, backtests: new Map(),
    bases: moved(prev.bases, prev.first, first, n, NOT_YET), levels: moved(prev.levels, prev.first, first, n + LEVEL_SLOTS - 1, NaN),
  };
  const levelRanges: [number, number][] = [];
  for (const c of changed) {
    for (const lag of LAG_SLOTS) clear(m.bases, first, c + lag, NOT_YET);
    // A level reads the values of its hour (offset 0) and their bases (offset lag).
    for (const offset of [0, ...LAG_SLOTS]) {
      levelRanges.push([c + offset, c + offset + LEVEL_SLOTS - 1]);
      for (let l = c + offset; l < c + offset + LEVEL_SLOTS; l += 1) clear(m.levels, first, l, NaN);
    }
  }
  for (const [leadMs, old] of prev.backtests) {
    const f = moved(old, prev.first, first, n, NOT_YET);
    for (const c of changed) for (const lag of LAG_SLOTS) clear(f, first, c + lag, NOT_YET);
    // Slots whose limit is a changed level: limitOf is nondecreasing in k, so they are one run of k found by stepping.
    for (const [lo, hi] of levelRanges) {
      let k = lo + 1 + Math.ceil(leadMs / SLOT_MS);
      while (limitOf(k - 1, leadMs) >= lo) k -= 1;
      while (limitOf(k, leadMs) < lo) k += 1;
      for (; limitOf(k, leadMs) <= hi; k += 1) clear(f, first, k, NOT_YET);
    }
    m.backtests.set(leadMs, f);
  }
  prev.retired = true;
  return m;
};

/** The memo of a new history: slid on from the previous one when it can be, else built afresh. */
const build = (history: Series, prev: Memo | undefined): Memo => {
  const next = prev ? slid(history, prev) : undefined;
  return next && prev ? carried(history, next, prev) : memoOf(history, denseIndex(history));
};

const api = (memo: Memo): ForecastMemo => {
  // A retired memo's arrays belong to its successor: an answer asked of it after that is worked out afresh.
  let m = memo;
  const live = (): void => {
    if (m.retired) m = memoOf(m.history, m.d);
  };
  const idx = m.d.idx;
  const dense = m.d.dense;
  const bases: BaseCache = {
    has: (j) => j >= m.first && j <= m.last && m.bases[j - m.first] !== NOT_YET,
    get: (j) => {
      const b = m.bases[j - m.first]!;
      return Number.isNaN(b) ? undefined : b;
    },
    // NaN marks "no base" here, so a base that is itself NaN (never, for finite history) is not kept.
    set: (j, b) => (b === undefined || !Number.isNaN(b) ? clear(m.bases, m.first, j, b ?? NaN) : undefined),
  };
  const levelOf = (limit: number): number => {
    const i = limit - m.first;
    if (i < 0 || i >= m.levels.length) return levelRatio(idx, limit, bases);
    let l = m.levels[i]!;
    if (Number.isNaN(l)) m.levels[i] = l = levelRatio(idx, limit, bases);
    return l;
  };
  const forecastOf = (madeAt: number, when: number): Forecast | undefined => {
    const limit = Math.floor(madeAt / SLOT_MS) - 1;
    const seasonal = seasonalBase(idx, Math.floor(when / SLOT_MS), limit);
    if (seasonal === undefined) return undefined;
    const level = levelOf(limit);
    return { value: seasonal * level, seasonal, level };
  };
  const backtest = (k: number, leadMs: number, f: Float64Array): number | undefined => {
    const v = f[k - m.first]!;
    if (v !== NOT_YET) return Number.isNaN(v) ? undefined : v;
    const fc = forecastOf(k * SLOT_MS - leadMs, k * SLOT_MS);
    // NaN marks "no forecast" here, so a forecast that is itself NaN (never, for finite history) is not kept.
    if (fc === undefined || !Number.isNaN(fc.value)) f[k - m.first] = fc?.value ?? NaN;
    return fc?.value;
  };
  let last: { slot: number; leadMs: number; points: number; accuracy: Accuracy } | undefined;
  const accuracy = (now: number, leadMs: number, points: number): Accuracy => {
    const lastComplete = Math.floor(now / SLOT_MS) - 1;
    if (last && last.slot === lastComplete && last.leadMs === leadMs && last.points === points) return last.accuracy;
    live();
    let f = m.backtests.get(leadMs);
    if (!f) m.backtests.set(leadMs, (f = blank(m.bases.length, NOT_YET)));
    // As measureAccuracy and wape: the same pairs summed in the same order.
    let error = 0;
    let total = 0;
    let evaluated = 0;
    for (let k = lastComplete; k > lastComplete - points && k >= m.first; k -= 1) {
      const actual = k <= m.last ? dense[k - m.first]! : NaN;
      if (Number.isNaN(actual)) continue;
      const forecast = backtest(k, leadMs, f);
      if (forecast === undefined) continue;
      error += Math.abs(actual - forecast);
      total += Math.abs(actual);
      evaluated += 1;
    }
    const wape = evaluated === 0 ? null : total === 0 ? (error === 0 ? 0 : Infinity) : error / total;
    last = { slot: lastComplete, leadMs, points, accuracy: { wape, evaluated } };
    return last.accuracy;
  };
  const forecastAt = (madeAt: number, when: number): Forecast | undefined => {
    live();
    return forecastOf(madeAt, when);
  };
  const peak = (madeAt: number, from: number, to: number): number | undefined => {
    live();
    let p: number | undefined;
    for (let k = Math.floor(from / SLOT_MS); k <= Math.floor(to / SLOT_MS); k += 1) {
      const f = forecastOf(madeAt, k * SLOT_MS);
      if (f !== undefined && (p === undefined || f.value > p)) p = f.value;
    }
    return p;
  };
  return { idx, forecastAt, peak, accuracy };
};

/**
 * Memos by (immutable) history array, built with every point and valid at any `now` after its latest point (then the
 * filter by now keeps every point). The last one built seeds the next: the shell's history slides on by a slot, so
 * nearly all is carried over. Pure in effect: the answers depend on the history and now only.
 */
const memos = new WeakMap<Series, { readonly memo: Memo; readonly api: ForecastMemo }>();
let previous: Memo | undefined;

export const forecastMemo = (history: Series, now: number): ForecastMemo => {
  let hit = memos.get(history);
  if (!hit) {
    const memo = build(history, previous);
    if (previous?.retired) memos.delete(previous.history);
    // An empty history (the health pass reads none) must not displace the group's last real one as the seed.
    if (memo.bases.length > 0) previous = memo;
    memos.set(history, (hit = { memo, api: api(memo) }));
  }
  if (hit.memo.d.latest < now) return hit.api;
  // A point at or after now (not the shell's published slots): the filter by now matters, so this minute's own.
  return api(memoOf(history, denseIndex(history, now)));
};
