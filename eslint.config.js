import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] }, globals: { ...globals.browser } },
  },
  // Layering: the renderer is a sandboxed web page. It may import the pure layers of src-main —
  // common/ (types, stage list, limits, provider detection) and the text module (report/text and
  // report/explain, which word findings and probe results in either language) — and nothing else.
  {
    files: ['src-renderer/**/*.{ts,svelte}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '!**/src-main/common', '!**/src-main/common/**', '!**/src-main/report', '!**/src-main/report/text', '!**/src-main/report/text/**', '!**/src-main/report/explain', '!**/src-main/report/explain/**'],
              message: 'The renderer may import only src-main/common and the text module (report/text, report/explain); for anything else go through window.doctor.',
            },
            { group: ['node:*', 'electron', 'keytar', 'undici'], message: 'The renderer has no Node: go through window.doctor.' },
          ],
        },
      ],
    },
  },
  // The engine is shared by the CLI, the app and tests: no Electron, nothing from app/.
  {
    files: ['src-main/engine/**/*.ts', 'src-main/common/**/*.ts', 'src-main/report/**/*.ts', 'src-main/bundle/**/*.ts', 'src-main/credentials/**/*.ts', 'src-main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only src-main/app and src-main/preload may use Electron; inject a platform adapter instead.' }],
          patterns: [{ group: ['**/app/*', '**/app/**', '**/preload/**'], message: 'The engine must not depend on the Electron shell.' }],
        },
      ],
    },
  },
  // common/ and the text module are pure: no Node built-ins either, so the renderer can share them.
  {
    files: ['src-main/common/**/*.ts', 'src-main/report/text/**/*.ts', 'src-main/report/explain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'common/ is pure TypeScript.' }],
          patterns: [{ group: ['node:*', 'undici', 'keytar', '**/engine/**', '**/app/**'], message: 'common/ and report/text are pure TypeScript: no Node, no engine.' }],
        },
      ],
    },
  },
);
