/** @type {import('jest').Config} */
module.exports = {
  // No forceExit: nothing is left holding the process once every test has stopped its servers and
  // clients. The one thing that outlives a destroyed gramjs client is the timer gramjs starts for each
  // ping (timeout() in telegram/client/updates.js races every ping against a sleep(PING_TIMEOUT) that
  // is never cleared); it fires within 10 s and holds nothing else, so the run ends by itself shortly
  // after the last test. `npx jest --detectOpenHandles` on the gramjs suites reports no open handle.
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking happens once in `npm run typecheck`; with isolatedModules ts-jest only transpiles, keeping jest fast on 2 cores.
    '^.+\\.ts$': 'ts-jest',
  },
  testTimeout: 20000,
  // Two at a time on the 2-core runner: most e2e files spend their time waiting on emulators and
  // timers, not on the CPU, so a second worker halves the run (512 s to 268 s measured) without
  // crowding the timing bounds. The reliability suite (jest.reliability.config.js) stays one at a time.
  maxWorkers: 2,
};
