// Item 10: configurations that validated and then misbehaved are errors, each naming its path.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../controller/config';
import { isIanaRegionZone } from '../../controller/config-schema';
import { ConfigError } from '../../controller/errors';
import { packageConfig } from '../../deploy/package-config';
import { makeOnSchedule } from '../../functions/on-schedule';
import { createRuntime } from '../../functions/runtime';
import { asgMock, cwMock, elbMock, resetAws } from '../fixtures/aws-world';

const group = (name: string, extra = '') =>
  `  ${name}:\n    capacity: {min: 1, max: 10, desired: 2}\n    policies: {cpu: {target: 60, alarm: 80}}\n    capacityMode: {}\n    health: {}\n${extra}`;

const problems = (text: string): readonly string[] => {
  try {
    parseConfig(text, 'test.yaml');
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('configuration validation', () => {
  it('refuses two groups on the same Auto Scaling group, naming the second', () => {
    expect(problems(`groups:\n${group('web', '    autoScalingGroupName: shared-asg\n')}${group('api', '    autoScalingGroupName: shared-asg\n')}`)).toEqual([
      'groups.api.autoScalingGroupName: Auto Scaling group "shared-asg" is already managed by group web: two groups on one ASG would overwrite each other\'s writes',
    ]);
  });

  it('refuses a group whose default ASG name (its key) is another group\'s explicit ASG', () => {
    expect(problems(`groups:\n${group('web')}${group('api', '    autoScalingGroupName: web\n')}`)).toEqual([
      'groups.api.autoScalingGroupName: Auto Scaling group "web" is already managed by group web: two groups on one ASG would overwrite each other\'s writes',
    ]);
  });

  it('refuses a scale-out window over 600 s, naming the path, and defaults it to 0 s (HPA\'s scaleUp default)', () => {
    // Prepare / Act
    const tooLong = problems(`groups:\n${group('web', '    stabilization: {scaleInSeconds: 300, scaleOutSeconds: 900}\n')}`);
    const absent = parseConfig(`groups:\n${group('web')}`, 'test.yaml').groups[0]!;
    // Assess
    expect(tooLong).toHaveLength(1);
    expect(tooLong[0]).toMatch(/^groups\.web\.stabilization\.scaleOutSeconds: .*600/);
    expect(absent.stabilization).toEqual({ scaleInSeconds: 300, scaleOutSeconds: 0 });
  });

  it('refuses stepLimits.out of 0 instances and 0 %: the group could never scale out', () => {
    expect(problems(`groups:\n${group('web', '    stepLimits: {out: {instances: 0, percent: 0}}\n')}`)).toEqual([
      'groups.web.stepLimits.out: can never scale out: instances and percent are both 0',
    ]);
  });

  it('refuses stepLimits.out.instances 0 with capacity.min 0: a percentage of 0 is 0', () => {
    const cfg = '  web:\n    capacity: {min: 0, max: 10, desired: 0}\n    policies: {cpu: {target: 60, alarm: 80}}\n    capacityMode: {}\n    health: {}\n    stepLimits: {out: {instances: 0, percent: 50}}\n';
    expect(problems(`groups:\n${cfg}`)).toEqual([
      'groups.web.stepLimits.out.instances: must be >= 1 when capacity.min is 0: a percentage of 0 instances is 0, so the group could never leave 0',
    ]);
  });

  it('refuses stepLimits.in that rounds down to 0 at every size the group can have', () => {
    // floor(10 * 5 / 100) = 0: even at max 10 instances, 5 % is no instance
    expect(problems(`groups:\n${group('web', '    stepLimits: {in: {instances: 0, percent: 5}}\n')}`)).toEqual([
      'groups.web.stepLimits.in: can never scale in: instances is 0 and 5 % of at most 10 instances rounds down to 0',
    ]);
    expect(problems(`groups:\n${group('web', '    stepLimits: {in: {instances: 0, percent: 10}}\n')}`)).toEqual([]);
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'])('refuses a group named %s instead of silently dropping it', (name) => {
    expect(problems(`groups:\n${group('web')}${group(name)}`)).toEqual([`groups.${name}: is a JavaScript prototype property name; choose another group name`]);
  });

  it('refuses __proto__ as the only group with its own name, not as "no group"', () => {
    expect(problems(`groups:\n${group('__proto__')}`)).toEqual(['groups.__proto__: is a JavaScript prototype property name; choose another group name']);
  });

  it.each(['EST', 'PST8PDT', 'EST5EDT', 'CET', 'GMT', 'Etc/GMT+5', 'Zulu', 'Europe/Atlantis', 'america/new_york'])('refuses the time zone %s: only an IANA Area/Location name is DST-correct', (tz) => {
    expect(problems(`groups:\n${group('web', `    timeZone: "${tz}"\n`)}`)).toEqual([
      'groups.web.timeZone: must be UTC or an IANA Area/Location time zone such as America/New_York (not an abbreviation like EST or a fixed offset)',
    ]);
  });

  it.each(['UTC', 'Etc/UTC', 'America/New_York', 'Europe/Paris', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata'])('accepts the time zone %s', (tz) => {
    expect(isIanaRegionZone(tz)).toBe(true);
  });

  describe('through a handler', () => {
    beforeEach(resetAws);

    it('an invalid file fails the package step naming the path, writes nothing, and a run on it makes no AWS call', async () => {
      // Prepare
      const dir = mkdtempSync(join(tmpdir(), 'autoscaler-config-'));
      const file = join(dir, 'autoscaler.yaml');
      const packaged = join(dir, 'dist', 'config.json');
      writeFileSync(file, `groups:\n${group('web', '    timeZone: EST\n')}`);
      // Act
      const pack = () => packageConfig(file, packaged, dir);
      const run = () => makeOnSchedule(() => createRuntime({ AUTOSCALER_CONFIG: packaged }))({ groups: ['web'] });
      // Assess: the functions read only what the package step wrote, and it wrote nothing.
      expect(pack).toThrow(ConfigError);
      expect(pack).toThrow(/groups\.web\.timeZone: must be UTC or an IANA/);
      expect(existsSync(packaged)).toBe(false);
      await expect(run()).rejects.toThrow(/config\.json:\n {2}\(file\): cannot read: ENOENT/);
      expect(asgMock.calls().length + cwMock.calls().length + elbMock.calls().length).toBe(0);
    });
  });
});
