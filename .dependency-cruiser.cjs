// Architecture rules checked by `npm run lint` (`depcruise apps libs --config .dependency-cruiser.cjs`).
// The domain folders hold the money and schedule logic: keeping frameworks and I/O out of them is what
// lets them be tested as pure functions (architecture.md, convention 3).

/** Packages that mean infrastructure: a domain file must not import any of them (nor their @types). */
const INFRA_PACKAGES = [
  '@nestjs/[^/]+',
  'typeorm',
  'pg',
  'pg-[^/]+',
  'bull',
  'bullmq',
  'ioredis',
  'class-validator',
  'class-transformer',
];
// Matches both a resolved path (node_modules/typeorm/index.js) and an unresolved module name.
const INFRA_PATH = `^(?:node_modules/)?(?:@types/)?(?:${INFRA_PACKAGES.join('|')})(?:/|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-domain-to-infra-deps',
      comment:
        'libs/*/src/domain/** is pure TypeScript + decimal.js: no Nest, TypeORM, pg, Bull, Redis or validation ' +
        'decorators, and nothing from another lib except its domain, libs/money/src/ (pure) and ' +
        'libs/platform/src/errors/ (pure domain-error classes). Import those by relative path or #money; ' +
        '#platform is the whole platform lib (Nest modules included) and is not allowed here.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/domain/' },
      to: {
        path: [INFRA_PATH, '^libs/'],
        pathNot: ['^libs/$1/', '^libs/[^/]+/src/domain/', '^libs/money/src/', '^libs/platform/src/errors/'],
      },
    },
    {
      name: 'no-libs-to-apps',
      comment: 'Libraries are shared by the api and the worker; nothing imports from apps/.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      comment: 'Circular imports make ESM initialisation order fragile (undefined at import time).',
      severity: 'warn',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that cannot be resolved would also fail at run time (or hide a rule violation).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|data|coverage)/' },
    moduleSystems: ['es6', 'cjs'],
    // Type-only imports count: a domain file that imports an entity's type is still coupled to it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // `#money`, `#platform`, `#ledger` come from package.json "imports"; the `types` condition points at
    // the TypeScript sources (the `default` one at dist/, which may not exist yet).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'node', 'default'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
