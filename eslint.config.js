// ESLint: typescript-eslint's type-checked recommended rules over src/, scripts/ and tests/
// (`npm run lint`). Deviations are listed here, each with its reason.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', '.stryker-tmp/', 'reports/', 'src/generated/', 'tests/helpers/generated/', 'clients/typescript/src/generated/', 'clients/typescript/dist/', 'explorer/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    rules: {
      // `async` marks functions that implement a Promise-returning interface (the caches, Apollo's
      // plugin hooks, the CLI commands): it also turns a throw into a rejection, whether or not the
      // body awaits anything.
      '@typescript-eslint/require-await': 'off',
      // `ChartPoint | string` documents the usual values of an open string field (the techniques'
      // point names); the rule reads the union as a mistake.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // `const { secret: _omit, ...rest } = x` drops a property; `_` marks a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
    },
  },
  {
    // Published constants typed digit for digit as their source prints them (DE430/431 GM values,
    // the IERS rotation rate): the double nearest to the printed number is what the source means.
    files: ['scripts/ephemeris-pack/integrate.ts', 'src/ephemeris/positions.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    // Configuration files in plain JavaScript: no type information.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { module: 'writable', require: 'readonly', process: 'readonly' } },
  },
  {
    // Tests read HTTP response bodies (`res.body`, typed any by supertest) and parsed documents
    // (compose files, manifests) and assert their shape; typing every one would repeat the schema
    // in each test.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
