/**
 * The reliability suite (`npm run test:reliability`): floods, fuzzed arguments, kill -9 crashes,
 * secret scanning and a soak with dropped pushes. Separate from `npm test` (its files end in
 * `.reliability.ts`, which jest.config.js does not match) because it takes a few minutes.
 * @type {import('jest').Config}
 */
module.exports = {
  // gramjs keeps sleeping in its update loop for up to ~20 s after destroy() (its ping timers cannot be
  // cancelled), and a run once stayed alive minutes after the last test with no handle left in the main
  // process. Every test stops its own servers and clients; the run must not wait on gramjs's timers.
  forceExit: true,
  testEnvironment: 'node',
  roots: ['<rootDir>/test/reliability'],
  testMatch: ['**/*.reliability.ts'],
  transform: {
    // Same transform as jest.config.js: type checking happens in `npm run typecheck`.
    '^.+\\.ts$': 'ts-jest',
  },
  // The tests measure memory and timing and run child processes: one at a time on a 2-core runner.
  maxWorkers: 1,
  testTimeout: 240_000,
  slowTestThreshold: 60,
};
