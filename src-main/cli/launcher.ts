import { APP_VERSION } from '../common/version.js';

/**
 * The bin (dist/cli/api-doctor.cjs) is this small file: `--version` answers without compiling the
 * 2 MB CLI bundle (that compile is most of the CLI's start-up cost, ~60 ms here); every other
 * command loads dist/cli/api-doctor-main.cjs (src-main/cli/index.ts) and runs as before.
 */
const first = process.argv[2];
if (first === '--version' || first === '-V') {
  process.stdout.write(`api-doctor ${APP_VERSION}\n`);
} else {
  // Kept out of this bundle by scripts/build.mjs (external): resolved next to this file at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./api-doctor-main.cjs');
}
