// A scaling policy under test: it controls the simulated group at the end of each minute.
import type { DecisionRecord } from '../../controller/decision-record';
import type { World } from '../world';

export interface Policy {
  readonly name: string;
  readonly describe: string;
  /** Called after the minute's datapoints are recorded, at the minute's end. */
  readonly control: (now: number, minuteIndex: number) => Promise<void>;
  /** Decision records, for the controller and the HPA rule (the other baselines have none). */
  readonly records: DecisionRecord[];
}

export type PolicyFactory = (world: World) => Policy;
