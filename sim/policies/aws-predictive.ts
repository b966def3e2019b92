// Baseline: AWS predictive scaling in ForecastAndScale mode with target tracking on average CPU, the combination
// AWS recommends (User Guide, "Predictive scaling for Amazon EC2 Auto Scaling", "How predictive scaling works";
// API reference, PredictiveScalingConfiguration):
// - metric pair ASGCPUUtilization: load metric = the group's total CPU, scaling metric = average CPU at the target;
// - it needs at least 24 hours of the load metric before its first forecast and uses up to the past 14 days; the
//   simulated group has no history before the trace starts, so for the first 24 hours it does nothing and target
//   tracking scales alone;
// - the hourly forecast covers the next 48 hours and is refreshed every 6 hours, only from datapoints CloudWatch
//   had published at the time;
// - the capacity for an hour is launched SchedulingBufferTime (default 300 s) before the hour starts;
// - predictive scaling never scales in; with a dynamic policy "the group scales to the higher of the two".
import type { World } from '../world';
import { forecastHours, hourOf, HOUR_MS, type HourlyLoad } from './forecast';
import type { Policy } from './policy';
import { trackingStep } from './aws-target-tracking';

export const SCHEDULING_BUFFER_MS = 300_000;
const REFRESH_MS = 6 * HOUR_MS;

/** The capacity an hour's forecast load needs at the target: ceil(total CPU / target CPU per instance). */
export const forecastCapacity = (load: number, target: number): number => Math.ceil(load / target - 1e-9);

/** Predictive scaling only raises: the larger of the dynamic policy's capacity and the forecast's, within max. */
export const combine = (dynamic: number, forecast: number | undefined, max: number): number => Math.max(dynamic, Math.min(max, forecast ?? 0));

export interface Forecaster {
  /** Feeds the load datapoints visible at `now` and refreshes the forecast when one is due. */
  readonly observe: (now: number, points: readonly { t: number; load: number }[]) => void;
  /** The capacity the forecast names for the hour that starts within SchedulingBufferTime of `now`, if any. */
  readonly capacityAt: (now: number) => number | undefined;
  readonly forecast: () => readonly HourlyLoad[];
}

export const createForecaster = (target: number): Forecaster => {
  const hours = new Map<number, { sum: number; n: number }>();
  let lastSeen = -Infinity;
  let lastIssued = -Infinity;
  let current: HourlyLoad[] = [];
  const history = (): HourlyLoad[] => [...hours].map(([hour, a]) => ({ hour, load: a.sum / a.n }));
  return {
    observe: (now, points) => {
      for (const p of points) {
        if (p.t <= lastSeen) continue;
        lastSeen = p.t;
        const a = hours.get(hourOf(p.t)) ?? { sum: 0, n: 0 };
        a.sum += p.load;
        a.n += 1;
        hours.set(hourOf(p.t), a);
      }
      const due = Math.floor(now / REFRESH_MS) * REFRESH_MS;
      if (due > lastIssued) {
        lastIssued = due;
        const next = forecastHours(history(), now);
        if (next.length > 0) current = next;
      }
    },
    capacityAt: (now) => {
      const f = current.find((h) => h.hour === hourOf(now + SCHEDULING_BUFFER_MS));
      return f ? forecastCapacity(f.load, target) : undefined;
    },
    forecast: () => current,
  };
};

export const awsPredictiveTt = (target: number) => (world: World): Policy => {
  const tt = trackingStep(world, { name: 'tt', describe: '', metric: 'cpu', target });
  const forecaster = createForecaster(target);
  const g = world.group;
  const control = async (now: number, m: number): Promise<void> => {
    const dynamic = tt.control(now, m);
    const points: { t: number; load: number }[] = [];
    for (const p of world.store.visible('cpu', now, 600_000)) {
      const f = tt.fleet.at(p.t);
      if (f) points.push({ t: p.t, load: p.v * f.running });
    }
    forecaster.observe(now, points);
    g.desired = combine(dynamic, forecaster.capacityAt(now), g.max);
  };
  return {
    name: `aws-predictive-tt@${target}`, control, records: [],
    describe: `AWS predictive scaling (ForecastAndScale, CPU ${target} %, 48 h hourly forecast refreshed every 6 h, 300 s buffer) with target tracking on CPU ${target} %`,
  };
};
