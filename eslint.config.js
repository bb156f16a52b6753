// Lint rules that hold the architecture: dependencies point one way (shared ← server, shared ← web).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const forbid = (...groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.tmp/**', 'test-results/**', 'server/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [['**/server/**', '../server/*'], 'shared/ is pure: it must not import from server/'],
        [['**/web/**', '../web/*'], 'shared/ is pure: it must not import from web/'],
      ),
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': forbid([['**/web/**'], 'server/ must not import from web/']) },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': forbid(
        [['**/server/db/**', '**/server/routes/**', '**/server/app*'], 'web/ talks to the server over HTTP only'],
        [['**/scripts/**'], 'web/ must not import build scripts'],
      ),
    },
  },
);
