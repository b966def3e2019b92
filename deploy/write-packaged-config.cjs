// A local osls plugin: before serverless-esbuild bundles and zips (it is listed first, and hooks of one event run in
// plugin order), validates the YAML config and writes the JSON the functions read (deploy/package-config.ts).
// custom.packagedConfig names both files; package.patterns puts the JSON in every zip.
/* eslint-disable @typescript-eslint/no-require-imports -- osls loads plugins with require(); this file is CommonJS on purpose */
const { join } = require('node:path');
const { require: tsxRequire } = require('tsx/cjs/api');

class PackageConfig {
  constructor(serverless) {
    const run = () => {
      const root = serverless.serviceDir || serverless.config.servicePath;
      const { source, target } = serverless.service.custom.packagedConfig;
      const { packageConfig } = tsxRequire('./package-config.ts', __filename);
      try {
        packageConfig(join(root, source), join(root, target), root);
      } catch (e) {
        // osls prints a framework error's message alone: the ConfigError's `path: reason` lines, no stack.
        if (e && e.name === 'ConfigError') throw new serverless.classes.Error(e.message);
        throw e;
      }
    };
    this.hooks = {
      'before:package:createDeploymentArtifacts': run,
      'before:deploy:function:packageFunction': run,
      'before:invoke:local:invoke': run,
    };
  }
}

module.exports = PackageConfig;
