import { describe, expect, it } from 'vitest';
import { runDiagnosis } from '../../../src-main/engine/run.js';
import type { Probe, StageRules } from '../../../src-main/engine/probe.js';
import { defaultRequest } from '../../../src-main/common/request.js';
import type { ProgressEvent } from '../../../src-main/common/progress.js';
import { Secret } from '../../../src-main/engine/secret.js';

const req = (over = {}) => defaultRequest('https://api.example.test/v1/models', { timeoutMs: 500, ...over });
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

function probe(id: string, stage: Probe['stage'], dependsOn: string[], run: Probe['run']): Probe {
  return { id, stage, dependsOn, run };
}

describe('runner', () => {
  it('runs independent probes concurrently and dependants after their prerequisites', async () => {
    const order: string[] = [];
    const mk = (id: string, stage: Probe['stage'], deps: string[]) =>
      probe(id, stage, deps, async () => {
        order.push(`start:${id}`);
        await sleep(50);
        order.push(`end:${id}`);
        return { status: 'ok', data: null };
      });
    const report = await runDiagnosis(req(), { probes: [mk('a', 'environment', []), mk('b', 'proxy', []), mk('c', 'dns', ['a', 'b'])], rules: {} });
    // a and b overlap (both start before either ends); c waits for both.
    expect(order.slice(0, 2).sort()).toEqual(['start:a', 'start:b']);
    expect(order.indexOf('start:c')).toBeGreaterThan(order.indexOf('end:b'));
    expect(order.indexOf('start:c')).toBeGreaterThan(order.indexOf('end:a'));
    expect(report.stages.find((s) => s.id === 'dns')!.status).toBe('pass');
    expect(report.stages.find((s) => s.id === 'tcp')).toMatchObject({ status: 'skipped', reason: 'not yet checked' });
  });

  it('skips dependants of a failed probe with the reason, and picks the earliest stage error as root cause', async () => {
    const rules: Partial<Record<Probe['stage'], StageRules>> = {
      dns: (v) => (v.result('dns')?.status === 'failed' ? [{ code: 'DNS_NXDOMAIN', evidence: { host: 'api.example.test' } }] : []),
      tls: () => [{ code: 'TLS_CERT_EXPIRING_SOON', evidence: {} }],
    };
    const report = await runDiagnosis(req(), {
      probes: [
        probe('dns', 'dns', [], async () => ({ status: 'failed', data: null, reason: { code: 'dns.failed', values: { host: 'api.example.test', error: 'ENOTFOUND' } } })),
        probe('tcp', 'tcp', ['dns'], async () => ({ status: 'ok', data: null })),
        probe('tls', 'tls', ['tcp'], async () => ({ status: 'ok', data: null })),
      ],
      rules,
    });
    expect(report.summary.verdict).toBe('failing');
    expect(report.summary.rootCause).toBe('DNS_NXDOMAIN');
    expect(report.stages.find((s) => s.id === 'tcp')).toMatchObject({ status: 'skipped', reason: 'DNS lookup failed: api.example.test did not resolve (ENOTFOUND)' });
    expect(report.stages.find((s) => s.id === 'tls')).toMatchObject({ status: 'skipped', reason: 'DNS lookup failed: api.example.test did not resolve (ENOTFOUND)', reasonRef: { code: 'run.depFailed' } });
    expect(report.findings.map((f) => f.code)).toEqual(['DNS_NXDOMAIN']);
    expect(Object.isFrozen(report)).toBe(true);
  });

  it('bounds a probe that ignores its signal, and turns a throwing probe into a failure', async () => {
    const t0 = Date.now();
    const report = await runDiagnosis(req({ timeoutMs: 100 }), {
      probes: [
        probe('hang', 'dns', [], () => new Promise(() => {})),
        probe('boom', 'tcp', [], async () => {
          throw new Error('kaput');
        }),
      ],
      rules: {},
    });
    expect(Date.now() - t0).toBeLessThan(1000);
    // No finding, so no ✗ (issue #10 item 9): the stages say they were not checked, and why.
    expect(report.stages.find((s) => s.id === 'dns')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^not checked: hang: no result within 100 ms/) });
    expect(report.stages.find((s) => s.id === 'tcp')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^not checked: boom: probe error: kaput/) });
    expect(report.summary.headline).toMatch(/not checked: dns: hang/);
  });

  it('cancels a whole run', async () => {
    const ctrl = new AbortController();
    const events: ProgressEvent[] = [];
    setTimeout(() => ctrl.abort(), 30);
    const t0 = Date.now();
    const report = await runDiagnosis(req({ timeoutMs: 5000 }), {
      signal: ctrl.signal,
      onProgress: (e) => events.push(e),
      probes: [probe('slow', 'dns', [], async (ctx) => (await sleep(5000, ctx.signal), { status: 'failed', data: null, reason: { code: 'run.cancelled' } })), probe('after', 'tcp', ['slow'], async () => ({ status: 'ok', data: null }))],
      rules: {},
    });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(report.stages.find((s) => s.id === 'tcp')!.status).toBe('skipped');
    expect(events.at(-1)!.type).toBe('done');
    expect(events.map((e) => e.type)).toContain('probe-started');
  });

  it('scrubs the credential from every string of the report and of progress events', async () => {
    const secret = 'sk-canary-0123456789abcdef';
    const events: ProgressEvent[] = [];
    const report = await runDiagnosis(req(), {
      credential: new Secret(secret),
      onProgress: (e) => events.push(e),
      probes: [probe('leaky', 'http', [], async () => ({ status: 'failed', data: { echoed: secret }, reason: { code: 'http.error', values: { error: 'E', message: `server said ${secret}` } }, summary: { code: 'http.error', values: { error: 'E', message: `sent Bearer ${secret}` } } }))],
      rules: { http: () => [{ code: 'HTTP_BAD_REQUEST', evidence: { message: `bad key ${secret} / ${encodeURIComponent(secret)}` } }] },
    });
    const all = JSON.stringify(report) + JSON.stringify(events);
    expect(all).not.toContain(secret);
    expect(all).toContain('[REDACTED]');
  });
});

describe('runner: not-applicable probes', () => {
  it('reports a not-applicable probe as skipped without blocking its dependants', async () => {
    const report = await runDiagnosis(defaultRequest('http://plain.example.test/'), {
      probes: [
        { id: 'tls', stage: 'tls', dependsOn: [], notApplicable: (_r, t) => (t.protocol === 'http:' ? { code: 'tls.notApplicable' } : null), run: async () => ({ status: 'ok', data: null }) },
        { id: 'http', stage: 'http', dependsOn: ['tls'], run: async () => ({ status: 'ok', data: null }) },
      ],
      rules: {},
    });
    expect(report.stages.find((s) => s.id === 'tls')).toMatchObject({ status: 'skipped', reason: 'plain http:// URL: no TLS to check' });
    expect(report.stages.find((s) => s.id === 'http')!.status).toBe('pass');
  });
});

describe('runner: a failed prerequisite beats not-applicable', () => {
  it('does not run the dependants of a not-applicable probe whose own prerequisite failed', async () => {
    let ran = false;
    const report = await runDiagnosis(defaultRequest('http://plain.example.test/'), {
      probes: [
        { id: 'tcp', stage: 'tcp', dependsOn: [], run: async () => ({ status: 'failed', data: null, reason: { code: 'tcp.failed', values: { where: '127.0.0.1:80', error: 'ECONNREFUSED' } } }) },
        { id: 'tls', stage: 'tls', dependsOn: ['tcp'], notApplicable: () => ({ code: 'tls.notApplicable' }), run: async () => ({ status: 'ok', data: null }) },
        { id: 'http', stage: 'http', dependsOn: ['tls'], run: async () => ((ran = true), { status: 'ok', data: null }) },
      ],
      rules: {},
    });
    expect(ran).toBe(false);
    expect(report.stages.find((s) => s.id === 'http')).toMatchObject({ status: 'skipped', reason: 'TCP connect failed: 127.0.0.1:80: ECONNREFUSED' });
  });
});
