import { APP_VERSION } from '../common/version.js';
import { USAGE } from './help.js';
import { EXIT, UsageError, oneLine, type CliIo } from './io.js';
import { terminalSafeIo } from './terminal-safe.js';
import { redactTyped } from './redact-typed.js';

/** The whole CLI as a function: argv in, exit code out. bin/ and tests both call it. */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // Everything printed goes through one sanitiser (no stranger's terminal control codes).
  const io = terminalSafeIo(rawIo);
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(USAGE);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version' || command === '-V') {
      io.stdout.write(`api-doctor ${APP_VERSION}\n`);
      return EXIT.ok;
    }
    if (command === 'diagnose') {
      if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout.write(USAGE);
        return EXIT.ok;
      }
      // Each command loads its own modules: `--version` and `--help` should not pay for the engine.
      if (rest.some((a) => /^--(from-curl|from-har|entry)(=|$)/.test(a))) return await (await import('./intake.js')).runIntakeDiagnose(rest, io, io.diagnose);
      const { runDiagnose } = await import('./diagnose.js');
      return await runDiagnose(rest, io, io.diagnose);
    }
    if (command === 'curl') return await (await import('./intake.js')).runCurlDropIn(rest, io, io.diagnose);
    if (command === 'explain') return await (await import('./explain.js')).runExplain(rest, io);
    if (command === 'diff') return await (await import('./diff.js')).runDiff(rest, io);
    if (command === 'watch') {
      if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout.write(USAGE);
        return EXIT.ok;
      }
      return await (await import('./watch.js')).runWatchCli(rest, io, io.diagnose);
    }
    if (command === 'credentials') return await (await import('./credentials.js')).runCredentialsCli(rest, io);
    if (command === 'open') return await (await import('./open.js')).runOpen(rest, io);
    throw new UsageError(`unknown command "${command}" (try: api-doctor --help)`);
  } catch (e) {
    if (e instanceof UsageError) {
      // Belt and braces: a message that echoes what the user typed loses any secret in it.
      io.stderr.write(`api-doctor: ${redactTyped(e.message)}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`api-doctor: internal error: ${redactTyped(oneLine(e instanceof Error ? e.message : String(e)))}\n`);
    return EXIT.internal;
  }
}
