// Jest's node environment, plus a quick exit for the worker process that runs it. When jest ends a worker, the worker
// only drops its message listener and waits to drain; a worker that held chromium and a simulated day then spent more
// than jest's 500 ms freeing its heap, and jest killed it ("A worker process has failed to exit gracefully"; it failed
// 5 of 5 runs of report-browser beside one other file, and 0 of 3 with this). process.exit() skips that teardown.
/* eslint-disable @typescript-eslint/no-require-imports -- jest loads environments with require(); CommonJS on purpose */
const { TestEnvironment } = require('jest-environment-node');

// Only in a worker (a child with an IPC channel to jest); `jest -i` runs files in jest's own process. A worker loads
// this module once. A real leak (a live timer or socket) still keeps the worker from draining, and still gets the warning.
if (typeof process.send === 'function') {
  process.once('beforeExit', () => process.exit());
}

module.exports = TestEnvironment;
