// Human-readable plan: the action first ("scale 3 → 5"), then the facts, then every reason with its numbers,
// wrapped to the terminal width. Plain text, no colour needed.
import type { Plan } from '../policies/plan';
import { headline } from './headline';
import { WIDTH, wrap } from './table';

const iso = (t: number): string => new Date(t).toISOString().replace(':00.000Z', 'Z');

const changes = (plan: Plan): string[] => {
  const out: string[] = [];
  if (plan.desired !== undefined) out.push(`desired ${plan.current.desired} → ${plan.desired}`);
  if (plan.bounds) out.push(`bounds ${plan.current.min}..${plan.current.max} → ${plan.bounds.min}..${plan.bounds.max}`);
  if (plan.replace.length > 0) out.push(`replace ${plan.replace.join(', ')}`);
  if (plan.distribution) out.push(`distribution → on-demand base ${plan.distribution.onDemandBaseCapacity}, ${plan.distribution.onDemandPercentageAboveBaseCapacity} % on-demand above (${plan.mode})`);
  if (plan.capacityRebalance) out.push('capacity rebalancing → on');
  if (plan.warmPool?.put) out.push(`warm pool → ${plan.warmPool.put.minSize} ${plan.warmPool.put.poolState.toLowerCase()}`);
  if (plan.warmPool?.delete) out.push('warm pool → deleted');
  return out;
};

export const formatPlan = (plan: Plan, width = WIDTH): string => {
  const { current: c, effectiveBounds: e } = plan;
  const asg = plan.autoScalingGroupName === plan.group ? '' : ` (ASG ${plan.autoScalingGroupName})`;
  const facts = [`at ${iso(plan.at)}`, `desired ${c.desired} in ${c.min}..${c.max}`,
    ...(e.min !== c.min || e.max !== c.max ? [`effective ${e.min}..${e.max}`] : []), `window ${plan.window ?? 'none'}`, `mode ${plan.mode}`];
  const lines = [`${plan.group}: ${headline(plan)}${asg}`, wrap(`  ${facts.join(', ')}`, width, '    ')];
  const ch = changes(plan);
  lines.push(wrap(`  changes: ${ch.length > 0 ? ch.join('; ') : 'none'}`, width, '    '));
  lines.push('  reasons:');
  const codeWidth = Math.max(0, ...plan.reasons.map((r) => r.code.length));
  for (const r of plan.reasons) lines.push(wrap(`    ${r.code.padEnd(codeWidth)}  ${r.message}`, width, ' '.repeat(Math.min(6 + codeWidth, 40))));
  return lines.join('\n');
};
