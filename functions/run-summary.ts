// What a handler returns: per group its outcome, reasons and writes. Failures are thrown after logging.
import type { DecisionRecord } from '../controller/decision-record';
import { RunFailedError } from '../controller/errors';
import type { RunResult } from '../controller/reconcile';

export interface GroupSummary {
  readonly group: string;
  readonly outcome: DecisionRecord['outcome'];
  readonly reasonCodes: readonly string[];
  readonly written: DecisionRecord['written'];
  readonly error?: string;
}

export const summarizeRun = (run: RunResult): GroupSummary[] =>
  run.records.map((r) => ({
    group: r.group, outcome: r.outcome, reasonCodes: r.reasonCodes, written: r.written, ...(r.error ? { error: r.error.message } : {}),
  }));

export const throwIfFailed = (run: RunResult): void => {
  if (run.failed.length > 0) throw new RunFailedError(run.failed.map((r) => ({ group: r.group, error: r.error?.message ?? 'failed' })));
};
