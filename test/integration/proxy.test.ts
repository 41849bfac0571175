import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, codesOf, diagnoseJson, makeLabPki, stageOf, startConnectProxy, startTlsServer, type LabPki, type LabProxy, type LabServer } from '../lab/index.js';

const TIMEOUT = 2_000;
const BOUND_MS = 5 * TIMEOUT + 5_000;

let pki: LabPki;
let web: LabServer;
let tunnel: LabProxy;
let auth: LabProxy;
let negotiate: LabProxy;
let forbidden: LabProxy;
beforeAll(async () => {
  pki = await makeLabPki();
  web = await startTlsServer(pki, 'healthy');
  tunnel = await startConnectProxy({ kind: 'tunnel' });
  auth = await startConnectProxy({ kind: 'auth', user: 'lab', pass: 'proxy-secret-0421' });
  negotiate = await startConnectProxy({ kind: 'auth', scheme: 'Negotiate' });
  forbidden = await startConnectProxy({ kind: 'forbidden' });
});
afterAll(async () => {
  await Promise.all([web, tunnel, auth, negotiate, forbidden].map((s) => s.close()));
});

const byName = () => `https://api.lab.test:${web.port}/v1/models`;
const ownStages = ['proxy', 'dns', 'tcp', 'tls'] as const;

describe('proxy stage against lab CONNECT proxies', () => {
  it('https_proxy from the environment → PROXY_IN_USE with its source; the tunnel carries the TLS check', async () => {
    const r = await diagnoseJson([byName(), '--ca-file', pki.caFile, '--timeout', String(TIMEOUT)], { env: { https_proxy: tunnel.proxyUrl() } });
    const f = r.report.findings.find((x) => x.code === 'PROXY_IN_USE')!;
    expect(f.evidence).toMatchObject({ source: 'env:https_proxy', proxy: `http://127.0.0.1:${tunnel.port}` });
    expect(tunnel.connects).toContain(`api.lab.test:${web.port}`);
    for (const id of ownStages) expect(stageOf(r.report, id).status).toBe('pass');
    expect(r.report.summary.rootCause).toBeNull();
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(BOUND_MS);
  });

  it('lower case wins over upper case, as in curl', async () => {
    const dead = await closedPort();
    const r = await diagnoseJson([byName(), '--ca-file', pki.caFile, '--timeout', String(TIMEOUT)], { env: { https_proxy: tunnel.proxyUrl(), HTTPS_PROXY: `http://127.0.0.1:${dead}` } });
    expect(r.report.findings.find((x) => x.code === 'PROXY_IN_USE')!.evidence.source).toBe('env:https_proxy');
    expect(stageOf(r.report, 'proxy').status).toBe('pass');
  });

  it('a proxy from the environment for a loopback target → PROXY_INTERCEPTS_LOCAL (warning)', async () => {
    const r = await diagnoseJson([web.url(), '--ca-file', pki.caFile, '--timeout', String(TIMEOUT)], { env: { HTTPS_PROXY: tunnel.proxyUrl() } });
    expect(codesOf(r.report)).toEqual(expect.arrayContaining(['PROXY_IN_USE', 'PROXY_INTERCEPTS_LOCAL']));
    expect(stageOf(r.report, 'proxy').status).toBe('warn');
    expect(r.report.summary.rootCause).toBeNull();
    expect(r.code).toBe(0);
  });

  it('NO_PROXY listing the target bypasses the proxy (no proxy findings, direct connection)', async () => {
    const dead = await closedPort();
    const r = await diagnoseJson([web.url(), '--ca-file', pki.caFile], { env: { HTTPS_PROXY: `http://127.0.0.1:${dead}`, NO_PROXY: 'localhost,127.0.0.1' } });
    expect(codesOf(r.report).filter((c) => c.startsWith('PROXY_'))).toEqual([]);
    for (const id of ownStages) expect(stageOf(r.report, id).status).toBe('pass');
  });

  it('407 → PROXY_AUTH_REQUIRED with the Proxy-Authenticate scheme; later stages skipped', async () => {
    const r = await diagnoseJson([byName(), '--proxy', auth.proxyUrl(), '--timeout', String(TIMEOUT)]);
    expect(r.report.summary.rootCause).toBe('PROXY_AUTH_REQUIRED');
    expect(r.report.findings.find((x) => x.code === 'PROXY_AUTH_REQUIRED')!.evidence).toMatchObject({ status: 407, scheme: 'Basic', sentCredentials: false });
    expect(stageOf(r.report, 'dns').status).toBe('skipped');
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(BOUND_MS);
    const neg = await diagnoseJson([byName(), '--proxy', negotiate.proxyUrl()]);
    expect(neg.report.findings.find((x) => x.code === 'PROXY_AUTH_REQUIRED')!.evidence.scheme).toBe('Negotiate');
  });

  it('credentials in the proxy URL are used and never printed', async () => {
    const r = await diagnoseJson([byName(), '--proxy', auth.proxyUrl('lab', 'proxy-secret-0421'), '--ca-file', pki.caFile, '--timeout', String(TIMEOUT)]);
    expect(stageOf(r.report, 'proxy').status).toBe('pass');
    expect(stageOf(r.report, 'tls').status).toBe('pass');
    expect(r.stdout + r.stderr).not.toContain('proxy-secret-0421');
    expect(r.stdout).not.toContain(Buffer.from('lab:proxy-secret-0421').toString('base64'));
    const wrong = await diagnoseJson([byName(), '--proxy', auth.proxyUrl('lab', 'wrong-password-77'), '--timeout', String(TIMEOUT)]);
    expect(wrong.report.findings.find((x) => x.code === 'PROXY_AUTH_REQUIRED')!.evidence.sentCredentials).toBe(true);
    expect(wrong.stdout).not.toContain('wrong-password-77');
  });

  it('403 to CONNECT → PROXY_REJECTED', async () => {
    const r = await diagnoseJson([byName(), '--proxy', forbidden.proxyUrl(), '--timeout', String(TIMEOUT)]);
    expect(r.report.summary.rootCause).toBe('PROXY_REJECTED');
    expect(r.report.findings.find((x) => x.code === 'PROXY_REJECTED')!.evidence).toMatchObject({ status: 403, target: `api.lab.test:${web.port}` });
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(BOUND_MS);
  });

  it('a proxy nobody listens on → PROXY_UNREACHABLE', async () => {
    const dead = await closedPort();
    const r = await diagnoseJson([byName(), '--proxy', `http://127.0.0.1:${dead}`, '--timeout', String(TIMEOUT)]);
    expect(r.report.summary.rootCause).toBe('PROXY_UNREACHABLE');
    expect(r.report.findings.find((x) => x.code === 'PROXY_UNREACHABLE')!.evidence).toMatchObject({ errno: 'ECONNREFUSED', source: 'flag' });
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(BOUND_MS);
  });

  it('--no-proxy ignores the environment', async () => {
    const dead = await closedPort();
    const r = await diagnoseJson([web.url(), '--no-proxy', '--ca-file', pki.caFile], { env: { HTTPS_PROXY: `http://127.0.0.1:${dead}` } });
    expect(codesOf(r.report).filter((c) => c.startsWith('PROXY_'))).toEqual([]);
    expect(stageOf(r.report, 'tls').status).toBe('pass');
  });
});
