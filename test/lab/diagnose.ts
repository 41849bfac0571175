import { runCli } from '../../src-main/cli/main.js';
import type { DiagnoseDeps } from '../../src-main/cli/diagnose.js';
import type { Report } from '../../src-main/common/report.js';
import { reportSchemaErrors } from '../report-schema.js';

export interface DiagnoseRun {
  code: number;
  report: Report;
  stdout: string;
  stderr: string;
  /** Wall time of the whole CLI run. */
  ms: number;
}

/**
 * Runs `api-doctor diagnose … --json` in-process against the lab and returns the parsed report,
 * after checking it against docs/report.schema.json (a report that breaks the schema throws).
 * No proxy variables leak in from the developer's shell: `env` is all the run sees.
 */
export async function diagnoseJson(args: string[], opts: { env?: NodeJS.ProcessEnv; deps?: DiagnoseDeps } = {}): Promise<DiagnoseRun> {
  let stdout = '';
  let stderr = '';
  const t0 = performance.now();
  const code = await runCli(['diagnose', ...args, '--json'], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: opts.env ?? {},
    cwd: process.cwd(),
    ...(opts.deps ? { diagnose: opts.deps } : {}),
  });
  const ms = performance.now() - t0;
  let report: Report;
  try {
    report = JSON.parse(stdout) as Report;
  } catch {
    throw new Error(`diagnose printed no JSON (exit ${code}): ${stdout.slice(0, 300)} ${stderr.slice(0, 300)}`);
  }
  const errors = reportSchemaErrors(report);
  if (errors.length > 0) throw new Error(`report breaks docs/report.schema.json:\n${errors.join('\n')}`);
  return { code, report, stdout, stderr, ms };
}

/** The status of one stage in a report. */
export const stageOf = (r: Report, id: Report['stages'][number]['id']) => r.stages.find((s) => s.id === id)!;
/** The codes found, in report order. */
export const codesOf = (r: Report) => r.findings.map((f) => f.code);
