import { runCli } from './main.js';

// First Ctrl-C cancels the diagnosis (the report of what ran is still printed); a second one quits.
const cancel = new AbortController();
process.on('SIGINT', () => {
  if (cancel.signal.aborted) process.exit(130);
  cancel.abort(new Error('cancelled (Ctrl-C)'));
});

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd(), diagnose: { signal: cancel.signal } }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`api-doctor: internal error: ${String(e)}\n`);
    process.exitCode = 3;
  },
);
