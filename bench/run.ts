// `npm run bench`: every shipped trace through the controller and every baseline, one table with ratios
// against AWS target tracking (cost, SLO minutes), and the simulator's speed in simulated group-minutes/s.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { table } from '../cli/table';
import { loadConfig } from '../controller/config';
import { simulate } from '../sim/simulate';
import { loadTrace } from '../sim/trace';

const ROOT = join(__dirname, '..');
const ratio = (a: number, b: number): string => (b === 0 ? (a === 0 ? '1.00' : 'inf') : (a / b).toFixed(2));

const main = async (): Promise<void> => {
  const config = loadConfig(join(ROOT, 'config/autoscaler.yaml')).groups[0]!;
  const files = readdirSync(join(ROOT, 'traces')).filter((f) => f.endsWith('.csv')).sort();
  const rows: string[][] = [];
  let groupMinutes = 0;
  let seconds = 0;
  const goal: string[] = [];
  for (const file of files) {
    const trace = loadTrace(join(ROOT, 'traces', file));
    const t0 = performance.now();
    const report = await simulate({ trace, config, seed: 1 });
    seconds += (performance.now() - t0) / 1000;
    groupMinutes += report.trace.minutes * report.runs.length;
    const tt = report.runs.find((r) => r.summary.policy === 'aws-target-tracking')!.summary;
    for (const r of report.runs) {
      const s = r.summary;
      rows.push([file.replace('.csv', ''), s.policy, s.costUsd.toFixed(2), ratio(s.costUsd, tt.costUsd), String(s.sloViolationMinutes), ratio(s.sloViolationMinutes, tt.sloViolationMinutes),
        String(s.scalingActions), String(s.longestUnderCapacityMinutes), report.trace.scaleFactor.toPrecision(3)]);
    }
    const c = report.runs.find((r) => r.summary.policy === 'controller')!.summary;
    const met = c.sloViolationMinutes < tt.sloViolationMinutes && c.costUsd <= tt.costUsd;
    goal.push(`${file}: controller ${c.sloViolationMinutes} SLO min vs ${tt.sloViolationMinutes}, $${c.costUsd.toFixed(2)} vs $${tt.costUsd.toFixed(2)} -> ${met ? 'goal met' : 'goal NOT met'}`);
  }
  console.log(table(['TRACE', 'POLICY', 'COST $', 'COST/TT', 'SLO MIN', 'SLO/TT', 'ACTIONS', 'LONGEST UNDER (min)', 'SCALE'], rows));
  console.log('');
  console.log('goal (fewer SLO-violation minutes than AWS target tracking at no more cost):');
  for (const g of goal) console.log(`  ${g}`);
  console.log('');
  console.log(`speed: ${groupMinutes.toLocaleString('en-US')} simulated group-minutes in ${seconds.toFixed(1)} s = ${Math.round(groupMinutes / seconds).toLocaleString('en-US')} group-minutes/s`);
};

void main();
