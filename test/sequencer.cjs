// Jest's order of test files: its own (the slowest first, by the durations it cached last run), except that on a cold
// cache (a clean clone, CI) the files measured slowest go first. Jest would order those by size, and put `npm start`'s
// test (a small file that simulates a day in a child process) near the end, where the other worker waits for it.
/* eslint-disable @typescript-eslint/no-require-imports -- jest loads its sequencer with require(); CommonJS on purpose */
const Sequencer = require('@jest/test-sequencer').default;

/** Slowest first, from jest's per-file times on this machine (README "Test speed (issue 10)"). */
const SLOW = [
  'deploy/serverless-template.test.ts', 'report/report-browser.test.ts', 'cli/start.test.ts', 'cli/errors.test.ts',
  'cli/simulate.test.ts', 'sim/baselines.test.ts', 'sim/scenarios.test.ts', 'policies/safety-properties.test.ts',
  'policies/forecast-stage.test.ts', 'cli/bin.test.ts', 'sim/simulate.test.ts',
].map((f) => `/test/${f}`);

class SlowFirst extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    // Only files jest has no time for move: a cached time is better evidence than this list.
    const rank = (t) => (t.duration == null && SLOW.some((s) => t.path.endsWith(s)) ? SLOW.findIndex((s) => t.path.endsWith(s)) : SLOW.length);
    return ordered.map((t, i) => [t, i]).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j).map(([t]) => t);
  }
}

module.exports = SlowFirst;
