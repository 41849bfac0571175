/** Replaced at build time by scripts/build.mjs (esbuild `define`); the fallback serves tests run from source. */
declare const __APP_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.1.0-dev';
