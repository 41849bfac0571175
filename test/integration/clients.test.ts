import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientId } from '../../src-main/common/clients.js';
import { CLIENT_IDS } from '../../src-main/common/clients.js';
import { renderText } from '../../src-main/report/render-text.js';
import { renderMarkdown } from '../../src-main/report/render-markdown.js';
import { localizeReport } from '../../src-main/report/text/localize.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readBundleFile } from '../../src-main/bundle/read.js';
import { diagnoseJson, makeLabPki, startConnectProxy, startTlsServer, type LabPki, type LabProxy, type LabServer } from '../lab/index.js';

/** The matrix on loopback (no namespace needed): every report carries it; --client changes the verdict. */
let pki: LabPki;
let web: LabServer;
let corpWeb: LabServer;
let proxy: LabProxy;
beforeAll(async () => {
  pki = await makeLabPki();
  web = await startTlsServer(pki, 'healthy');
  corpWeb = await startTlsServer(pki, 'os-only');
  proxy = await startConnectProxy({ kind: 'tunnel' });
});
afterAll(async () => Promise.all([web, corpWeb, proxy].map((s) => s.close())));

const url = (s: LabServer) => `https://api.lab.test:${s.port}/v1/models`;
const pin = (s: LabServer) => ['--resolve', `api.lab.test:${s.port}:127.0.0.1`];
const outcome = (rows: { id: ClientId; outcome: string; code: string | null }[] | undefined, id: ClientId) => rows?.find((r) => r.id === id);

describe('client matrix on loopback', () => {
  it('every report carries every client, in the schema (no proxy: nothing extra measured)', async () => {
    const r = await diagnoseJson([url(web), ...pin(web), '--ca-file', pki.caFile, '--timeout', '2000'], { env: {} });
    expect(r.report.clients?.map((c) => c.id)).toEqual([...CLIENT_IDS]);
    for (const c of r.report.clients ?? []) expect(c.reason.length).toBeGreaterThan(10);
  });

  it('both paths work: node is flagged CLIENT_PROXY_IGNORED; --client node makes it a warning (degraded), not an error', async () => {
    const env = { HTTPS_PROXY: proxy.proxyUrl('lab', 'proxy-pass-7781'), NODE_EXTRA_CA_CERTS: pki.caFile };
    const args = [url(web), ...pin(web), '--ca-file', pki.caFile, '--timeout', '2000'];
    const plain = await diagnoseJson(args, { env });
    expect(outcome(plain.report.clients, 'node')).toMatchObject({ outcome: 'ok', code: 'CLIENT_PROXY_IGNORED' });
    expect(plain.report.findings.map((f) => f.code)).not.toContain('CLIENT_PROXY_IGNORED');
    const asNode = await diagnoseJson([...args, '--client', 'node'], { env });
    const f = asNode.report.findings.find((x) => x.code === 'CLIENT_PROXY_IGNORED');
    expect(f?.severity).toBe('warn');
    expect(asNode.report.summary.verdict).toBe('degraded');
    expect(asNode.code).toBe(0);
    // The proxy password reaches neither the JSON nor the human text.
    for (const out of [JSON.stringify(plain.report), JSON.stringify(asNode.report), renderText(asNode.report), renderMarkdown(plain.report)]) expect(out).not.toContain('proxy-pass-7781');
  });

  it('a corporate chain, the OS store (injected) trusting its root: curl/browser ok, node fails TLS_OS_TRUST_ONLY; text and markdown show the matrix', async () => {
    const r = await diagnoseJson([url(corpWeb), ...pin(corpWeb), '--timeout', '2000'], { env: {}, deps: { platform: { systemCaCertificates: async () => [pki.corpRoot.cert] } } });
    expect(outcome(r.report.clients, 'curl')?.outcome).toBe('ok');
    expect(outcome(r.report.clients, 'browser')?.outcome).toBe('ok');
    expect(outcome(r.report.clients, 'node')).toMatchObject({ outcome: 'fail', code: 'TLS_OS_TRUST_ONLY' });
    const text = renderText(r.report);
    expect(text).toContain('Other clients from this machine');
    expect(text).toMatch(/✗ Node\.js \d+ fetch \/ undici\s+fails\s+TLS_OS_TRUST_ONLY/);
    expect(renderText(r.report, 'zh-CN')).toContain('本机其他客户端');
    // The rows are data: a report made in English shows them in Chinese on a Chinese screen.
    const zh = renderText(r.report, 'zh-CN');
    expect(zh).toContain('浏览器（系统代理与系统信任库）');
    expect(zh).toMatch(/失败：它信任的 Node 内置根证书/);
    expect(zh).not.toContain('Fails: it trusts');
    expect(renderMarkdown(r.report)).toContain('| ✗ | Node.js');
  });

  it('healthy only through --ca-file: the headline says it was judged with the --ca-file (the clients’ rows, without it, fail), in either language', async () => {
    const r = await diagnoseJson([url(web), ...pin(web), '--ca-file', pki.caFile, '--timeout', '2000'], { env: {} });
    expect(r.report.summary.verdict).toBe('healthy');
    expect(r.report.summary.caFileOnly).toEqual({ client: 'curl' });
    expect(outcome(r.report.clients, 'curl')).toMatchObject({ outcome: 'fail', code: 'TLS_UNTRUSTED_CERT' });
    expect(r.report.summary.headline).toMatch(/passed with the CA file you chose; curl's own trust store does not accept/);
    expect(r.report.summary.headline).toContain('curl, browser, node');
    expect(renderText(r.report)).toContain('with the CA file you chose');
    expect(localizeReport(r.report, 'zh-CN').summary.headline).toContain('你选择的 CA 文件');
    // A CA the client's own store has needs no such note.
    const os = await diagnoseJson([url(web), ...pin(web), '--ca-file', pki.caFile, '--timeout', '2000'], { env: {}, deps: { platform: { systemCaCertificates: async () => [pki.root.cert] } } });
    expect(os.report.summary.caFileOnly).toBeUndefined();
    expect(os.report.summary.headline).not.toContain('CA file you chose');
    expect(outcome(os.report.clients, 'curl')?.outcome).toBe('ok');
  });

  it('a bundle carries the matrix in report.json and opens with it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'api-doctor-clients-bundle-'));
    try {
      const zip = path.join(dir, 'out.zip');
      const r = await diagnoseJson([url(web), ...pin(web), '--ca-file', pki.caFile, '--timeout', '2000', '--bundle', zip], { env: {} });
      const opened = await readBundleFile(zip);
      if (!opened.ok) throw new Error(opened.error.message);
      expect(opened.value.report.clients).toEqual(r.report.clients);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--client rejects an unknown client with a usage error naming the known ones', async () => {
    await expect(diagnoseJson([url(web), '--client', 'lynx'], { env: {} })).rejects.toThrow(/not known/);
  });
});
