import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { mainWorldFiles, mainWorldRules } from './lint/main-world.mjs';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'lib/demo/pages/**', 'bench-out/**', 'demo-out/**', 'dist/**', 'collector-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Raw personal values must never reach the console; output goes through the CLI's writers.
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    // Node scripts (the CLI's bin and build, bench peers). `import process from 'node:process'` would
    // cost the CLI 30 ms of start-up: Node's ESM facade of a builtin reads process.stdin.
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    // the CLI's bin: CommonJS, because Node starts an ES module entry later (lib/cli/build.mjs)
    languageOptions: { sourceType: 'commonjs', globals: { process: 'readonly', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // No function longer than a screen: a long closure is several objects waiting to be named (the
    // worker prelude was one function of 640 lines). Tests' describe blocks are tables, not logic.
    files: ['lib/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'rules/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['lib/cli/**', 'lib/gen/**', 'lib/demo/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  // the page's MAIN world: only built-ins kept at document_start (lint/main-world.mjs)
  { files: mainWorldFiles(), rules: mainWorldRules },
);
