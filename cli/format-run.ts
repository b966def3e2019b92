// Human output for a run: each group's plan (or failure) and what was written.
import type { DecisionRecord } from '../controller/decision-record';
import type { Write } from '../controller/writes';
import { hintFor } from './fix-hints';
import { formatPlan } from './format-plan';
import { WIDTH, wrap } from './table';

export const formatWrite = (w: Write): string => {
  switch (w.kind) {
    case 'setDesiredCapacity': return `SetDesiredCapacity ${w.group} ${w.desired}`;
    case 'updateGroup': return `UpdateAutoScalingGroup ${w.group}${w.min !== undefined ? ` min=${w.min} max=${w.max}` : ''}${w.desired !== undefined ? ` desired=${w.desired}` : ''}${w.distribution ? ` on-demand-base=${w.distribution.onDemandBaseCapacity} on-demand-above=${w.distribution.onDemandPercentageAboveBaseCapacity}%` : ''}${w.capacityRebalance ? ' capacity-rebalance=on' : ''}`;
    case 'setInstanceUnhealthy': return `SetInstanceHealth ${w.instanceId} Unhealthy`;
    case 'putTags': return `CreateOrUpdateTags ${w.group} ${Object.entries(w.tags).map(([k, v]) => `${k}=${v}`).join(' ')}`;
    case 'deleteTags': return `DeleteTags ${w.group} ${w.keys.join(' ')}`;
    case 'putWarmPool': return `PutWarmPool ${w.group} min=${w.pool.minSize} max-prepared=${w.pool.maxGroupPreparedCapacity} ${w.pool.poolState}`;
    case 'deleteWarmPool': return `DeleteWarmPool ${w.group}`;
  }
};

export const formatRecord = (r: DecisionRecord, width = WIDTH): string => {
  const lines = [r.plan ? formatPlan(r.plan, width) : `${r.group}: failed`];
  if (r.error) {
    lines.push(wrap(`  FAILED: ${r.error.message}`, width, '    '));
    const hint = hintFor(`${r.error.message} ${r.error.code ?? ''}`);
    if (hint) lines.push(wrap(`  hint: ${hint}`, width, '    '));
  }
  if (r.outcome === 'held') lines.push('  held: HOLD_ACTIVITY_IN_PROGRESS (the ASG reported an activity in progress)');
  if (r.written.length > 0) lines.push(`  written:\n${r.written.map((w) => wrap(`    ${formatWrite(w)}`, width, '      ')).join('\n')}`);
  else if (r.writes.length > 0) lines.push(`  would write (${r.dryRun ? 'dry run' : 'not written'}):\n${r.writes.map((w) => wrap(`    ${formatWrite(w)}`, width, '      ')).join('\n')}`);
  return lines.join('\n');
};
