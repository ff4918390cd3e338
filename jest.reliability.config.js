/**
 * The reliability suite (`npm run test:reliability`): floods, fuzzed arguments, kill -9 crashes,
 * secret scanning and a soak with dropped pushes. Separate from `npm test` (its files end in
 * `.reliability.ts`, which jest.config.js does not match) because it takes a few minutes.
 * @type {import('jest').Config}
 */
module.exports = {
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
