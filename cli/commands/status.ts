// `status`: one line per managed group, from one batched observation, leading with the action a run would take
// now. Writes nothing. 80 columns by default; -o wide adds the window, pause, override and last activity.
import type { Command } from 'commander';
import { findGroup } from '../../controller/config';
import { decide } from '../../policies/decide';
import type { GroupConfig } from '../../policies/config';
import type { Snapshot } from '../../policies/snapshot';
import { readOverrides } from '../../policies/tags';
import { activeWindow } from '../../policies/time-window';
import { configOf, globals, print, widthOf, type CliContext } from '../context';
import { EXIT } from '../exit-codes';
import { hintFor } from '../fix-hints';
import { headline } from '../headline';
import { envelope } from '../json';
import { table, wrap } from '../table';

const modeOf = (s: Snapshot): { short: string; long: string } => {
  const d = s.group.distribution;
  if (!d) return { short: 'on-demand', long: 'on-demand (no MixedInstancesPolicy)' };
  const p = d.onDemandPercentageAboveBaseCapacity;
  const short = p === 100 ? 'reserved' : p === 0 ? 'spot' : `balanced ${p}%`;
  return { short, long: `${short} (base ${d.onDemandBaseCapacity})` };
};

const iso = (t: number): string => new Date(t).toISOString();
const minute = (t: string | null | undefined): string => (t ? `${t.slice(0, 16)}Z` : '-');

export const statusRow = (g: GroupConfig, s: Snapshot, now: number) => {
  const o = readOverrides(s.group.tags, now);
  const plan = decide(s, g, now);
  const a = s.activities[0];
  const mode = modeOf(s);
  return {
    group: g.name, desired: s.group.desired, min: s.group.min, max: s.group.max,
    inService: s.group.instances.filter((i) => i.lifecycle === 'InService').length,
    healthyTargets: s.targets.filter((t) => t.state === 'healthy').length, targets: s.targets.length,
    mode: mode.long, modeShort: mode.short, window: activeWindow(g.windows, now, g.timeZone)?.name ?? null,
    pausedUntil: o.pausedUntil ? iso(o.pausedUntil) : null,
    override: o.desired ? { desired: o.desired.value, until: iso(o.desired.until) } : null,
    lastActivity: a ? { at: iso(a.startedAt), status: a.status, description: a.description } : null,
    nextDecision: headline(plan),
    nextDecisionCodes: plan.reasons.map((r) => r.code),
  };
};

type Row = ReturnType<typeof statusRow>;

const narrow = (rows: readonly Row[], width: number): string =>
  table(['GROUP', 'DESIRED', 'MIN', 'MAX', 'HEALTHY', 'MODE', 'NEXT DECISION'],
    rows.map((r) => [r.group, String(r.desired), String(r.min), String(r.max), `${r.healthyTargets}/${r.targets}`, r.modeShort, r.nextDecision]), width);

const wide = (rows: readonly Row[]): string =>
  table(['GROUP', 'DESIRED', 'MIN', 'MAX', 'IN SERVICE', 'HEALTHY', 'MODE', 'WINDOW', 'PAUSED UNTIL', 'OVERRIDE', 'NEXT DECISION', 'LAST ACTIVITY'],
    rows.map((r) => [r.group, String(r.desired), String(r.min), String(r.max), String(r.inService), `${r.healthyTargets}/${r.targets}`, r.mode, r.window ?? '-',
      minute(r.pausedUntil), r.override ? `${r.override.desired} until ${minute(r.override.until)}` : '-', r.nextDecision,
      r.lastActivity ? `${minute(r.lastActivity.at)} ${r.lastActivity.status}: ${r.lastActivity.description}` : '-']));

export const statusCommand = (program: Command, ctx: CliContext): void => {
  program
    .command('status')
    .option('--group <name>', 'only this group')
    .description('show the managed groups: capacity, health, mode and the action a run would take now (-o wide: window, pause, override, last activity)')
    .addHelpText('after', '\nExample:\n  $ npx autoscaler status --region us-east-1\n  $ npx autoscaler status -o wide')
    .action(async (opts: { group?: string }, cmd: Command) => {
      const g = globals(cmd);
      const config = configOf(g);
      const groups = opts.group ? [findGroup(config, opts.group)] : config.groups;
      const now = ctx.deps.now();
      const obs = await ctx.deps.cloud(g).observe(groups, now, { targetHealth: 'always' }); // status shows every target's health
      const rows = groups.flatMap((c) => { const s = obs.snapshots.get(c.name); return s ? [statusRow(c, s, now)] : []; });
      const failures = [...obs.failures].map(([group, e]) => ({ group, error: e.message, hint: hintFor(`${e.message} ${(e as { code?: string }).code ?? ''}`) }));
      const width = widthOf(g);
      print(ctx, g, envelope('status', { at: iso(now), groups: rows, failures }), () => [
        width === Infinity ? wide(rows) : narrow(rows, width),
        ...failures.flatMap((f) => [wrap(`FAILED ${f.group}: ${f.error}`, width, '  '), ...(f.hint ? [wrap(`hint: ${f.hint}`, width, '  ')] : [])]),
      ].join('\n'));
      if (failures.length > 0) ctx.setExit(EXIT.failed);
    });
};
