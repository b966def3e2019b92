// The functions' runtime reads only the packaged JSON config: a YAML path is refused by name, before any AWS client.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../controller/errors';
import { packageConfig } from '../../deploy/package-config';
import { createRuntime, PACKAGED_CONFIG_PATH } from '../../functions/runtime';

const ROOT = join(__dirname, '../..');

describe('function runtime', () => {
  it('refuses the YAML config with a ConfigError that names it and says what to deploy instead', () => {
    // Act
    const create = () => createRuntime({ AUTOSCALER_CONFIG: 'config/autoscaler.yaml' });
    // Assess
    expect(create).toThrow(ConfigError);
    expect(create).toThrow('invalid configuration in config/autoscaler.yaml:\n  (file): the functions read the packaged JSON config that `serverless package` writes');
  });

  it('runs on the config the package step wrote, and takes dry run from it', () => {
    // Prepare
    const target = join(mkdtempSync(join(tmpdir(), 'runtime-')), PACKAGED_CONFIG_PATH);
    const config = packageConfig(join(ROOT, 'test/fixtures/two-groups.yaml'), target, ROOT);
    // Act
    const runtime = createRuntime({ AUTOSCALER_CONFIG: target });
    // Assess
    expect(runtime.config).toEqual(config);
    expect(runtime.dryRun).toBe(config.dryRun);
  });
});
