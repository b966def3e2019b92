import { actionOf, severityOf, toLogEntry, type DecisionRecord } from '../../controller/decision-record';
import { reconcile } from '../../controller/reconcile';
import type { Cloud } from '../../controller/port';
import { example, shippedConfig } from '../fixtures/shipped';

const record = (over: Partial<DecisionRecord>): DecisionRecord => ({
  group: 'web', trigger: { kind: 'schedule', rule: 'tick' }, at: '2026-03-04T15:00:00.000Z', outcome: 'unchanged', reasonCodes: [], writes: [], written: [], dryRun: false, durationMs: 3, ...over,
});

/** Logs Insights' view of a JSON event: nested objects and arrays flattened to one field per leaf. */
const flatten = (x: unknown, path = ''): string[] =>
  x !== null && typeof x === 'object' ? Object.entries(x).flatMap(([k, v]) => flatten(v, path ? `${path}.${k}` : k)) : [path];

describe('decision record severity', () => {
  it.each(['BREAKER_OPEN', 'TAG_INVALID', 'MODE_UNSUPPORTED'])('logs %s at WARN', (code) => {
    expect(severityOf(record({ reasonCodes: ['HOLD_WITHIN_TOLERANCE', code] }))).toBe('warn');
  });

  it('logs a failed group at ERROR and an ordinary decision at INFO', () => {
    expect(severityOf(record({ outcome: 'failed', reasonCodes: ['TAG_INVALID'] }))).toBe('error');
    expect(severityOf(record({ outcome: 'changed', reasonCodes: ['SCALE_OUT_CPU'] }))).toBe('info');
  });
});

describe('decision record as logged', () => {
  const logged = async (name: string) => {
    const s = example(name);
    const records: DecisionRecord[] = [];
    const cloud: Cloud = { observe: async () => ({ snapshots: new Map([['cinemahint-web', s]]), failures: new Map() }), write: async () => undefined } as unknown as Cloud;
    await reconcile({ cloud, groups: shippedConfig().groups, now: s.takenAt, dryRun: true, log: (r) => records.push(r), trigger: { kind: 'schedule', rule: 'tick' } });
    return { record: records[0]!, entry: toLogEntry(records[0]!) };
  };

  it('puts the headline first: group, outcome, action, reason codes, desired before and after', async () => {
    const { entry } = await logged('evening-rush');
    expect(Object.keys(entry).slice(0, 6)).toEqual(['group', 'outcome', 'action', 'reasonCodes', 'desiredBefore', 'desiredAfter']);
    expect(entry).toMatchObject({ group: 'cinemahint-web', outcome: 'dry-run', action: 'scale-out', desiredBefore: 3, desiredAfter: 5 });
  });

  it.each(['evening-rush', 'dependency-outage', 'quiet-night', 'one-bad-instance'])('stays under 40 discovered fields for %s, snapshot included', async (name) => {
    const { entry, record } = await logged(name);
    expect(flatten(entry).length).toBeLessThan(40);
    expect(flatten({ decision: record }).length).toBeGreaterThan(150);
  });

  it('carries the plan and snapshot as JSON text that parses back to the same values', async () => {
    const { entry, record } = await logged('one-bad-instance');
    const d = entry.decision as { plan: string; snapshot: string };
    expect(JSON.parse(d.plan)).toEqual(JSON.parse(JSON.stringify(record.plan)));
    expect(JSON.parse(d.snapshot)).toEqual(JSON.parse(JSON.stringify(record.snapshot)));
  });

  it('names the action from the plan', async () => {
    expect(actionOf((await logged('one-bad-instance')).record)).toBe('replace');
    expect(actionOf((await logged('quiet-night')).record)).toBe('scale-in');
    expect(actionOf(record({ outcome: 'failed' }))).toBe('none');
  });
});
