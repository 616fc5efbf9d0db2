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
    files: ['src/**/*.{ts,js,mjs}', 'test/**/*.{ts,js}', 'demo/**/*.{js,mjs}'],
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
      'src/cli/**/*.ts',
      'bin/**/*.{js,mjs}',
      'bench/**/*.{js,mjs,cjs,ts}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': unusedVars,
    },
  },
);
