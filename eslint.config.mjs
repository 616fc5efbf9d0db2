// ESLint flat config: JavaScript and TypeScript recommended rules, Lit and
// web-component rules for the elements, browser globals for the widgets and
// their tests, Node globals for the scripts, configs, CLI and benchmark.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const unusedVars = [
  'error',
  {
    args: 'after-used',
    argsIgnorePattern: '^_',
    varsIgnorePattern: '^_',
    caughtErrorsIgnorePattern: '^_',
    destructuredArrayIgnorePattern: '^_',
    ignoreRestSiblings: true,
  },
];

export default defineConfig(
  {
    ignores: [
      'dist/',
      'src/cli/dist/',
      'release/',
      'build/',
      'node_modules/',
      'coverage/',
      'custom-elements.json',
      'test/output/',
      'test/consumers/*/dist/',
      'test/consumers/*/public/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.{ts,js,mjs}', 'test/**/*.{ts,js}', 'demo/**/*.{js,mjs}', 'integrations/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Node side: scripts, build and test-runner configs, the test runner's
    // server plugins, the `prepare` command line and the benchmark runner.
    files: [
      'scripts/**/*.{js,mjs,cjs,ts}',
      '*.config.{js,mjs,cjs,ts}',
      'rollup*.{js,mjs}',
      'test/**/*.mjs',
      'src/cli/**/*.{ts,mjs}',
      'bin/**/*.{js,mjs}',
      'bench/**/*.{js,mjs,cjs,ts}',
      'integrations/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // A list spread into a call's arguments (Math.max(...values), push(...rows))
    // overflows the call stack once the list is long (~100,000 items): loop instead (src/core/extent.ts).
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
          message:
            'No spread into a call: a long list overflows the stack. Loop, or use maxOf/minOf from core/extent.ts.',
        },
      ],
    },
  },
  {
    // Issue 14: no function or method in src longer than 80 lines (tests aside).
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': unusedVars,
    },
  },
);
