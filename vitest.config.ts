import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Pure and in-process: engine rules, parsers, the redactor, property tests. Seconds, no lab servers. */
export const UNIT_TESTS = ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'];
/** The app in Chromium through Playwright, against the built renderer (`npm run build` first). */
export const BROWSER_TESTS = ['test/e2e/**/*.test.ts'];

/**
 * Three projects, so the developer loop can pick the fast one: `npm run test:unit`,
 * `npm run test:watch` (unit tests, re-run on save), `vitest run --project integration`.
 * `vitest run` (what `npm test` runs) still runs all three. Integration is "everything else under
 * test/", so a new folder of lab tests (test/peers, …) is never left out by accident.
 */
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  test: {
    // Lab servers and real sockets on a 2-core machine: two files at a time.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT_TESTS } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: [...UNIT_TESTS, ...BROWSER_TESTS, '**/node_modules/**'] } },
      { extends: true, test: { name: 'browser', include: BROWSER_TESTS } },
    ],
  },
});
