// `npm start` until the simulator lands: the decision core over the shipped config and example snapshots.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../controller/config';
import { parseSnapshot } from '../controller/snapshot-schema';
import { decide } from '../policies/decide';
import { formatPlan } from './format-plan';

const root = join(__dirname, '..');
const config = loadConfig(join(root, 'config/autoscaler.yaml'));
const group = config.groups[0]!;
const dir = join(root, 'examples/snapshots');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const snapshot = parseSnapshot(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  console.log(`== ${file}`);
  console.log(formatPlan(decide(snapshot, group, snapshot.takenAt)));
  console.log('');
}
