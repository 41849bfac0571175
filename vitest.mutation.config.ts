import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The test set `npm run mutation` runs against each mutant: the in-process unit tests of the engine
 * (and of the bundle reader, whose zip checks are mutated too). Integration and browser tests start
 * servers and Chromium — minutes per mutant — and the slow property suites of the CLI parser and the
 * IPC validator cover no mutated file, so they are left out.
 */
export default defineConfig({
  define: base.define,
  test: {
    include: ['test/unit/engine/**/*.test.ts', 'test/unit/trust/**/*.test.ts', 'test/unit/bundle/**/*.test.ts', 'test/property/{auth-server-parsers,sse,no-proxy}.test.ts'],
    testTimeout: 30_000,
  },
});
