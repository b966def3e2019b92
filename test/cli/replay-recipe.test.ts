import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeOnSchedule } from '../../functions/on-schedule';
import { resetAws, serve, testRuntime } from '../fixtures/aws-world';
import { cli } from '../fixtures/cli';
import { event, example, shippedConfig } from '../fixtures/shipped';

// What `aws logs filter-log-events --query 'events[].message'` prints for two logged decision records.
const logged = async () => {
  resetAws();
  const rush = example('evening-rush');
  serve([rush]);
  const rt = testRuntime(shippedConfig(), rush.takenAt);
  await makeOnSchedule(() => rt)(event('schedule-tick'));
  await makeOnSchedule(() => rt)(event('schedule-tick'));
  resetAws();
  return { now: rush.takenAt, lines: rt.records.map((d) => JSON.stringify({ level: 'INFO', message: `decision ${d.group}`, decision: d })) };
};

describe('the README replay recipe', () => {
  it('replays `--output json` as written: a JSON array of log lines', async () => {
    // Prepare
    const { now, lines } = await logged();
    const file = join(mkdtempSync(join(tmpdir(), 'recipe-')), 'records.json');
    writeFileSync(file, JSON.stringify(lines, null, 4));
    // Act
    const r = await cli(['replay', file, '--json'], { now });
    // Assess
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ schemaVersion: 1, kind: 'replay', results: [{ identical: true }, { identical: true }] });
  });

  it("replays jq -r '.[]' output (JSON lines) and the tab-joined `--output text` alike", async () => {
    const { now, lines } = await logged();
    const dir = mkdtempSync(join(tmpdir(), 'recipe-'));
    writeFileSync(join(dir, 'records.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'records.txt'), `${lines.join('\t')}\n`);
    for (const f of ['records.jsonl', 'records.txt']) {
      const r = await cli(['replay', join(dir, f), '--json'], { now });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).results.map((x: { identical: boolean }) => x.identical)).toEqual([true, true]);
    }
  });
});
