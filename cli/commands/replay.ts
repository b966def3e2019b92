// `replay RECORD_FILE`: re-runs the pure decision on a logged decision record's own snapshot and instant,
// and says whether today's code and config reproduce the logged plan exactly (a post-mortem tool).
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { Command } from 'commander';
import { findGroup } from '../../controller/config';
import { EventParseError } from '../../controller/errors';
import { parseSnapshot } from '../../controller/snapshot-schema';
import { decide } from '../../policies/decide';
import { configOf, globals, print, type CliContext } from '../context';
import { EXIT } from '../exit-codes';
import { formatPlan } from '../format-plan';

interface LoggedRecord {
  group: string;
  at: string;
  trigger?: { kind?: string };
  plan?: unknown;
  snapshot?: unknown;
}

/** Accepts a decision record, a Powertools log line holding one ({ decision }), or a file of such lines. */
export const readRecords = (file: string): LoggedRecord[] => {
  const text = readFileSync(file, 'utf8');
  const unwrap = (x: unknown): LoggedRecord | undefined => {
    const r = (x as { decision?: unknown })?.decision ?? x;
    if (!(r && typeof r === 'object' && 'snapshot' in r && 'group' in r)) return undefined;
    // The Lambda log carries the plan and snapshot as compact JSON text (one Logs Insights field each).
    const fromJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
    const l = r as LoggedRecord;
    return { ...l, plan: fromJson(l.plan), snapshot: fromJson(l.snapshot) };
  };
  let docs: unknown[];
  try {
    docs = [JSON.parse(text)];
  } catch {
    docs = text.split('\n').filter((l) => l.trim().startsWith('{')).flatMap((l) => { try { return [JSON.parse(l)]; } catch { return []; } });
  }
  const records = docs.flatMap((d) => (Array.isArray(d) ? d : [d])).map(unwrap).filter((r): r is LoggedRecord => r !== undefined);
  if (records.length === 0) throw new EventParseError([`${file}: no decision record with a snapshot found (expected the JSON of a "decision ..." log line)`]);
  return records;
};

export const replayCommand = (program: Command, ctx: CliContext): void => {
  program
    .command('replay')
    .argument('<record-file>', 'a decision record from the logs (JSON, or JSON lines)')
    .description('reproduce a logged decision from its snapshot, and show whether the plan is identical')
    .addHelpText('after', '\nExample:\n  $ aws logs filter-log-events ... --query "events[].message" --output text > record.jsonl\n  $ npx autoscaler replay record.jsonl')
    .action((file: string, _o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const config = configOf(g);
      const results = readRecords(file).map((r) => {
        const snapshot = parseSnapshot(r.snapshot);
        const plan = decide(snapshot, findGroup(config, r.group), Date.parse(r.at), r.trigger?.kind === 'health' ? 'health' : 'all');
        const identical = isDeepStrictEqual(JSON.parse(JSON.stringify(plan)), r.plan);
        return { group: r.group, at: r.at, identical, plan, logged: r.plan };
      });
      print(ctx, g, results, () => results.map((x) =>
        `${formatPlan(x.plan)}\n  replay: ${x.identical ? 'identical to the logged plan' : 'DIFFERS from the logged plan (code or config changed since)'}`).join('\n\n'));
      if (results.some((x) => !x.identical)) ctx.setExit(EXIT.failed);
    });
};
