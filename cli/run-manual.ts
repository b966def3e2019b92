// Runs a manual action from the CLI through the same code, validation and limits as the manual function.
import type { Command } from 'commander';
import type { DecisionRecord } from '../controller/decision-record';
import { runManual, type ManualResult } from '../controller/manual';
import { parseManualPayload } from '../events/manual-payload';
import { configOf, globals, print, widthOf, type CliContext } from './context';
import { EXIT } from './exit-codes';
import { formatRecord, formatWrite } from './format-run';
import { envelope, recordJson } from './json';

export const runManualFromCli = async (ctx: CliContext, cmd: Command, payload: unknown, dryRun = false): Promise<ManualResult> => {
  const g = globals(cmd);
  const parsed = parseManualPayload(payload);
  const config = configOf(g);
  const records: DecisionRecord[] = [];
  const result = await runManual(parsed, { cloud: ctx.deps.cloud(g), config, now: ctx.deps.now(), dryRun, by: 'cli', log: (r) => records.push(r) });
  print(ctx, g, envelope('manual', { action: result.action, ok: result.failed.length === 0, tagWrites: [...result.tagWrites], records: records.map(recordJson) }), () =>
    [...result.tagWrites.map((w) => `written: ${formatWrite(w)}`), ...records.map((r) => formatRecord(r, widthOf(g)))].join('\n\n'));
  if (result.failed.length > 0) ctx.setExit(EXIT.failed);
  return result;
};
