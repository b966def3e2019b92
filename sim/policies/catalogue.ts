// Every policy point a simulation can run: the controller, each baseline at each setting of its sweep, the oracle.
// A point's name is `family@setting` (`aws-tt-cpu@60`), or the family alone where there is nothing to sweep.
import { awsPredictiveTt } from './aws-predictive';
import { awsStepScaling } from './aws-step-scaling';
import { awsTtCpu, awsTtRequests } from './aws-target-tracking';
import { awsTtCpuWarmPool, awsTtRequestsWarmPool } from './aws-warm-pool';
import { controller } from './controller';
import { fixedPeak } from './fixed';
import { hpa } from './hpa';
import { oracle } from './oracle';
import type { PolicyFactory } from './policy';

export type PointKind = 'controller' | 'baseline' | 'oracle';

export interface PolicyPoint {
  readonly name: string;
  readonly family: string;
  /** The swept setting (a CPU target or a utilisation, in percent), '' when the family has none. */
  readonly setting: string;
  readonly kind: PointKind;
  /** One point per family stands for it in the headline table and the HTML report: the shipped config's 60 %. */
  readonly headline: boolean;
  readonly factory: PolicyFactory;
}

/** The sweep: CPU targets (and matching request-count utilisations) from 40 to 80 %. */
export const SWEEP = [40, 50, 60, 70, 80] as const;
export const HEADLINE_SETTING = 60;

const swept = (family: string, make: (s: number) => PolicyFactory): PolicyPoint[] =>
  SWEEP.map((s) => ({ name: `${family}@${s}`, family, setting: String(s), kind: 'baseline', headline: s === HEADLINE_SETTING, factory: make(s) }));
const single = (name: string, kind: PointKind, factory: PolicyFactory): PolicyPoint => ({ name, family: name, setting: '', kind, headline: true, factory });

export const POINTS: readonly PolicyPoint[] = [
  single('controller', 'controller', controller),
  ...swept('aws-tt-cpu', awsTtCpu),
  ...swept('aws-tt-requests', awsTtRequests),
  ...swept('aws-tt-cpu+wp', awsTtCpuWarmPool),
  ...swept('aws-tt-requests+wp', awsTtRequestsWarmPool),
  ...swept('aws-predictive-tt', awsPredictiveTt),
  ...swept('hpa', hpa),
  single('aws-step-scaling', 'baseline', awsStepScaling),
  single('fixed-peak', 'baseline', fixedPeak),
  single('oracle', 'oracle', oracle),
];

export const pointNamed = (name: string): PolicyPoint | undefined => POINTS.find((p) => p.name === name);

/** Resolves a list of point or family names (`aws-tt-cpu` means its whole sweep); unknown names are returned apart. */
export const selectPoints = (names: readonly string[]): { points: PolicyPoint[]; unknown: string[] } => {
  const unknown = names.filter((n) => !POINTS.some((p) => p.name === n || p.family === n));
  const points = POINTS.filter((p) => names.includes(p.name) || names.includes(p.family));
  return { points, unknown };
};
