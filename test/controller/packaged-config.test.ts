// The packaged config is what every function reads at cold start: only the file the package step wrote is accepted,
// and anything else is refused with a ConfigError naming the file and what is wrong with it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../controller/config';
import { ConfigError } from '../../controller/errors';
import { PACKAGED_CONFIG_FORMAT, parsePackagedConfig, readPackagedConfig, toPackagedConfig } from '../../controller/packaged-config';

const SHIPPED = join(__dirname, '../../config/autoscaler.yaml');

const problemsOf = (text: string): readonly string[] => {
  try {
    parsePackagedConfig(text, 'dist/config.json');
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('packaged config', () => {
  it('reads back, through JSON, exactly the config the YAML loader validated', () => {
    // Prepare
    const config = loadConfig(SHIPPED);
    // Act
    const read = parsePackagedConfig(JSON.stringify(toPackagedConfig(config, 'config/autoscaler.yaml')), 'dist/config.json');
    // Assess
    expect(read).toEqual(config);
  });

  it('refuses text that is not JSON, saying so', () => {
    expect(problemsOf('groups:\n  web: {}\n')).toEqual([expect.stringMatching(/^\(file\): not valid JSON: /)]);
  });

  it('refuses JSON without the packaged format tag (a hand-written file, another version\'s), naming what it got', () => {
    expect(problemsOf('{"dryRun": false, "groups": []}')).toEqual([`format: must be "${PACKAGED_CONFIG_FORMAT}" (the file \`serverless package\` writes from the YAML config), got none`]);
    expect(problemsOf('{"format": "cinemahint-autoscaler/packaged-config@0", "config": {}}')).toEqual([
      `format: must be "${PACKAGED_CONFIG_FORMAT}" (the file \`serverless package\` writes from the YAML config), got "cinemahint-autoscaler/packaged-config@0"`,
    ]);
    expect(problemsOf('null')).toEqual([expect.stringMatching(/^format: must be .* got none$/)]);
  });

  it('refuses a tagged file whose config is not {dryRun, groups: [...]}', () => {
    const tagged = (config: unknown) => JSON.stringify({ format: PACKAGED_CONFIG_FORMAT, source: 'x.yaml', config });
    const message = ['config: must be the validated config ({dryRun, groups: [...]}) that `serverless package` writes'];
    expect(problemsOf(tagged(undefined))).toEqual(message);
    expect(problemsOf(tagged({ dryRun: false, groups: {} }))).toEqual(message);
    expect(problemsOf(tagged({ groups: [] }))).toEqual(message);
  });

  it('names the file in the error, and a missing file by its code', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'packaged-config-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, '{}');
    // Act, Assess
    expect(() => readPackagedConfig(file)).toThrow(`invalid configuration in ${file}:\n  format: must be`);
    expect(() => readPackagedConfig(join(dir, 'absent.json'))).toThrow(/absent\.json:\n {2}\(file\): cannot read: ENOENT/);
  });
});
