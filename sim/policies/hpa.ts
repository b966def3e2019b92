// Baseline: the Kubernetes HPA rule alone (kubernetes.io, "Horizontal Pod Autoscaling", algorithm details):
// desired = ceil(current x metric / target) per metric, the largest wins; no change within a 0.1 tolerance;
// scale-down takes the highest recommendation of the last 300 s (stabilization window); scale-up is limited
// to the larger of +4 and +100 % per period. No latency or error policy, no windows, no health replacement.
// Evaluated once a simulated minute on the visible CPU and memory averages.
import type { World } from '../world';
import type { Policy } from './policy';

const TOLERANCE = 0.1;
const STABILIZATION_MS = 300_000;

export const hpaRecommendation = (current: number, metrics: readonly { value: number; target: number }[]): number => {
  let best = current;
  let any = false;
  for (const m of metrics) {
    const ratio = m.value / m.target;
    const want = Math.abs(ratio - 1) <= TOLERANCE + 1e-9 ? current : Math.ceil(current * ratio - 1e-9);
    best = any ? Math.max(best, want) : want;
    any = true;
  }
  return best;
};

export const hpa = (world: World): Policy => {
  const g = world.group;
  const history: { t: number; want: number }[] = [];
  const control = async (now: number): Promise<void> => {
    const latest = (name: 'cpu' | 'memory') => world.store.visible(name, now, 300_000).at(-1)?.v;
    const metrics = [
      ...(world.config.policies.cpu && latest('cpu') !== undefined ? [{ value: latest('cpu')!, target: world.config.policies.cpu.target }] : []),
      ...(world.config.policies.memory && latest('memory') !== undefined ? [{ value: latest('memory')!, target: world.config.policies.memory.target }] : []),
    ];
    if (metrics.length === 0) return;
    const current = g.desired;
    const want = hpaRecommendation(current, metrics);
    history.push({ t: now, want });
    while (history.length > 0 && history[0]!.t <= now - STABILIZATION_MS) history.shift();
    let next = want;
    if (want < current) next = Math.min(current, Math.max(...history.map((h) => h.want)));
    else next = Math.min(want, current + Math.max(4, current));
    g.desired = Math.min(g.max, Math.max(g.min, next));
  };
  return { name: 'hpa', describe: 'the Kubernetes HPA rule alone on CPU and memory (tolerance 0.1, 300 s scale-down stabilization)', control, records: [] };
};
