// Jest's TypeScript transform: esbuild (already a devDependency, for the bundles) strips the types of one file at a
// time, as ts-jest's isolatedModules did, without loading the TypeScript compiler into every worker; tsc checks types.
/* eslint-disable @typescript-eslint/no-require-imports -- jest loads transformers with require(); CommonJS on purpose */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync, version } = require('esbuild');

// tsconfig.json targets ES2022, so class fields are defined (useDefineForClassFields), as tsc would emit them.
const OPTIONS = {
  loader: 'ts', format: 'cjs', target: 'node20', platform: 'node', sourcemap: 'external', sourcesContent: false,
  supported: { 'dynamic-import': false },
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: false } },
};
// A new esbuild or a change to this file invalidates jest's transform cache.
const SELF = createHash('sha1').update(readFileSync(__filename)).update(version).digest('hex');

module.exports = {
  getCacheKey: (source, filename) => createHash('sha1').update(SELF).update(filename).update('\0').update(source).digest('hex'),
  process: (source, filename) => {
    const { code, map } = transformSync(source, { ...OPTIONS, sourcefile: filename });
    return { code, map };
  },
};
