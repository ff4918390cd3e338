/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking happens once in `npm run typecheck`; with isolatedModules ts-jest only transpiles, keeping jest fast on 2 cores.
    '^.+\\.ts$': 'ts-jest',
  },
  testTimeout: 20000,
};
