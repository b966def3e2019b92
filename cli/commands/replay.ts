// `replay RECORD_FILE`: re-runs the pure decision on a logged decision record's own snapshot and instant,
// and says whether today's code and config reproduce the logged plan exactly (a post-mortem tool).
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { Command } from 'commander';
import { findGroup } from '../../controller/config';
import { EventParseError } from '../../controller/errors';
import { parseSnapshot } from '../../controller/snapshot-schema';
import { decide } from '../../policies/decide';
import { configOf, globals, print, widthOf, type CliContext } from '../context';
import { EXIT } from '../exit-codes';
import { formatPlan } from '../format-plan';
import { envelope, planJson } from '../json';

interface LoggedRecord {
  group: string;
  at: string;
  trigger?: { kind?: string };
  plan?: unknown;
  snapshot?: unknown;
}

const parse = (s: string): unknown[] => { try { return [JSON.parse(s)]; } catch { return []; } };

/**
 * Accepts a decision record, a Powertools log line holding one ({ decision }), a file of such lines, or what
 * `aws logs filter-log-events --query 'events[].message'` prints: a JSON array of those lines (--output json),
 * or the lines joined by tabs (--output text). A JSON log line never holds a raw tab, so splitting on tabs is safe.
 */
export const readRecords = (file: string): LoggedRecord[] => {
  const text = readFileSync(file, 'utf8');
  const unwrap = (x: unknown): LoggedRecord | undefined => {
    const doc = typeof x === 'string' ? parse(x)[0] : x;
    const r = (doc as { decision?: unknown })?.decision ?? doc;
    if (!(r && typeof r === 'object' && 'snapshot' in r && 'group' in r)) return undefined;
    // The Lambda log carries the plan and snapshot as compact JSON text (one Logs Insights field each).
    const fromJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
    const l = r as LoggedRecord;
    return { ...l, plan: fromJson(l.plan), snapshot: fromJson(l.snapshot) };
  };
  const whole = parse(text);
  const docs = whole.length > 0 ? whole : text.split(/[\t\n]/).filter((l) => l.trim().startsWith('{')).flatMap(parse);
  const records = docs.flatMap((d) => (Array.isArray(d) ? d : [d])).map(unwrap).filter((r): r is LoggedRecord => r !== undefined);
  if (records.length === 0) throw new EventParseError([`${file}: no decision record with a snapshot found (expected the JSON of a "decision ..." log line)`]);
  return records;
};

export const replayCommand = (program: Command, ctx: CliContext): void => {
  program
    .command('replay')
    .argument('<record-file>', 'a decision record from the logs (JSON, or JSON lines)')
    .description('reproduce a logged decision from its snapshot, and show whether the plan is identical')
    .addHelpText('after', `
Example: replay a group's records from the onSchedule function's log group
  $ aws logs filter-log-events --log-group-name /aws/lambda/FUNCTION \\
      --filter-pattern '"decision cinemahint-web"' \\
      --query 'events[].message' --output json > records.json
  $ npx autoscaler replay records.json`)
    .action((file: string, _o: unknown, cmd: Command) => {
      const g = globals(cmd);
      const config = configOf(g);
      const results = readRecords(file).map((r) => {
        const snapshot = parseSnapshot(r.snapshot);
        const plan = decide(snapshot, findGroup(config, r.group), Date.parse(r.at), r.trigger?.kind === 'health' ? 'health' : 'all');
        const identical = isDeepStrictEqual(JSON.parse(JSON.stringify(plan)), r.plan);
        return { group: r.group, at: r.at, identical, plan, logged: r.plan };
      });
      print(ctx, g, envelope('replay', { results: results.map((x) => ({ group: x.group, at: x.at, identical: x.identical, plan: planJson(x.plan), logged: x.logged ?? null })) }), () => results.map((x) =>
        `${formatPlan(x.plan, widthOf(g))}\n  replay: ${x.identical ? 'identical to the logged plan' : 'DIFFERS from the logged plan (code or config changed since)'}`).join('\n\n'));
      if (results.some((x) => !x.identical)) ctx.setExit(EXIT.failed);
    });
};
