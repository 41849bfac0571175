import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, diagnoseJson, startConnectProxy, startDnsServer, stageOf, type LabProxy } from '../lab/index.js';
import { LAB_KEYS, startHttpLab, type HttpLab } from '../lab/http-lab.js';
import { runDiagnosis } from '../../src-main/engine/run.js';
import { httpProbe } from '../../src-main/engine/probes/http.js';
import { defaultRequest } from '../../src-main/common/request.js';
import { Secret } from '../../src-main/engine/secret.js';

let lab: HttpLab;
let proxy: LabProxy;
beforeAll(async () => {
  lab = await startHttpLab();
  proxy = await startConnectProxy({ kind: 'tunnel' });
});
afterAll(async () => {
  await lab?.close();
  await proxy?.close();
});
const env = { K: LAB_KEYS.openai };

describe('how the http probe reaches the server', () => {
  it('through an HTTPS proxy (--proxy): the call is tunnelled with CONNECT, verified, and healthy', async () => {
    const r = await diagnoseJson([lab.url('/openai/v1/models', 'https'), '--proxy', proxy.proxyUrl(), '--ca-file', lab.pki.caFile, '--token-env', 'K', '--samples', '1', '--timeout', '3000'], { env });
    expect(codesOf(r.report).filter((c) => c !== 'PROXY_IN_USE' && c !== 'PROXY_INTERCEPTS_LOCAL')).toEqual([]);
    expect(stageOf(r.report, 'http').status).toBe('pass');
    // The proxy saw our tunnel (beyond the proxy probe's own CONNECT).
    expect(proxy.connects.filter((c) => c.endsWith(`:${lab.https.port}`)).length).toBeGreaterThanOrEqual(2);
    expect(r.report.exchanges[0]!.response?.status).toBe(200);
  });

  it('plain http through the proxy goes in absolute form (GET http://host/path), never CONNECT, like every client', async () => {
    const r = await diagnoseJson([lab.url('/openai/v1/models'), '--proxy', proxy.proxyUrl(), '--token-env', 'K', '--samples', '1', '--timeout', '3000'], { env });
    expect(stageOf(r.report, 'http').status).toBe('pass');
    expect(r.report.exchanges[0]!.response?.status).toBe(200);
    expect(proxy.connects.filter((c) => c.endsWith(`:${lab.http.port}`))).toEqual([]);
    // The proxy probe's HEAD and our call's GET, both with the full URL on the request line.
    expect(proxy.forwards).toEqual(expect.arrayContaining([`HEAD ${lab.url('/openai/v1/models')}`, `GET ${lab.url('/openai/v1/models')}`]));
  });

  it('--dns-server: the http probe resolves through the given server too (and verifies the name)', async () => {
    const dns = await startDnsServer({ 'api.lab.test': { A: ['127.0.0.1'] } });
    try {
      const r = await diagnoseJson([`https://api.lab.test:${lab.https.port}/openai/v1/models`, '--dns-server', dns.server, '--ca-file', lab.pki.caFile, '--token-env', 'K', '--samples', '2'], { env });
      expect(codesOf(r.report)).toEqual([]);
      expect(r.code).toBe(0);
      // dns probe, http probe, one more sample: each asked the lab resolver itself.
      expect(dns.asked.filter((q) => q === 'A api.lab.test').length).toBeGreaterThanOrEqual(3);
      expect(r.report.exchanges.every((x) => x.timings.dns >= 0)).toBe(true);
    } finally {
      await dns.close();
    }
  });

  it('a --resolve pin is honoured, and the certificate is checked against the pinned name (SNI)', async () => {
    const r = await diagnoseJson([`https://api.lab.test:${lab.https.port}/openai/v1/models`, '--resolve', `api.lab.test:${lab.https.port}:127.0.0.1`, '--ca-file', lab.pki.caFile, '--token-env', 'K', '--samples', '1'], { env });
    expect(stageOf(r.report, 'http').status).toBe('pass');
    expect(r.report.exchanges[0]!.serverIPAddress).toBe('127.0.0.1');
    expect(r.code).toBe(0);
  });

  it('without --ca-file the certificate fails and no credential is ever sent (http is skipped)', async () => {
    const r = await diagnoseJson([lab.url('/openai/v1/models', 'https'), '--token-env', 'K', '--timeout', '2000'], { env });
    expect(r.report.summary.rootCause).toBe('TLS_UNTRUSTED_CERT');
    expect(stageOf(r.report, 'http').status).toBe('skipped');
    expect(r.report.exchanges.some((x) => x.request.headers.some((h) => h.name === 'authorization'))).toBe(false);
    expect(r.code).toBe(1);
  });

  it('on its own (no tls probe) the http probe still verifies the certificate and refuses before sending anything', async () => {
    const report = await runDiagnosis(defaultRequest(lab.url('/openai/v1/models', 'https'), { timeoutMs: 2000 }), { probes: [httpProbe], credential: new Secret(LAB_KEYS.openai) });
    expect(report.summary.rootCause).toBe('TLS_UNTRUSTED_CERT');
    expect(report.exchanges).toHaveLength(1);
    expect(report.exchanges[0]!.response).toBeNull();
    expect(report.exchanges[0]!.error).toBe('TLS_UNTRUSTED_CERT');
  });
});
