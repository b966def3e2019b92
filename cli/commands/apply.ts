// `apply`: reconcile now. Shows the plan, asks before writing unless --yes, then acts on that same observation.
import type { Command } from 'commander';
import type { DecisionRecord } from '../../controller/decision-record';
import { findGroup } from '../../controller/config';
import { reconcile } from '../../controller/reconcile';
import { configOf, globals, print, widthOf, type CliContext } from '../context';
import { UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { formatRecord } from '../format-run';
import { envelope, recordJson } from '../json';

export const applyCommand = (program: Command, ctx: CliContext): void => {
  program
    .command('apply')
    .option('--group <name>', 'only this group')
    .option('--yes', 'do not ask for confirmation')
    .description('reconcile now: show the plan, confirm, write only what changes')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler apply --group cinemahint-web\n  $ npx autoscaler apply --yes   # in scripts')
    .action(async (opts: { group?: string; yes?: boolean }, cmd: Command) => {
      const g = globals(cmd);
      const config = configOf(g);
      const groups = opts.group ? [findGroup(config, opts.group)] : config.groups;
      const cloud = ctx.deps.cloud(g);
      const now = ctx.deps.now();
      const trigger = { kind: 'manual', action: 'apply', by: 'cli' } as const;
      const observation = await cloud.observe(groups, now);
      const planned: DecisionRecord[] = [];
      await reconcile({ cloud, groups, now, trigger, dryRun: true, log: (r) => planned.push(r), observation });
      const pending = planned.filter((r) => r.writes.length > 0);
      // A group that could not be observed fails the command; the others can still be applied.
      if (planned.some((r) => r.outcome === 'failed')) ctx.setExit(EXIT.failed);
      if (!g.json) ctx.io.out(planned.map((r) => formatRecord(r, widthOf(g))).join('\n\n'));
      if (pending.length === 0) {
        print(ctx, g, envelope('apply', { applied: false, records: planned.map(recordJson) }), () => '\nnothing to apply.');
        return;
      }
      if (!opts.yes) {
        if (g.json) throw new UsageError(['apply --json needs --yes: there is no prompt in machine-readable mode']);
        const ok = await ctx.io.confirm(`apply ${pending.reduce((n, r) => n + r.writes.length, 0)} write(s) to ${pending.map((r) => r.group).join(', ')}?`);
        if (!ok) {
          ctx.io.err('apply cancelled: nothing written. (Not a terminal? Pass --yes.)');
          ctx.setExit(EXIT.failed);
          return;
        }
      }
      const done: DecisionRecord[] = [];
      const run = await reconcile({ cloud, groups: groups.filter((x) => pending.some((r) => r.group === x.name)), now, trigger, dryRun: false, log: (r) => done.push(r), observation });
      print(ctx, g, envelope('apply', { applied: true, records: done.map(recordJson) }), () => `\n${done.map((r) => formatRecord(r, widthOf(g))).join('\n\n')}`);
      if (run.failed.length > 0) ctx.setExit(EXIT.failed);
    });
};
