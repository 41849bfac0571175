import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { intakeHandlers } from '../../../src-main/app/intake-handlers.js';
import { buildBundle } from '../../../src-main/bundle/write.js';
import type { Report } from '../../../src-main/common/report.js';
import { leakyReport } from '../bundle/fixtures.js';
import { randomCanary } from '../../integration/canary-forms.js';

const ctx = { emit: () => {} };
const handlers = (open: string | null = null) => intakeHandlers({ environment: async () => ({ os: { platform: 'linux' }, proxy: { effective: null } }), chooseBundleOpenPath: async () => open });

describe('readPasted (IPC)', () => {
  const h = handlers();
  it('a URL is a URL', async () => {
    expect(await h.readPasted(ctx, { text: '  https://api.example.test/v1/models \n' }, 'en')).toEqual({ ok: true, value: { kind: 'url', url: 'https://api.example.test/v1/models' } });
  });

  it('a curl command: the preview masks the key, the fill carries what the page itself sent', async () => {
    const key = randomCanary('sk');
    const r = await h.readPasted(ctx, { text: `curl -k -X POST https://api.example.test/v1/chat/completions -H 'Authorization: Bearer ${key}' -H 'Content-Type: application/json' -d '{"model":"x"}' -F a=b` }, 'en');
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.kind !== 'request') throw new Error('not a request');
    expect(r.value.source).toBe('curl');
    expect(JSON.stringify(r.value.preview)).not.toContain(key);
    expect(r.value.preview.headers[0]).toMatchObject({ name: 'Authorization', masked: true });
    expect(r.value.preview.ignored.join(' ')).toContain('-F');
    expect(r.value.preview.insecure).toBe(true);
    expect(r.value.fill).toMatchObject({ method: 'POST', insecure: true, body: '{"model":"x"}' });
    expect(r.value.fill.headers[0]).toEqual({ name: 'Authorization', value: `Bearer ${key}` });
  });

  it('an error text is explained, in the asked language', async () => {
    const r = await h.readPasted(ctx, { text: "HTTPSConnectionPool(host='api.openai.com', port=443): Max retries exceeded with url: /v1/models (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)')))" }, 'zh-CN');
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.kind !== 'error') throw new Error('not an error text');
    expect(r.value.explanation.matches[0]!.code).toBe('TLS_UNTRUSTED_CERT');
    expect(r.value.explanation.next).toContain('api-doctor diagnose https://api.openai.com');
    expect(r.value.target).toBe('https://api.openai.com');
  });

  it('a HAR: entries listed, the failed one picked, another one on request', async () => {
    const har = JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: 'https://a.example/ok', headers: [] }, response: { status: 200 } }, { request: { method: 'POST', url: 'https://a.example/fail', headers: [{ name: 'x-api-key', value: 'k-0123456789abcdef' }] }, response: { status: 401 } }] } });
    const r = await h.readPasted(ctx, { text: har, kind: 'har' }, 'en');
    if (!r.ok || r.value.kind !== 'request') throw new Error('not a request');
    expect(r.value.entry).toBe(1);
    expect(r.value.entries).toHaveLength(2);
    expect(JSON.stringify(r.value.preview)).not.toContain('k-0123456789abcdef');
    const again = await h.readPasted(ctx, { text: har, kind: 'har', entry: 0 }, 'en');
    expect(again.ok && again.value.kind === 'request' && again.value.fill.url).toBe('https://a.example/ok');
  });

  it('bad input: a Result with a scrubbed one-line reason, never a throw', async () => {
    const key = randomCanary('sk');
    const r = await h.readPasted(ctx, { text: `curl -H 'Authorization Bearer ${key}' https://x.example/` }, 'en');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).not.toContain(key);
    for (const bad of [null, 'text', { text: 1 }, { text: 'x', extra: true }, { text: 'x', entry: -1 }]) expect((await h.readPasted(ctx, bad, 'en')).ok).toBe(false);
    expect((await h.readPasted(ctx, { text: 'x' }, 'fr')).ok).toBe(false);
  });
});

describe('compareWithBundle (IPC)', () => {
  const report = (): Report => leakyReport(randomCanary());
  const zipOf = (r: Report, env: Record<string, unknown>) => buildBundle(r, { environment: env as never }).zip;

  it('the current report against dropped bundle bytes: differences in the contract shape', async () => {
    const a = report();
    const b: Report = { ...a, summary: { ...a.summary, verdict: 'healthy', rootCause: null } };
    const bytes = zipOf(b, { os: { platform: 'darwin' }, proxy: { effective: { value: 'http://127.0.0.1:7890', source: 'env:HTTPS_PROXY' } } });
    const r = await handlers().compareWithBundle(ctx, a, { bytesBase64: Buffer.from(bytes).toString('base64'), name: 'works.zip' }, 'en');
    expect(r.ok).toBe(true);
    if (!r.ok || !r.value) throw new Error('no diff');
    expect(r.value.other).toBe('works.zip');
    const paths = r.value.differences.map((d) => d.path);
    expect(paths[0]).toBe('summary.verdict');
    expect(paths).toEqual(expect.arrayContaining(['environment.proxy.effective', 'environment.os.platform']));
    for (const d of r.value.differences) expect(Object.keys(d).sort()).toEqual(['a', 'b', 'path', 'why it matters']);
  });

  it('through the open dialog; cancelled is null; the same report and environment give no differences', async () => {
    const a = report();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cmp-'));
    const file = path.join(dir, 'same.zip');
    await writeFile(file, zipOf(a, { os: { platform: 'linux' }, proxy: { effective: null } }));
    expect(await handlers(null).compareWithBundle(ctx, a)).toEqual({ ok: true, value: null });
    const r = await handlers(file).compareWithBundle(ctx, a);
    expect(r).toMatchObject({ ok: true, value: { other: 'same.zip' } });
    if (r.ok && r.value) expect(r.value.differences.filter((d) => !d.path.startsWith('timings'))).toEqual([]);
  });

  it('durations inside stage summaries are not differences', async () => {
    const a = report();
    const withTcp = (r: Report, ms: number): Report => ({ ...r, stages: [...r.stages.filter((st) => st.id !== 'tcp'), { id: 'tcp', status: 'pass', durationMs: ms, reason: `127.0.0.1:443 in ${ms} ms (1/1 addresses)` }] });
    const bytes = zipOf(withTcp(a, 79), { os: { platform: 'linux' }, proxy: { effective: null } });
    const r = await handlers().compareWithBundle(ctx, withTcp(a, 81), { bytesBase64: Buffer.from(bytes).toString('base64') }, 'en');
    expect(r.ok && r.value?.differences.map((d) => d.path)).not.toContain('stages.tcp');
  });

  it('bad input is a Result', async () => {
    const h = handlers();
    expect((await h.compareWithBundle(ctx, { nope: 1 })).ok).toBe(false);
    expect((await h.compareWithBundle(ctx, report(), { bytesBase64: 'not base64!!' })).ok).toBe(false);
    expect((await h.compareWithBundle(ctx, report(), { bytesBase64: Buffer.from('not a zip').toString('base64') })).ok).toBe(false);
  });
});
