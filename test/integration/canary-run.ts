import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { expect } from 'vitest';
import { runCli } from '../../src-main/cli/main.js';
import type { Report } from '../../src-main/common/report.js';
import { findLeak } from './canary-forms.js';

export interface CanaryOutcome {
  code: number;
  report: Report;
  texts: Record<string, string>;
}

let n = 0;
/** Runs `diagnose` twice (JSON and human text on a "terminal"), both with --bundle, and collects every byte that left. */
export async function diagnoseCollect(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CanaryOutcome> {
  const texts: Record<string, string> = {};
  let report: Report | null = null;
  let code = -1;
  for (const mode of ['json', 'text'] as const) {
    const bundle = path.join(dir, `t${process.pid}-${n++}.zip`);
    let stdout = '';
    let stderr = '';
    code = await runCli(['diagnose', ...args, '--timeout', '4000', '--samples', '1', '--bundle', bundle, ...(mode === 'json' ? ['--json'] : [])], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s), isTTY: mode === 'text' },
      env,
      cwd: process.cwd(),
    });
    texts[`${mode}:stdout`] = stdout;
    texts[`${mode}:stderr`] = stderr;
    if (mode === 'json') report = JSON.parse(stdout) as Report;
    const zip = await readFile(bundle);
    texts[`${mode}:zip-bytes`] = zip.toString('latin1');
    for (const [name, data] of Object.entries(unzipSync(zip))) texts[`${mode}:bundle/${name}`] = strFromU8(data);
  }
  return { code, report: report!, texts };
}

export function expectNoLeak(o: CanaryOutcome, canaries: string[]): void {
  for (const [where, text] of Object.entries(o.texts)) {
    const leak = findLeak(text, canaries);
    expect(leak, `${where}: ${leak}`).toBeNull();
  }
}
