import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { langSplit } from './scripts/vite-lang-split.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

// The renderer is loaded from file:// inside Electron, so every asset path is relative.
export default defineConfig({
  root: here('./src-renderer'),
  base: './',
  plugins: [
    // The root is src-renderer/, so name the Svelte config (runes mode, preprocess) explicitly.
    svelte({ configFile: here('./svelte.config.js') }),
    // One language's texts per chunk, loaded when needed (src-renderer/lib/texts.ts).
    langSplit({ dirs: [here('./src-main/report/text'), here('./src-main/report/explain')], entry: here('./src-renderer/lib/texts-<lang>.ts') }),
  ],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // Our own scripts only (CSP script-src 'self', no inline code): one entry script, one
    // stylesheet, and each language's texts as a chunk the entry imports when it needs them.
    modulePreload: false,
    assetsInlineLimit: 0,
  },
});
