import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeOnSchedule } from '../../functions/on-schedule';
import { REASON_CODES } from '../../policies/reasons';
import { TAGS } from '../../policies/tags';
import { asgMock, cwMock, elbMock, resetAws, serve, testRuntime, writesSent } from '../fixtures/aws-world';
import { cli } from '../fixtures/cli';
import { event, example, INSTANCE, shippedConfig } from '../fixtures/shipped';

const rush = example('evening-rush');
const now = rush.takenAt;
const iso = (t: number) => new Date(t).toISOString();
const SET5 = ['SetDesiredCapacityCommand', { AutoScalingGroupName: 'cinemahint-web', DesiredCapacity: 5, HonorCooldown: false }];
const awsCalls = () => asgMock.calls().length + cwMock.calls().length + elbMock.calls().length;

describe('autoscaler CLI', () => {
  beforeEach(() => {
    resetAws();
    serve([rush]);
  });

  describe('status', () => {
    it('shows one row per group and writes nothing', async () => {
      const r = await cli(['status'], { now });
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^GROUP\s+DESIRED\s+MIN\s+MAX\s+HEALTHY\s+MODE\s+NEXT DECISION\n/);
      expect(r.out).toMatch(/cinemahint-web\s+3\s+2\s+10\s+3\/3\s+reserved\s+scale 3 → 5$/m);
      expect(writesSent()).toEqual([]);
    });

    it('gives the same facts as JSON', async () => {
      const r = await cli(['status', '--json'], { now });
      expect(JSON.parse(r.out)).toMatchObject({ schemaVersion: 1, kind: 'status', at: iso(now), failures: [] });
      expect(JSON.parse(r.out).groups[0]).toMatchObject({ group: 'cinemahint-web', desired: 3, inService: 3, healthyTargets: 3, nextDecision: 'scale 3 → 5',
        nextDecisionCodes: expect.arrayContaining(['SCALE_OUT_CPU']), pausedUntil: null, override: null, lastActivity: { at: expect.stringMatching(/^2026-03-03T23:5\d:00\.000Z$/), status: 'Successful' } });
    });
  });

  describe('plan', () => {
    it('prints every reason with its numbers and writes nothing', async () => {
      const r = await cli(['plan', '--group', 'cinemahint-web'], { now });
      expect(r.code).toBe(0);
      expect(r.out.split('\n')[0]).toBe('cinemahint-web: scale 3 → 5');
      expect(r.out).toContain('changes: desired 3 → 5');
      expect(r.out).toMatch(/SCALE_OUT_CPU\s+cpu: ceil\(3 \* 91\.0 \/ 60\) = 5 > 3/);
      expect(r.out).toContain('would write (dry run):\n    SetDesiredCapacity cinemahint-web 5');
      expect(writesSent()).toEqual([]);
    });
  });

  describe('apply', () => {
    it('writes the plan with --yes', async () => {
      const r = await cli(['apply', '--yes'], { now });
      expect(r.code).toBe(0);
      expect(writesSent()).toEqual([SET5]);
      expect(r.out).toContain('written:\n    SetDesiredCapacity cinemahint-web 5');
    });

    it('asks first, and a declined apply writes nothing and exits 1', async () => {
      const r = await cli(['apply'], { now, confirm: false });
      expect(r.asked).toEqual(['apply 1 write(s) to cinemahint-web?']);
      expect(r.code).toBe(1);
      expect(r.err).toContain('apply cancelled: nothing written');
      expect(writesSent()).toEqual([]);
    });

    it('writes after a yes', async () => {
      const r = await cli(['apply'], { now, confirm: true });
      expect(r.code).toBe(0);
      expect(writesSent()).toEqual([SET5]);
    });

    it('asks about a replacement like any other write', async () => {
      resetAws();
      const bad = example('one-bad-instance');
      serve([bad]);
      const r = await cli(['apply'], { now: bad.takenAt, confirm: true });
      expect(r.asked).toEqual(['apply 1 write(s) to cinemahint-web?']);
      expect(writesSent()).toEqual([['SetInstanceHealthCommand', { InstanceId: INSTANCE(1), HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: true }]]);
    });

    it('says there is nothing to apply, without asking', async () => {
      resetAws();
      const outage = example('dependency-outage');
      serve([outage]);
      const r = await cli(['apply'], { now: outage.takenAt, confirm: true });
      expect(r.code).toBe(0);
      expect(r.asked).toEqual([]);
      expect(r.out).toContain('nothing to apply.');
      expect(writesSent()).toEqual([]);
    });
  });

  describe('manual actions', () => {
    it('set-capacity G N --for 2h tags an override and applies it', async () => {
      const r = await cli(['set-capacity', 'cinemahint-web', '6', '--for', '2h'], { now });
      expect(r.code).toBe(0);
      expect(writesSent()).toEqual([
        ['CreateOrUpdateTagsCommand', { Tags: [
          { ResourceId: 'cinemahint-web', ResourceType: 'auto-scaling-group', Key: TAGS.overrideDesired, Value: '6', PropagateAtLaunch: false },
          { ResourceId: 'cinemahint-web', ResourceType: 'auto-scaling-group', Key: TAGS.overrideUntil, Value: iso(now + 7_200_000), PropagateAtLaunch: false },
        ] }],
        ['SetDesiredCapacityCommand', { AutoScalingGroupName: 'cinemahint-web', DesiredCapacity: 6, HonorCooldown: false }],
      ]);
    });

    it('refuses an out-of-range capacity with exit 2, a clear message and no AWS call', async () => {
      const r = await cli(['set-capacity', 'cinemahint-web', '50'], { now });
      expect(r.code).toBe(2);
      expect(r.err).toContain('payload.desired: 50 is outside the bounds of group cinemahint-web (2..10)');
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(awsCalls()).toBe(0);
    });

    it('pause needs a duration', async () => {
      const r = await cli(['pause', 'cinemahint-web'], { now });
      expect(r.code).toBe(2);
      expect(r.err).toContain('needs for (e.g. "1h") or until');
      expect(awsCalls()).toBe(0);
    });

    it('pause --for 1h tags the group and writes nothing else', async () => {
      const r = await cli(['pause', 'cinemahint-web', '--for', '1h'], { now });
      expect(r.code).toBe(0);
      expect(writesSent()).toEqual([['CreateOrUpdateTagsCommand', { Tags: [{ ResourceId: 'cinemahint-web', ResourceType: 'auto-scaling-group', Key: TAGS.pausedUntil, Value: iso(now + 3_600_000), PropagateAtLaunch: false }] }]]);
      expect(r.out).toContain('PAUSED');
    });

    it('resume deletes the pause tag and reconciles', async () => {
      resetAws();
      serve([{ ...rush, group: { ...rush.group, tags: { ...rush.group.tags, [TAGS.pausedUntil]: iso(now + 60_000) } } }]);
      const r = await cli(['resume', 'cinemahint-web'], { now });
      expect(r.code).toBe(0);
      expect(writesSent()).toEqual([['DeleteTagsCommand', { Tags: [{ ResourceId: 'cinemahint-web', ResourceType: 'auto-scaling-group', Key: TAGS.pausedUntil }] }], SET5]);
    });

    it('mode G spot --for 3h tags the mode and writes the distribution', async () => {
      const r = await cli(['mode', 'cinemahint-web', 'spot', '--for', '3h'], { now });
      expect(r.code).toBe(0);
      expect(writesSent().map(([c]) => c)).toEqual(['CreateOrUpdateTagsCommand', 'UpdateAutoScalingGroupCommand']);
    });

    it('mode refuses an unknown mode', async () => {
      const r = await cli(['mode', 'cinemahint-web', 'cheap'], { now });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/payload\.mode: /);
      expect(awsCalls()).toBe(0);
    });

    it('replace G ID hands the instance to the ASG; an unknown instance exits 2 with no write', async () => {
      const ok = await cli(['replace', 'cinemahint-web', INSTANCE(1)], { now });
      expect(ok.code).toBe(0);
      expect(writesSent()).toEqual([['SetInstanceHealthCommand', { InstanceId: INSTANCE(1), HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: true }]]);
      resetAws();
      serve([rush]);
      const bad = await cli(['replace', 'cinemahint-web', 'i-0123456789abcdef0'], { now });
      expect(bad.code).toBe(2);
      expect(writesSent()).toEqual([]);
    });
  });

  describe('decide, replay, validate-config, reasons: no AWS at all', () => {
    it('decide prints a plan with reason codes as JSON', async () => {
      const r = await cli(['decide', '--snapshot', 'examples/snapshots/evening-rush.json', '--json'], { now });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ group: 'cinemahint-web', desired: 5, reasons: expect.arrayContaining([expect.objectContaining({ code: 'SCALE_OUT_CPU' })]) });
      expect(awsCalls()).toBe(0);
    });

    it('decide --at re-decides at another instant: at 00:20 New York the night window applies', async () => {
      const r = await cli(['decide', '--snapshot', 'examples/snapshots/quiet-night.json', '--at', '2026-03-05T05:20:00Z', '--json'], { now });
      expect(JSON.parse(r.out)).toMatchObject({ window: 'night', mode: 'spot' });
    });

    it('decide names a bad snapshot file precisely', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'snap-'));
      writeFileSync(join(dir, 's.json'), JSON.stringify({ takenAt: 'yesterday' }));
      const r = await cli(['decide', '--snapshot', join(dir, 's.json')], { now });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/s\.json: takenAt: /);
    });

    it('replay reproduces a logged decision exactly, and flags a record that no longer matches', async () => {
      // Prepare: a real decision record, as the onSchedule handler logs it
      const rt = testRuntime(shippedConfig(), now);
      await makeOnSchedule(() => rt)(event('schedule-tick'));
      const dir = mkdtempSync(join(tmpdir(), 'replay-'));
      const line = JSON.stringify({ level: 'INFO', message: 'decision cinemahint-web', decision: rt.records[0] });
      writeFileSync(join(dir, 'record.jsonl'), `${line}\n`);
      resetAws();
      // Act
      const same = await cli(['replay', join(dir, 'record.jsonl')], { now });
      // Assess
      expect(same.code).toBe(0);
      expect(same.out).toContain('replay: identical to the logged plan');
      expect(awsCalls()).toBe(0);
      const tampered = { ...rt.records[0]!, plan: { ...rt.records[0]!.plan!, desired: 4 } };
      writeFileSync(join(dir, 'tampered.json'), JSON.stringify(tampered));
      const differs = await cli(['replay', join(dir, 'tampered.json')], { now });
      expect(differs.code).toBe(1);
      expect(differs.out).toContain('DIFFERS from the logged plan');
    });

    it('validate-config lists every problem as path: reason and exits 2', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
      writeFileSync(join(dir, 'bad.yaml'), 'groups:\n  web:\n    capacity: {min: 3, max: 2, desired: 2}\n    policies: {cpu: {target: 60, alarm: 80}}\n    capacityMode: {}\n    health: {}\n');
      const r = await cli(['validate-config', join(dir, 'bad.yaml')], { now });
      expect(r.code).toBe(2);
      expect(r.err).toContain('groups.web.capacity.max: must be >= min (3)');
      expect((await cli(['validate-config'], { now })).code).toBe(0);
      expect(awsCalls()).toBe(0);
    });

    it('reasons lists the whole catalogue', async () => {
      const r = await cli(['reasons', '--json'], { now });
      expect(JSON.parse(r.out).reasons.map((x: { code: string }) => x.code)).toEqual(REASON_CODES);
    });
  });

  describe('invoke', () => {
    it('runs a handler on an event file', async () => {
      const r = await cli(['--json', 'invoke', 'onAlarm', '--event', 'events/alarm-cpu-high.json'], { now });
      expect(r.code).toBe(0);
      expect(writesSent()).toEqual([SET5]);
      expect(JSON.parse(r.out)).toMatchObject({ schemaVersion: 1, kind: 'invoke', function: 'onAlarm' });
      expect(JSON.parse(r.out).result[0]).toMatchObject({ group: 'cinemahint-web', outcome: 'changed' });
    });

    it('writes nothing with --dry-run', async () => {
      await cli(['--json', 'invoke', 'onAlarm', '--event', 'events/alarm-cpu-high.json', '--dry-run'], { now });
      expect(writesSent()).toEqual([]);
    });

    it('names an unknown function', async () => {
      const r = await cli(['invoke', 'onCoffee', '--event', 'events/alarm-cpu-high.json'], { now });
      expect(r.code).toBe(2);
      expect(r.err).toContain('"onCoffee" is not one of onAlarm, onSchedule, replaceUnhealthy, manual');
    });
  });

  describe('conventions', () => {
    it.each(['status', 'plan', 'apply', 'set-capacity', 'pause', 'resume', 'mode', 'replace', 'decide', 'replay', 'simulate', 'validate-config', 'invoke', 'reasons'])('%s --help shows an example', async (c) => {
      const r = await cli([c, '--help'], { now });
      expect(r.code).toBe(0);
      expect(r.out).toContain('Example:');
    });

    it('an unknown group exits 2 naming the known ones, without a stack trace unless --debug', async () => {
      const r = await cli(['plan', '--group', 'nope'], { now });
      expect(r.code).toBe(2);
      expect(r.err).toBe('error: unknown group "nope": the configuration manages "cinemahint-web"');
      const d = await cli(['--debug', 'plan', '--group', 'nope'], { now });
      expect(d.err).toMatch(/\n\s+at /);
    });

    it('a usage error exits 2', async () => {
      expect((await cli(['set-capacity'], { now })).code).toBe(2);
      expect((await cli(['no-such-command'], { now })).code).toBe(2);
    });
  });
});
