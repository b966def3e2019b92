// Baseline: the Kubernetes HPA rule alone, as kubernetes/kubernetes implements it
// (pkg/controller/podautoscaler/replica_calculator.go, horizontal.go; kubernetes.io "Horizontal Pod Autoscaling"):
// - per metric, desired = ceil(usageRatio x readyPodCount): the ratio is the ready pods' average against the
//   target, and only READY pods count (pods still starting are ignored, and on a scale-up count as using nothing);
// - within the 0.1 tolerance of the ratio, the current replicas stand; the largest metric recommendation wins;
// - default behaviour: scale-up by at most max(4 pods, 100 %) per 15 s period, no scale-up stabilization;
//   scale-down to the highest recommendation of the last 300 s (stabilization window), at most 100 % per period.
// Synced once a simulated minute on the CloudWatch averages (CPU, memory) the other policies see. The group
// average is over all running instances; its sum is the ready pods' load, so the ready average is sum / ready.
import type { World } from '../world';
import { createFleetHistory } from './fleet-history';
import type { Policy } from './policy';

export const TOLERANCE = 0.1;
export const STABILIZATION_MS = 300_000;

export interface HpaMetric {
  /** The ready pods' average, against the target. */
  readonly value: number;
  readonly target: number;
}

/** replica_calculator.go: ceil(usageRatio x ready), or the current replicas when the ratio is within tolerance. */
export const hpaRecommendation = (current: number, ready: number, metrics: readonly HpaMetric[]): number => {
  let best: number | undefined;
  for (const m of metrics) {
    const ratio = m.value / m.target;
    const want = Math.abs(1 - ratio) <= TOLERANCE + 1e-9 ? current : Math.ceil(ratio * ready - 1e-9);
    best = best === undefined ? want : Math.max(best, want);
  }
  return best ?? current;
};

/** horizontal.go defaults: up to max(current + 4, 2 x current) in one period. */
export const scaleUpLimit = (current: number): number => Math.max(current + 4, current * 2);

export const hpa = (target: number) => (world: World): Policy => {
  const g = world.group;
  const fleet = createFleetHistory(g, world.trace.minutes[0] ?? 0);
  const history: { t: number; want: number }[] = [];
  const memoryTarget = world.config.policies.memory?.target;
  const control = async (now: number, m: number): Promise<void> => {
    fleet.observe(m);
    const cpu = world.store.newest('cpu', now, 300_000);
    const f = cpu ? fleet.at(cpu.t) : undefined;
    if (!cpu || !f || f.ready === 0) return;
    const memory = world.store.newest('memory', now, 300_000);
    const perReady = (avg: number) => (avg * f.running) / f.ready;
    const metrics: HpaMetric[] = [{ value: perReady(cpu.v), target }];
    if (memoryTarget !== undefined && memory) metrics.push({ value: perReady(memory.v), target: memoryTarget });
    const current = g.desired;
    const want = hpaRecommendation(current, f.ready, metrics);
    history.push({ t: now, want });
    while (history.length > 0 && history[0]!.t <= now - STABILIZATION_MS) history.shift();
    let next = want;
    if (want < current) next = Math.min(current, Math.max(...history.map((h) => h.want)));
    else next = Math.min(want, scaleUpLimit(current));
    g.desired = Math.min(g.max, Math.max(g.min, next));
  };
  return {
    name: `hpa@${target}`, control, records: [],
    describe: `the Kubernetes HPA rule on ready replicas: CPU ${target} %${memoryTarget !== undefined ? `, memory ${memoryTarget} %` : ''} (tolerance 0.1, 300 s scale-down stabilization, default behaviour)`,
  };
};
