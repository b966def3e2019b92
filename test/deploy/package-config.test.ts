// The package step: the YAML is validated with the controller's own loader, and only a valid config is written as the
// JSON the functions read; an invalid one fails the package naming the path, and leaves no file behind.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../controller/config';
import { ConfigError } from '../../controller/errors';
import { readPackagedConfig } from '../../controller/packaged-config';
import { nonJsonPath, packageConfig } from '../../deploy/package-config';

const ROOT = join(__dirname, '../..');

describe('package config', () => {
  it('writes the validated config with its source, relative to the service', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'package-config-'));
    const target = join(dir, 'dist', 'config.json');
    // Act
    const written = packageConfig(join(ROOT, 'test/fixtures/two-groups.yaml'), target, ROOT);
    // Assess
    expect(readPackagedConfig(target)).toEqual(loadConfig(join(ROOT, 'test/fixtures/two-groups.yaml')));
    expect(readPackagedConfig(target)).toEqual(written);
    expect(JSON.parse(readFileSync(target, 'utf8')).source).toBe('test/fixtures/two-groups.yaml');
  });

  it('fails on an invalid YAML config with ConfigError naming the path, and writes nothing', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'package-config-'));
    const source = join(dir, 'autoscaler.yaml');
    const target = join(dir, 'dist', 'config.json');
    writeFileSync(source, 'groups:\n  web:\n    capacity: {min: 5, max: 2, desired: 3}\n');
    // Act
    const pack = () => packageConfig(source, target, dir);
    // Assess
    expect(pack).toThrow(ConfigError);
    expect(pack).toThrow(/groups\.web\./);
    expect(existsSync(target)).toBe(false);
  });
});

describe('nonJsonPath', () => {
  it('finds nothing in plain data', () => {
    expect(nonJsonPath({ a: [1, 'x', null, { b: true }], c: undefined })).toBeUndefined();
  });

  it('names the first value JSON would change, by its path', () => {
    expect(nonJsonPath({ groups: [{ target: Number.NaN }] })).toBe('groups.0.target');
    expect(nonJsonPath({ windows: { until: new Date(0) } })).toBe('windows.until');
    expect(nonJsonPath({ zones: [undefined] })).toBe('zones.0');
    expect(nonJsonPath(Infinity)).toBe('(root)');
  });
});
