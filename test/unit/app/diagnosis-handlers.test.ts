import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diagnosisHandlers, probesFor } from '../../../src-main/app/diagnosis-handlers.js';
import type { CallContext } from '../../../src-main/app/handlers.js';
import type { DoctorEvents } from '../../../src-main/common/ipc-contract.js';
import type { ProgressEvent } from '../../../src-main/common/progress.js';
import type { Report } from '../../../src-main/common/report.js';
import { defaultRequest } from '../../../src-main/common/request.js';
import type { Probe, StageRules } from '../../../src-main/engine/probe.js';
import { Secret } from '../../../src-main/engine/secret.js';
import { createMemoryStore } from '../../../src-main/credentials/memory-store.js';

type Progress = DoctorEvents['progress'];

/** A context that records the events a handler emits, and resolves when a run's `done` arrives. */
function recorder() {
  const events: Progress[] = [];
  const waiters = new Map<string, (r: Report) => void>();
  const ctx: CallContext = {
    emit(name, payload) {
      if (name !== 'progress') return;
      const p = payload as Progress;
      events.push(p);
      if (p.event.type === 'done') waiters.get(p.runId)?.(p.event.report);
    },
  };
  const done = (runId: string) =>
    new Promise<Report>((resolve) => {
      const hit = events.find((e) => e.runId === runId && e.event.type === 'done');
      if (hit && hit.event.type === 'done') resolve(hit.event.report);
      else waiters.set(runId, resolve);
    });
  return { ctx, events, done };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()));
  });

/** Test probes: dns fails when the host is "missing.test"; tcp depends on dns; server sleeps (to cancel it). */
function engine(calls: string[] = []) {
  const probes: Probe[] = [
    { id: 'dns', stage: 'dns', dependsOn: [], run: async (c) => (calls.push('dns'), c.target.hostname === 'missing.test' ? { status: 'failed', data: null, reason: { code: 'dns.failed', values: { host: c.target.hostname, error: 'ENOTFOUND' } } } : { status: 'ok', data: null, summary: { code: 'dns.literal' } }) },
    { id: 'tcp', stage: 'tcp', dependsOn: ['dns'], run: async () => (calls.push('tcp'), { status: 'ok', data: null }) },
    { id: 'server', stage: 'server', dependsOn: ['tcp'], run: async (c) => (calls.push('server'), await sleep(c.request.samples * 500, c.signal), { status: 'ok', data: null }) },
  ];
  const rules: Partial<Record<Probe['stage'], StageRules>> = {
    dns: (v) => (v.result('dns')?.status === 'failed' ? [{ code: 'DNS_NXDOMAIN', evidence: { host: v.target.hostname } }] : []),
    tcp: () => [],
  };
  return { probes, rules, platform: { env: {} } };
}

const handlers = (over: Partial<Parameters<typeof diagnosisHandlers>[0]> = {}, calls?: string[]) =>
  diagnosisHandlers({ chooseCaFile: async () => null, engine: engine(calls), env: {}, ...over });
const request = (url: string, over = {}) => defaultRequest(url, { timeoutMs: 2000, samples: 1, ...over });

describe('startDiagnosis', () => {
  it('streams progress tagged with the runId and ends with the report', async () => {
    const { ctx, events, done } = recorder();
    const r = await handlers().startDiagnosis(ctx, request('https://missing.test/v1'));
    expect(r.ok).toBe(true);
    const runId = r.ok ? r.value.runId : '';
    const report = await done(runId);
    expect(report.summary.rootCause).toBe('DNS_NXDOMAIN');
    const types = events.filter((e) => e.runId === runId).map((e) => e.event.type);
    expect(types).toContain('probe-started');
    expect(types).toContain('finding');
    expect(types.at(-1)).toBe('done');
    expect(types.filter((t) => t === 'done')).toHaveLength(1);
  });

  it('refuses a bad URL, an unknown method and a header with a line break, in plain words', async () => {
    const h = handlers();
    const { ctx } = recorder();
    const bad = async (input: unknown) => {
      const r = await h.startDiagnosis(ctx, input);
      expect(r.ok).toBe(false);
      return r.ok ? '' : `${r.error.kind}: ${r.error.message}`;
    };
    expect(await bad(request('not a url'))).toMatch(/^bad-input: "not a url" is not a URL/);
    expect(await bad(request('ftp://files.example/x'))).toMatch(/use http:\/\/ or https:\/\//);
    expect(await bad(request(''))).toMatch(/Enter the address/);
    expect(await bad(request('https://a.test', { method: 'GE T' }))).toMatch(/is not an HTTP method/);
    expect(await bad(request('https://a.test', { method: 'CONNECT' }))).toMatch(/CONNECT opens a proxy tunnel/);
    expect(await bad(request('https://a.test', { headers: [{ name: 'X', value: 'a\r\nInjected: 1' }] }))).toMatch(/line break/);
    expect(await bad(request('https://a.test', { dnsServers: ['dns.google'] }))).toMatch(/IP address/);
    expect(await bad({ url: 'https://a.test' })).toMatch(/^bad-input: /);
    expect(await bad(null)).toMatch(/^bad-input: /);
  });

  it('answers in the language of the request', async () => {
    const { ctx } = recorder();
    const r = await handlers().startDiagnosis(ctx, request('not a url', { lang: 'zh-CN' }));
    expect(r).toMatchObject({ ok: false, error: { kind: 'bad-input', message: '“not a url”不是网址：请填写完整的 URL，以 https:// 开头' } });
  });

  it('accepts as caFile only a path the user picked in the dialog', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'doctor-ca-'));
    const pem = path.join(dir, 'corp.pem');
    writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const h = handlers({ chooseCaFile: async () => pem });
    const { ctx, done } = recorder();
    const typed = await h.startDiagnosis(ctx, request('https://a.test', { caFile: '/etc/shadow' }));
    expect(typed).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await h.pickCaFile(ctx)).toEqual({ ok: true, value: { path: pem, name: 'corp.pem' } });
    const picked = await h.startDiagnosis(ctx, request('https://a.test', { caFile: pem }));
    expect(picked.ok).toBe(true);
    if (picked.ok) await done(picked.value.runId);
  });

  it('resolves an env credential in main, and says so when the variable is missing', async () => {
    const { ctx, done } = recorder();
    const seen: (string | null)[] = [];
    const probes: Probe[] = [{ id: 'auth', stage: 'auth', dependsOn: [], run: async (c) => (seen.push(c.credential?.reveal() ?? null), { status: 'ok', data: null }) }];
    const h = diagnosisHandlers({ chooseCaFile: async () => null, engine: { probes, rules: {} }, env: { LAB_KEY: 'sk-lab-0123456789abcdef' } });
    const r = await h.startDiagnosis(ctx, request('https://a.test', { credential: { kind: 'env', variable: 'LAB_KEY' } }));
    expect(r.ok).toBe(true);
    const report = await done(r.ok ? r.value.runId : '');
    expect(seen).toEqual(['sk-lab-0123456789abcdef']);
    expect(JSON.stringify(report)).not.toContain('sk-lab-0123456789abcdef');
    const missing = await h.startDiagnosis(ctx, request('https://a.test', { credential: { kind: 'env', variable: 'NOPE' } }));
    expect(missing).toMatchObject({ ok: false, error: { message: expect.stringContaining('NOPE') } });
  });
});

describe('startDiagnosis with a saved credential', () => {
  it('reads the secret from the credential store in main, applies its placement, and redacts it', async () => {
    const store = createMemoryStore();
    await store.save({ name: 'lab key', provider: 'generic', placement: { kind: 'header', name: 'X-Api-Key' }, secret: new Secret('lab-secret-0123456789') });
    const seen: unknown[] = [];
    const probes: Probe[] = [
      { id: 'auth', stage: 'auth', dependsOn: [], run: async (c) => (seen.push([c.credential?.reveal(), c.request.auth]), { status: 'ok', data: null, summary: { code: 'http.error', values: { error: 'sent', message: 'lab-secret-0123456789' } } }) },
    ];
    const h = diagnosisHandlers({ chooseCaFile: async () => null, engine: { probes, rules: {} }, env: {}, credentialStore: () => store });
    const { ctx, events, done } = recorder();
    const r = await h.startDiagnosis(ctx, request('https://a.test', { credential: { kind: 'keychain', name: 'lab key' } }));
    const report = await done(r.ok ? r.value.runId : '');
    expect(seen).toEqual([['lab-secret-0123456789', { kind: 'header', name: 'X-Api-Key' }]]);
    expect(JSON.stringify(events)).not.toContain('lab-secret-0123456789');
    expect(JSON.stringify(report)).not.toContain('lab-secret-0123456789');
    expect(await h.startDiagnosis(ctx, request('https://a.test', { credential: { kind: 'keychain', name: 'nope' } }))).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('says the keychain is unavailable when there is none', async () => {
    const { ctx } = recorder();
    expect(await handlers().startDiagnosis(ctx, request('https://a.test', { credential: { kind: 'keychain', name: 'x' } }))).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
  });
});

describe('cancelDiagnosis', () => {
  it('stops a running diagnosis, which still ends with a report', async () => {
    const h = handlers();
    const { ctx, done } = recorder();
    const r = await h.startDiagnosis(ctx, request('https://a.test', { samples: 20, timeoutMs: 20_000 }));
    const runId = r.ok ? r.value.runId : '';
    await new Promise((res) => setTimeout(res, 30));
    const t0 = Date.now();
    expect(await h.cancelDiagnosis(ctx, runId)).toEqual({ ok: true, value: { cancelled: true } });
    const report = await done(runId);
    expect(Date.now() - t0).toBeLessThan(3000); // the sleeping probe would take 10 s
    expect(report.stages.find((s) => s.id === 'dns')?.status).toBe('pass');
    expect(await h.cancelDiagnosis(ctx, runId)).toEqual({ ok: true, value: { cancelled: false } });
    expect(await h.cancelDiagnosis(ctx, 'x')).toMatchObject({ ok: false, error: { kind: 'bad-input' } });
  });
});

describe('rerunStages', () => {
  it('re-runs the chosen stages with their prerequisites only, and merges them into the earlier report', async () => {
    const calls: string[] = [];
    const h = handlers({}, calls);
    const { ctx, done } = recorder();
    const first = await h.startDiagnosis(ctx, request('https://a.test'));
    const firstId = first.ok ? first.value.runId : '';
    const before = await done(firstId);
    calls.length = 0;
    const again = await h.rerunStages(ctx, firstId, ['tcp']);
    expect(again.ok).toBe(true);
    const againId = again.ok ? again.value.runId : '';
    expect(againId).not.toBe(firstId);
    const merged = await done(againId);
    expect(calls.sort()).toEqual(['dns', 'tcp']);
    // server was not re-run: its earlier result stays.
    expect(merged.stages.find((s) => s.id === 'server')).toEqual(before.stages.find((s) => s.id === 'server'));
    expect(merged.stages.map((s) => s.id)).toEqual(before.stages.map((s) => s.id));
  });

  it('refuses while the run is still going, and for unknown runs or stages', async () => {
    const h = handlers();
    const { ctx, done } = recorder();
    const r = await h.startDiagnosis(ctx, request('https://a.test', { samples: 3 }));
    const runId = r.ok ? r.value.runId : '';
    expect(await h.rerunStages(ctx, runId, ['tcp'])).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    await done(runId);
    expect(await h.rerunStages(ctx, runId, ['nope'])).toMatchObject({ ok: false, error: { kind: 'bad-input' } });
    expect(await h.rerunStages(ctx, '00000000-0000-0000-0000-000000000000', ['tcp'])).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('probesFor takes the transitive prerequisites', () => {
    const { probes } = engine();
    expect(probesFor(probes, new Set(['server'])).map((p) => p.id)).toEqual(['dns', 'tcp', 'server']);
    expect(probesFor(probes, new Set(['dns'])).map((p) => p.id)).toEqual(['dns']);
  });
});

describe('listProbes', () => {
  it('lists the engine probes in order, with their stages', async () => {
    const { ctx } = recorder();
    expect(await handlers().listProbes(ctx)).toEqual({ ok: true, value: [{ id: 'dns', stage: 'dns' }, { id: 'tcp', stage: 'tcp' }, { id: 'server', stage: 'server' }] });
  });
});

describe('pickCaFile', () => {
  it('returns null when the dialog is cancelled, and refuses a file without a PEM certificate', async () => {
    const { ctx } = recorder();
    expect(await handlers().pickCaFile(ctx)).toEqual({ ok: true, value: null });
    const dir = mkdtempSync(path.join(tmpdir(), 'doctor-ca-'));
    const notPem = path.join(dir, 'notes.txt');
    writeFileSync(notPem, 'hello');
    expect(await handlers({ chooseCaFile: async () => notPem }).pickCaFile(ctx)).toMatchObject({ ok: false, error: { kind: 'bad-input', message: expect.stringContaining('notes.txt') } });
    expect(await handlers({ chooseCaFile: async () => path.join(dir, 'gone.pem') }).pickCaFile(ctx)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});

// Keep the ProgressEvent import meaningful: every event a handler emits is one of the contract's.
export type _Check = ProgressEvent;
