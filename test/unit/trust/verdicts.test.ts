import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src-main/cli/main.js';
import { runDiagnosis } from '../../../src-main/engine/run.js';
import { PROBES } from '../../../src-main/engine/probes/index.js';
import { defaultRequest } from '../../../src-main/common/request.js';
import type { Report } from '../../../src-main/common/report.js';
import { renderText } from '../../../src-main/report/render-text.js';
import { renderMarkdown } from '../../../src-main/report/render-markdown.js';
import { readBundleFile } from '../../../src-main/bundle/read.js';
import { startPlainHttpServer, startSilentServer, type LabServer } from '../../lab/index.js';

let silent: LabServer;
let plain: LabServer;
let dir: string;
beforeAll(async () => {
  silent = await startSilentServer();
  plain = await startPlainHttpServer();
  dir = await mkdtemp(path.join(os.tmpdir(), 'verdicts-'));
});
afterAll(async () => {
  await Promise.all([silent?.close(), plain?.close()]);
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], signal?: AbortSignal) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: dir, ...(signal ? { diagnose: { signal } } : {}) });
  return { code, stdout, stderr };
}

describe('item 8: a cancelled run has its own verdict', () => {
  it('cancel 1 s into a TLS handshake that never answers: CANCELLED, no root cause, exit 1, "cancelled after 1.0 s of …", in JSON, text and the bundle', async () => {
    const bundle = path.join(dir, 'cancelled.zip');
    const runs: { code: number; stdout: string }[] = [];
    for (const json of [true, false]) {
      const ctrl = new AbortController();
      setTimeout(() => ctrl.abort(new Error('cancelled (Ctrl-C)')), 1000);
      runs.push(await cli(['diagnose', silent.url('https', '/v1/models'), '--timeout', '15000', '--samples', '1', ...(json ? ['--json', '--bundle', bundle] : [])], ctrl.signal));
    }
    const [j, t] = runs as [{ code: number; stdout: string }, { code: number; stdout: string }];
    const report = JSON.parse(j.stdout) as Report;
    expect(report.summary).toMatchObject({ verdict: 'cancelled', rootCause: null });
    expect(report.findings.map((f) => f.code)).not.toContain('TLS_HANDSHAKE_TIMEOUT');
    const tls = report.stages.find((s) => s.id === 'tls')!;
    expect(tls.status).toBe('skipped');
    expect(tls.reason).toMatch(/^cancelled after (0\.9|1\.\d) s of \d+\.\d s$/);
    expect(j.code).toBe(1);
    expect(t.code).toBe(1);
    expect(t.stdout).toMatch(/CANCELLED/);
    expect(t.stdout).not.toMatch(/FAILING|TLS_HANDSHAKE_TIMEOUT/);
    expect(t.stdout).toMatch(/cancelled after (0\.9|1\.\d) s of/);
    const opened = await readBundleFile(bundle);
    expect(opened.ok && opened.value.report.summary.verdict).toBe('cancelled');
    const o = await cli(['open', bundle]);
    expect(o.stdout).toMatch(/CANCELLED/);
  }, 30_000);
});

describe('item 9: a probe that cannot run is "not checked: <reason>" in every face; a stage fails only with an error finding', () => {
  it('--stream on a GET to a generic URL: no ✗ server, and the reason is shown', async () => {
    const o = await cli(['diagnose', plain.url('http', '/anything'), '--stream', '--samples', '1', '--timeout', '3000', '--json']);
    const report = JSON.parse(o.stdout) as Report;
    const server = report.stages.find((s) => s.id === 'server')!;
    expect(server.status).not.toBe('fail');
    expect(server.reason).toMatch(/not checked: stream: no streaming endpoint known/);
    expect(renderText(report, 'en')).toMatch(/not checked: stream: no streaming endpoint known/);
    expect(renderMarkdown(report, 'en')).toMatch(/not checked: stream: no streaming endpoint known/);
    if (report.summary.verdict === 'healthy') expect(report.summary.headline).toMatch(/not checked/);
  });

  it.each(PROBES.map((p) => [p.id, p] as const))('%s failing without a finding', async (id) => {
    // Every other probe is not applicable; this one "cannot run". The real rules judge the result.
    const probes = PROBES.map((p) =>
      p.id === id
        ? { ...p, dependsOn: [], notApplicable: undefined, run: async () => ({ status: 'failed' as const, data: undefined as never, reason: { code: 'run.probeError' as const, values: { error: `cannot run: test reason for ${id}` } } }) }
        : { ...p, dependsOn: [], notApplicable: () => ({ code: 'run.notRun' as const }), run: async () => ({ status: 'ok' as const, data: undefined as never }) },
    );
    const report = await runDiagnosis(defaultRequest('http://127.0.0.1:9/v1/models', { timeoutMs: 500 }), { probes });
    const probe = PROBES.find((p) => p.id === id)!;
    const stage = report.stages.find((s) => s.id === probe.stage)!;
    const errors = report.findings.filter((f) => f.stage === probe.stage && f.severity === 'error');
    if (stage.status === 'fail') expect(errors.length, `${stage.id} is ✗ with no error finding`).toBeGreaterThan(0);
    if (errors.length === 0) {
      expect(stage.reason).toContain(`test reason for ${id}`);
      for (const face of [renderText(report, 'en'), renderMarkdown(report, 'en')]) expect(face).toContain(`test reason for ${id}`);
      expect(report.summary.headline).not.toMatch(/Every check passed/);
    }
  });
});

describe('the app keeps these verdicts when it re-words or merges a report', () => {
  it('localizeReport and mergeRerun keep "cancelled" and the "not checked" headline', async () => {
    const { mergeRerun } = await import('../../../src-main/app/diagnosis-report.js');
    const { localizeReport } = await import('../../../src-main/report/text/index.js');
    const ctrl = new AbortController();
    ctrl.abort();
    const cancelled = await runDiagnosis(defaultRequest('http://127.0.0.1:9/'), { signal: ctrl.signal });
    expect(cancelled.summary.verdict).toBe('cancelled');
    expect(localizeReport(cancelled, 'zh-CN').summary).toMatchObject({ verdict: 'cancelled', headline: expect.stringMatching(/已取消/) });
    expect(mergeRerun(cancelled, cancelled, new Set(['tcp'])).summary.verdict).toBe('cancelled');
    const probes = PROBES.map((p) => (p.id === 'stream' ? { ...p, dependsOn: [], notApplicable: undefined, run: async () => ({ status: 'failed' as const, data: undefined as never, reason: { code: 'stream.noEndpoint' as const } }) } : { ...p, dependsOn: [], notApplicable: () => ({ code: 'run.notRun' as const }), run: async () => ({ status: 'ok' as const, data: undefined as never }) }));
    const partial = await runDiagnosis(defaultRequest('http://127.0.0.1:9/'), { probes });
    expect(partial.summary.headline).toMatch(/not checked: server: stream/);
    expect(localizeReport(partial, 'zh-CN').summary.headline).toMatch(/未检查/);
    expect(localizeReport(partial, 'en').summary.headline).toMatch(/not checked: server: stream/);
  });
});
