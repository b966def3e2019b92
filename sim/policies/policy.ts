// A scaling policy under test: it controls the simulated group at the end of each minute.
import type { DecisionRecord } from '../../controller/decision-record';
import type { World } from '../world';

export interface Policy {
  readonly name: string;
  readonly describe: string;
  /** Called after the minute's datapoints are recorded, at the minute's end. */
  readonly control: (now: number, minuteIndex: number) => Promise<void>;
  /** Decision records (the controller's), as much of them as a run reads: kept for every run of every minute. */
  readonly records: PolicyRecord[];
}

/** What a run keeps of a decision record: its reasons and what it wrote (sim/run.ts marks and reason counts). */
export type PolicyRecord = Pick<DecisionRecord, 'reasonCodes' | 'written'>;

export type PolicyFactory = (world: World) => Policy;
