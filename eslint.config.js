// ESLint flat config: typescript-eslint `recommended` (syntactic only: type-checking is `tsc --noEmit` in
// `npm run lint`) plus the money rules of architecture.md convention 4.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const MONEY = 'Money never passes through a JS number: use Money / Decimal (libs/money) and decimal strings.';

// Rule options are replaced, not merged, when two config objects set the same rule for a file, so each
// scope below lists the complete set of selectors that applies to it.
const NO_TO_NUMBER = {
  selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='toNumber']",
  message: `.toNumber() is banned in apps/ and libs/. ${MONEY}`,
};
const NO_NUMBER_CALL = [
  { selector: "CallExpression[callee.type='Identifier'][callee.name='Number']", message: `Number(...) is banned in domain code and libs/money. ${MONEY}` },
  { selector: "NewExpression[callee.type='Identifier'][callee.name='Number']", message: `new Number(...) is banned in domain code and libs/money. ${MONEY}` },
];
const PARSE_FLOAT_MESSAGE = `parseFloat is banned: ${MONEY}`;

// Node's own globals (process, console, URL, fetch, setTimeout...) for the plain JS files, taken from the
// running Node so that no extra package is needed.
const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']));

const SPEC_FILES = ['**/*.spec.ts', '**/*.e2e-spec.ts'];

export default defineConfig(
  {
    ignores: ['dist/**', '**/node_modules/**', 'data/**', 'apps/web/dist/**', 'coverage/**', '**/*.d.ts', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: nodeGlobals },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      // Kept lenient so that ordinary Nest code passes.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      // `class UpdateXDto extends PartialType(XDto) {}` and `interface A extends B {}` are normal in Nest.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends', allowObjectTypes: 'always' }],
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...nodeGlobals, module: 'writable', require: 'readonly', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: SPEC_FILES,
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  // ---- Money rules ----
  {
    files: ['apps/**/*.{ts,js,mjs}', 'libs/**/*.{ts,js,mjs}', 'migrations/**/*.{ts,js,mjs}', 'scripts/**/*.{ts,js,mjs}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'parseFloat', message: PARSE_FLOAT_MESSAGE }],
      'no-restricted-properties': [
        'error',
        { object: 'Number', property: 'parseFloat', message: PARSE_FLOAT_MESSAGE },
        { object: 'globalThis', property: 'parseFloat', message: PARSE_FLOAT_MESSAGE },
      ],
    },
  },
  {
    files: ['apps/**/*.{ts,js,mjs}', 'libs/**/*.{ts,js,mjs}'],
    rules: { 'no-restricted-syntax': ['error', NO_TO_NUMBER] },
  },
  {
    files: ['libs/**/domain/**/*.ts', 'libs/money/**/*.ts'],
    ignores: SPEC_FILES,
    rules: { 'no-restricted-syntax': ['error', NO_TO_NUMBER, ...NO_NUMBER_CALL] },
  },
);
