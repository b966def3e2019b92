// Transpile only (test/esbuild-transform.cjs): `tsc --noEmit` in `npm test` does the type-checking.
// Two workers: jest's default on 2 cores is one (cores - 1), which left a core idle through the whole run.
module.exports = {
  // jest's node environment; its workers exit without freeing their heap first (test/environment.cjs).
  testEnvironment: '<rootDir>/test/environment.cjs',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': '<rootDir>/test/esbuild-transform.cjs' },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  maxWorkers: 2,
  // The slowest files first even on a clean clone's cold cache (test/sequencer.cjs).
  testSequencer: '<rootDir>/test/sequencer.cjs',
  testTimeout: 30000,
};
