import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

// The renderer is loaded from file:// inside Electron, so every asset path is relative.
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  // The root is src-renderer/, so name the Svelte config (runes mode, preprocess) explicitly.
  plugins: [svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) })],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    // One script and one stylesheet: CSP is script-src 'self', no inline code.
    modulePreload: false,
    assetsInlineLimit: 0,
  },
});
