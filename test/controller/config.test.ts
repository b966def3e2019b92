import { join } from 'node:path';
import { findGroup, loadConfig, parseConfig } from '../../controller/config';
import { ConfigError, UnknownGroupError } from '../../controller/errors';

const problems = (text: string): readonly string[] => {
  try {
    parseConfig(text, 'test.yaml');
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('loads the shipped CinemaHint example with the scaling guide numbers', () => {
    // Act
    const [g] = loadConfig(join(__dirname, '../../config/autoscaler.yaml')).groups;
    // Assess
    expect(g).toMatchObject({
      name: 'cinemahint-web',
      capacity: { min: 2, max: 10, desired: 3 },
      policies: { cpu: { target: 60, alarm: 80 }, memory: { target: 70, alarm: 85 }, latency: { percentile: 'p90', ceilingSeconds: 2 }, errorRate: { ceilingPercent: 5 } },
      health: { path: '/api/health', intervalSeconds: 30, healthyThreshold: 2, unhealthyThreshold: 5 },
      capacityMode: { default: 'reserved', reservedInstances: 2 },
    });
    expect(g!.windows.map((w) => w.mode)).toEqual(['spot', 'spot']);
  });

  it('reports every problem as path: reason', () => {
    const found = problems(`
groups:
  cinemahint-web:
    capacity: { min: 2, max: 1, desired: 3 }
    policies: { cpu: { target: 60, alarm: 50 } }
    capacityMode: { reservedInstances: -1 }
    health: {}
    windows: [{ name: n, days: [funday], start: "25:00", end: "07:00" }]
    timeZone: Mars/Olympus
    typo: true
`);
    expect(found).toEqual(expect.arrayContaining([
      'groups.cinemahint-web.capacity.max: must be >= min (2)',
      'groups.cinemahint-web.capacity.desired: must be within min..max (2..1)',
      'groups.cinemahint-web.policies.cpu.alarm: must be > target (60)',
      'groups.cinemahint-web.timeZone: must be UTC or an IANA Area/Location time zone such as America/New_York (not an abbreviation like EST or a fixed offset)',
      'groups.cinemahint-web.windows.0.start: must be HH:MM (00:00 to 24:00)',
      'groups.cinemahint-web: Unrecognized key: "typo"',
    ]));
    expect(found.some((p) => p.startsWith('groups.cinemahint-web.capacityMode.reservedInstances:'))).toBe(true);
    expect(found.some((p) => p.startsWith('groups.cinemahint-web.windows.0.days.0:'))).toBe(true);
  });

  it('rejects a group with no tracking policy, since nothing could ever scale it in', () => {
    expect(problems('groups:\n  g:\n    capacity: {min: 1, max: 2, desired: 1}\n    policies: {}\n    capacityMode: {}\n    health: {}\n')).toContain(
      'groups.g.policies: needs cpu, memory or requestRate: a tracking policy is what scales in',
    );
  });

  it('rejects a window bound outside the group bounds', () => {
    expect(problems(`groups:\n  g:\n    capacity: {min: 2, max: 4, desired: 2}\n    policies: {cpu: {target: 60, alarm: 80}}\n    capacityMode: {}\n    health: {}\n    windows: [{name: n, days: [mon], start: "01:00", end: "02:00", capacity: {max: 9}}]\n`)).toContain(
      'groups.g.windows.0.capacity.max: must be within the group bounds 2..4',
    );
  });

  it('says so when the file is not YAML or cannot be read', () => {
    expect(problems('groups: [unclosed')[0]).toMatch(/^\(file\): not valid YAML/);
    expect(() => loadConfig('/nonexistent/autoscaler.yaml')).toThrow(/cannot read: ENOENT/);
  });

  it('finds a group by name or ASG name, and names the known ones otherwise', () => {
    const config = parseConfig('groups:\n  web:\n    autoScalingGroupName: web-asg\n    capacity: {min: 1, max: 2, desired: 1}\n    policies: {cpu: {target: 60, alarm: 80}}\n    capacityMode: {}\n    health: {}\n');
    expect(findGroup(config, 'web-asg').name).toBe('web');
    expect(() => findGroup(config, 'api')).toThrow(new UnknownGroupError('api', ['web']));
    expect(() => findGroup(config, 'api')).toThrow('unknown group "api": the configuration manages "web"');
  });
});
