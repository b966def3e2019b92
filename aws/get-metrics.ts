// One GetMetricData for every metric of every group: split at 500 queries a call, following NextToken.
import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { Series } from '../policies/snapshot';
import type { Clients } from './clients';
import { chunks } from './map-limit';

export const MAX_QUERIES_PER_CALL = 500;

/**
 * Expressions must travel with the metrics they read, so queries are split by group, never inside one:
 * each inner array is one group's queries.
 */
export const getMetrics = async (clients: Clients, perGroup: readonly MetricDataQuery[][], start: Date, end: Date): Promise<Map<string, Series>> => {
  const calls: MetricDataQuery[][] = [];
  let current: MetricDataQuery[] = [];
  for (const group of perGroup) {
    for (const part of chunks(group, MAX_QUERIES_PER_CALL)) {
      if (current.length + part.length > MAX_QUERIES_PER_CALL) {
        calls.push(current);
        current = [];
      }
      current.push(...part);
    }
  }
  if (current.length > 0) calls.push(current);

  const series = new Map<string, Series>();
  for (const queries of calls) {
    let token: string | undefined;
    do {
      const out = await clients.cloudWatch.send(new GetMetricDataCommand({
        MetricDataQueries: queries, StartTime: start, EndTime: end, ScanBy: 'TimestampAscending', NextToken: token,
      }));
      for (const r of out.MetricDataResults ?? []) {
        if (!r.Id) continue;
        const points = (r.Timestamps ?? []).map((t, i) => ({ t: t.getTime(), v: r.Values?.[i] ?? Number.NaN })).filter((p) => Number.isFinite(p.v));
        series.set(r.Id, [...(series.get(r.Id) ?? []), ...points].sort((a, b) => a.t - b.t));
      }
      token = out.NextToken;
    } while (token);
  }
  return series;
};
