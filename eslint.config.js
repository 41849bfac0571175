import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

// Layering: the renderer is a sandboxed web page. It may import the pure layers of src-main —
// common/ (types, stage list, limits, provider detection) and the text module (report/text and
// report/explain, which word findings and probe results in either language) — and nothing else.
const RENDERER_LAYERS = [
  {
    group: ['**/src-main/**', '!**/src-main/common', '!**/src-main/common/**', '!**/src-main/report', '!**/src-main/report/text', '!**/src-main/report/text/**', '!**/src-main/report/explain', '!**/src-main/report/explain/**'],
    message: 'The renderer may import only src-main/common and the text module (report/text, report/explain); for anything else go through window.doctor.',
  },
  { group: ['node:*', 'electron', 'keytar', 'undici'], message: 'The renderer has no Node: go through window.doctor.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'coverage/', 'reports/', '.stryker-tmp/'] },
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
  // Type-aware: a promise nobody awaits loses its error and its ordering, and an async function
  // passed where a void callback is expected (an event handler, forEach) runs unobserved. The
  // project service finds each file's nearest tsconfig.json (src-renderer/, test/e2e/ and bench/
  // have one that extends their real config). Write `void p` where not waiting is the intent.
  {
    files: ['**/*.ts', '**/*.svelte'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // Layering (RENDERER_LAYERS above).
  {
    files: ['src-renderer/**/*.{ts,svelte}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...RENDERER_LAYERS,
          ],
        },
      ],
    },
  },
  // Each language's texts are their own lazily loaded chunk (scripts/vite-lang-split.ts): a
  // renderer file that imported the text module directly would put both languages back into the
  // start script. Only the facade lib/texts.ts and its two per-language entries may; types may.
  {
    files: ['src-renderer/**/*.{ts,svelte}'],
    ignores: ['src-renderer/lib/texts.ts', 'src-renderer/lib/texts-en.ts', 'src-renderer/lib/texts-zh-CN.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...RENDERER_LAYERS,
            {
              group: ['**/src-main/report/text', '**/src-main/report/text/**', '**/src-main/report/explain', '**/src-main/report/explain/**'],
              allowTypeImports: true,
              message: 'Import texts from src-renderer/lib/texts.ts: each language is its own chunk, loaded when needed.',
            },
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
