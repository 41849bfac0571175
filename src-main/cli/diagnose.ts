import type { PlatformAdapters } from '../engine/platform.js';
import { runDiagnosis } from '../engine/run.js';
import type { CredentialStore } from '../credentials/store.js';
import { secretsOf } from '../credentials/resolve.js';
import { applyCredentialDefaults } from '../credentials/resolve.js';
import { renderText } from '../report/render-text.js';
import type { Report } from '../common/report.js';
import { writeBundleHook } from './bundle-hook.js';
import { resolveCliCredential } from './diagnose-credential.js';
import { progressPrinter } from './diagnose-progress.js';
import { EXIT, type CliIo } from './io.js';
import { parseDiagnoseArgs, type DiagnoseCli } from './parse-diagnose.js';
import type { Secret } from '../engine/secret.js';

/** What tests (and the bin's Ctrl-C handler) inject into a diagnosis run. */
export interface DiagnoseDeps {
  platform?: Partial<PlatformAdapters>;
  openKeychain?: () => CredentialStore;
  signal?: AbortSignal;
}

/**
 * `api-doctor diagnose URL …`: parse, resolve the credential, run every stage, print the report
 * (JSON or human text) and map the verdict to the exit code. Usage errors are thrown (exit 2).
 */
export async function runDiagnose(args: string[], io: CliIo, deps: DiagnoseDeps = {}): Promise<number> {
  return runParsedDiagnose(parseDiagnoseArgs(args, io.cwd), io, deps);
}

/** A parsed diagnosis (from flags, or from a pasted curl command / HAR entry with its own secrets) → report and exit code. */
export async function runParsedDiagnose(cli: DiagnoseCli, io: CliIo, deps: DiagnoseDeps = {}, intake: { credential?: Secret | null; secrets?: string[] } = {}): Promise<number> {
  const resolved = intake.credential ? { secret: intake.credential, info: null } : await resolveCliCredential(cli.request.credential, io.env, deps.openKeychain);
  const request = applyCredentialDefaults(cli.request, resolved);
  const secrets = [...secretsOf(resolved), ...(intake.secrets ?? [])];
  const live = !cli.json && io.stderr.isTTY === true;
  let report: Report;
  try {
    report = await runDiagnosis(request, {
      credential: resolved?.secret ?? null,
      secrets,
      platform: { env: io.env, ...deps.platform },
      ...(deps.signal ? { signal: deps.signal } : {}),
      ...(live ? { onProgress: progressPrinter(io.stderr, request.lang) } : {}),
    });
  } catch (e) {
    io.stderr.write(`api-doctor: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.internal;
  }

  // A cancelled run is not a healthy one: exit 1 (README, "Exit codes"), whatever it found before the cancel.
  let code: number = report.summary.verdict === 'failing' || report.summary.verdict === 'cancelled' ? EXIT.failing : EXIT.ok;
  try {
    if (cli.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout.write(renderText(report, request.lang, { color: io.stdout.isTTY === true && !io.env.NO_COLOR }));
  } catch (e) {
    // The report exists: print it raw rather than lose it.
    io.stderr.write(`api-doctor: internal error while rendering: ${e instanceof Error ? e.message : String(e)}\n`);
    io.stdout.write(`${JSON.stringify(report)}\n`);
    code = EXIT.internal;
  }
  if (cli.bundle) {
    const why = await writeBundleHook({ file: cli.bundle, report, request, secrets, env: io.env });
    io.stderr.write(why === null ? `api-doctor: diagnostic bundle written to ${cli.bundle}\n` : `api-doctor: no bundle written: ${why}\n`);
  }
  return code;
}
