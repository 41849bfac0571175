import v8 from 'node:v8';
import { runCli } from './main.js';

// undici parses HTTP with a WebAssembly build of llhttp. V8 compiles it twice: at once (Liftoff)
// and again, optimised, on a background thread; a short-lived process then waits for that second
// compile at exit (measured: 230–400 ms after the report was printed, docs/performance.md).
// Liftoff code parses a few responses just as well, so the CLI never starts the second compile.
v8.setFlagsFromString('--liftoff-only');

// First Ctrl-C cancels the diagnosis (the report of what ran is still printed); a second one quits.
const cancel = new AbortController();
process.on('SIGINT', () => {
  if (cancel.signal.aborted) process.exit(130);
  cancel.abort(new Error('cancelled (Ctrl-C)'));
});

const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  // A getter: touching process.stdin opens a stream on fd 0 (~10 ms), and only `credentials add` reads it.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  cwd: process.cwd(),
  diagnose: { signal: cancel.signal },
};
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`api-doctor: internal error: ${String(e)}\n`);
    process.exitCode = 3;
  },
);
