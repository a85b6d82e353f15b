// Jest in native ESM (Nest 12 is ESM-only) with @swc/jest; type-checking is `npm run lint`'s job.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^#platform/errors$': '<rootDir>/libs/platform/src/errors/index.ts',
    '^#(money|platform|ledger|intake|repayment|scoring|disbursement|reconciliation|notifications)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/*/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // apps/web: only its pure modules' specs (formatters); they import nothing of the DOM.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/web/(?!src/)', '/test/reliability/', '/test/browser/'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
