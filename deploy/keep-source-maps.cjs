// A local osls plugin: keeps each function's source map beside its zip (<package dir>/sourcemaps/), not in it.
// It runs after serverless-esbuild has zipped and before it cleans its build directory (plugins run in list order).
/* eslint-disable @typescript-eslint/no-require-imports -- osls loads plugins with require(); this file is CommonJS on purpose */
const { copyFileSync, existsSync, mkdirSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

class KeepSourceMaps {
  constructor(serverless) {
    this.hooks = {
      'after:package:createDeploymentArtifacts': () => {
        const root = serverless.serviceDir || serverless.config.servicePath;
        const from = join(root, '.esbuild', '.build', 'functions');
        if (!existsSync(from)) return;
        // osls builds in .serverless/ and moves its contents to --package DIR at the end, maps included.
        const to = join(root, '.serverless', 'sourcemaps');
        mkdirSync(to, { recursive: true });
        for (const f of readdirSync(from).filter((x) => x.endsWith('.js.map'))) copyFileSync(join(from, f), join(to, f));
      },
    };
  }
}

module.exports = KeepSourceMaps;
