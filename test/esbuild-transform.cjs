// Jest's TypeScript transform: esbuild (already a devDependency, for the bundles) strips the types of one file at a
// time, as ts-jest's isolatedModules did, without loading the TypeScript compiler into every worker; tsc checks types.
/* eslint-disable @typescript-eslint/no-require-imports -- jest loads transformers with require(); CommonJS on purpose */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync, version } = require('esbuild');

// Jest runs each test file in a vm context, where every read of a global (Math.floor, Number.isFinite...) goes through
// the context's interceptor: measured 5x slower than plain node in the forecast's loops. Each
// module binds the built-ins it may use once, at its top, as locals of the same objects: nothing changes but the
// lookup. Not Date, timers or performance: jest's fake timers replace those on the global after modules load.
const BUILTINS = [
  'Math', 'Number', 'Object', 'Array', 'JSON', 'String', 'Boolean', 'Symbol', 'BigInt', 'Reflect', 'Map', 'Set', 'WeakMap',
  'WeakSet', 'Float64Array', 'Float32Array', 'Int32Array', 'Uint32Array', 'Uint8Array', 'Infinity', 'NaN', 'isFinite', 'isNaN',
  'parseInt', 'parseFloat', 'Error', 'TypeError', 'RangeError',
];
const BANNER = `var ${BUILTINS.map((n) => `${n} = globalThis.${n}`).join(', ')};`;

// tsconfig.json targets ES2022, so class fields are defined (useDefineForClassFields), as tsc would emit them.
const OPTIONS = {
  banner: BANNER,
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
