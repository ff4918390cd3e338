/** @type {import('jest').Config} */
module.exports = {
  // gramjs keeps sleeping in its update loop for up to ~20 s after destroy() (its ping timers cannot be
  // cancelled), and a run once stayed alive minutes after the last test with no handle left in the main
  // process. Every test stops its own servers and clients; the run must not wait on gramjs's timers.
  forceExit: true,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking happens once in `npm run typecheck`; with isolatedModules ts-jest only transpiles, keeping jest fast on 2 cores.
    '^.+\\.ts$': 'ts-jest',
  },
  testTimeout: 20000,
};
