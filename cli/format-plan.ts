// Human-readable plan: what changes, then every reason with its numbers. Plain text, no colour needed.
import type { Plan } from '../policies/plan';

const changes = (plan: Plan): string[] => {
  const out: string[] = [];
  if (plan.desired !== undefined) out.push(`desired ${plan.current.desired} -> ${plan.desired}`);
  if (plan.bounds) out.push(`bounds ${plan.current.min}..${plan.current.max} -> ${plan.bounds.min}..${plan.bounds.max}`);
  if (plan.distribution) out.push(`distribution -> on-demand base ${plan.distribution.onDemandBaseCapacity}, ${plan.distribution.onDemandPercentageAboveBaseCapacity} % on-demand above (${plan.mode})`);
  if (plan.replace.length > 0) out.push(`replace ${plan.replace.join(', ')}`);
  return out;
};

export const formatPlan = (plan: Plan): string => {
  const lines = [
    `group ${plan.group} (${plan.autoScalingGroupName}) at ${new Date(plan.at).toISOString()}`,
    `  now: desired ${plan.current.desired}, bounds ${plan.current.min}..${plan.current.max}; window ${plan.window ?? 'none'}, mode ${plan.mode}, effective bounds ${plan.effectiveBounds.min}..${plan.effectiveBounds.max}`,
  ];
  const c = changes(plan);
  lines.push(c.length > 0 ? `  changes: ${c.join('; ')}` : '  changes: none');
  lines.push('  reasons:');
  for (const r of plan.reasons) lines.push(`    ${r.code.padEnd(32)} ${r.message}`);
  return lines.join('\n');
};
