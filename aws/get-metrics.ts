// GetMetricData for every metric of every group: split at 500 queries a call, following NextToken.
// A rejected call is retried group by group, so one bad query fails its own group and no other.
import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { Series } from '../policies/snapshot';
import type { Clients } from './clients';
import { toCloudError } from './cloud-error';
import { readBatch } from './batch-fallback';

export const MAX_QUERIES_PER_CALL = 500;

export interface MetricsRead {
  /** By query id (`g<index>_<metric>`). */
  readonly series: ReadonlyMap<string, Series>;
  /** By group index: groups whose queries were rejected, each with its own error. */
  readonly failed: ReadonlyMap<number, Error>;
}

/** Packs whole groups into calls of at most 500 queries: expressions must travel with the metrics they read. */
const pack = (perGroup: readonly MetricDataQuery[][]): number[][] => {
  const calls: number[][] = [];
  let current: number[] = [];
  let size = 0;
  perGroup.forEach((queries, i) => {
    if (size + queries.length > MAX_QUERIES_PER_CALL && current.length > 0) {
      calls.push(current);
      current = [];
      size = 0;
    }
    current.push(i);
    size += queries.length;
  });
  if (current.length > 0) calls.push(current);
  return calls;
};

const groupOf = (id: string): number => Number(/^g(\d+)_/.exec(id)?.[1] ?? -1);

interface Into {
  readonly series: Map<string, Series>;
  readonly failed: Map<number, Error>;
  readonly nameOf: (index: number) => string;
}

const fetchAll = async (clients: Clients, queries: readonly MetricDataQuery[], start: Date, end: Date, into: Into): Promise<void> => {
  let token: string | undefined;
  do {
    const out = await clients.cloudWatch.send(new GetMetricDataCommand({
      MetricDataQueries: [...queries], StartTime: start, EndTime: end, ScanBy: 'TimestampAscending', NextToken: token,
    }));
    for (const r of out.MetricDataResults ?? []) {
      if (!r.Id) continue;
      // A query can fail alone inside a successful call (StatusCode Forbidden or InternalError).
      if (r.StatusCode === 'Forbidden' || r.StatusCode === 'InternalError') {
        const why = (r.Messages ?? []).map((m) => `${m.Code}: ${m.Value}`).join('; ') || r.StatusCode;
        into.failed.set(groupOf(r.Id), toCloudError(Object.assign(new Error(`query ${r.Id}: ${why}`), { name: r.StatusCode }), `GetMetricData for ${into.nameOf(groupOf(r.Id))}`));
        continue;
      }
      const points = (r.Timestamps ?? []).map((t, i) => ({ t: t.getTime(), v: r.Values?.[i] ?? Number.NaN })).filter((p) => Number.isFinite(p.v));
      into.series.set(r.Id, [...(into.series.get(r.Id) ?? []), ...points].sort((a, b) => a.t - b.t));
    }
    token = out.NextToken;
  } while (token);
};

export const getMetrics = async (
  clients: Clients, perGroup: readonly MetricDataQuery[][], start: Date, end: Date, nameOf: (index: number) => string = (i) => `group ${i}`,
): Promise<MetricsRead> => {
  const series = new Map<string, Series>();
  const failed = new Map<number, Error>();
  for (const call of pack(perGroup)) {
    const refused = await readBatch(call, async (groups) => {
      // A retry starts clean: a refused call may have returned some pages already.
      for (const id of [...series.keys()]) if (groups.includes(groupOf(id))) series.delete(id);
      await fetchAll(clients, groups.flatMap((i) => perGroup[i]!), start, end, { series, failed, nameOf });
    }, (i) => `GetMetricData for ${nameOf(i)}`);
    for (const [i, e] of refused) failed.set(i, e);
  }
  return { series, failed };
};
