// `status`: one line per managed group, from one batched observation. Writes nothing.
import type { Command } from 'commander';
import { findGroup } from '../../controller/config';
import { decide } from '../../policies/decide';
import type { GroupConfig } from '../../policies/config';
import type { Snapshot } from '../../policies/snapshot';
import { readOverrides } from '../../policies/tags';
import { activeWindow } from '../../policies/time-window';
import { configOf, globals, print, type CliContext } from '../context';
import { EXIT } from '../exit-codes';
import { table } from '../table';

const modeOf = (s: Snapshot): string => {
  const d = s.group.distribution;
  if (!d) return 'on-demand (no MixedInstancesPolicy)';
  const p = d.onDemandPercentageAboveBaseCapacity;
  return `${p === 100 ? 'reserved' : p === 0 ? 'spot' : `balanced ${p}%`} (base ${d.onDemandBaseCapacity})`;
};

const until = (t: number | undefined): string => (t === undefined ? '' : new Date(t).toISOString().slice(0, 16) + 'Z');

export const statusRow = (g: GroupConfig, s: Snapshot, now: number) => {
  const o = readOverrides(s.group.tags, now);
  const plan = decide(s, g, now);
  return {
    group: g.name, desired: s.group.desired, min: s.group.min, max: s.group.max,
    inService: s.group.instances.filter((i) => i.lifecycle === 'InService').length,
    healthyTargets: s.targets.filter((t) => t.state === 'healthy').length, targets: s.targets.length,
    mode: modeOf(s), window: activeWindow(g.windows, now, g.timeZone)?.name ?? null,
    pausedUntil: o.pausedUntil ? until(o.pausedUntil) : null,
    override: o.desired ? `${o.desired.value} until ${until(o.desired.until)}` : null,
    lastActivity: s.activities[0] ? `${until(s.activities[0].startedAt)} ${s.activities[0].status}: ${s.activities[0].description}` : null,
    nextDecision: plan.reasons[0]?.code ?? null,
  };
};

export const statusCommand = (program: Command, ctx: CliContext): void => {
  program
    .command('status')
    .option('--group <name>', 'only this group')
    .description('show the managed groups: capacity, health, mode, window, pause/override, last activity and the decision a run would take now')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler status --region us-east-1')
    .action(async (opts: { group?: string }, cmd: Command) => {
      const g = globals(cmd);
      const config = configOf(g);
      const groups = opts.group ? [findGroup(config, opts.group)] : config.groups;
      const now = ctx.deps.now();
      const obs = await ctx.deps.cloud(g).observe(groups, now, { targetHealth: 'always' }); // status shows every target's health
      const rows = groups.flatMap((c) => { const s = obs.snapshots.get(c.name); return s ? [statusRow(c, s, now)] : []; });
      const failures = [...obs.failures].map(([group, e]) => ({ group, error: e.message }));
      print(ctx, g, { groups: rows, failures }, () => [
        table(['GROUP', 'DESIRED', 'MIN', 'MAX', 'IN SERVICE', 'HEALTHY', 'MODE', 'WINDOW', 'PAUSED UNTIL', 'OVERRIDE', 'NEXT DECISION', 'LAST ACTIVITY'],
          rows.map((r) => [r.group, String(r.desired), String(r.min), String(r.max), String(r.inService), `${r.healthyTargets}/${r.targets}`, r.mode, r.window ?? '-', r.pausedUntil ?? '-', r.override ?? '-', r.nextDecision ?? '-', r.lastActivity ?? '-'])),
        ...failures.map((f) => `FAILED ${f.group}: ${f.error}`),
      ].join('\n'));
      if (failures.length > 0) ctx.setExit(EXIT.failed);
    });
};
