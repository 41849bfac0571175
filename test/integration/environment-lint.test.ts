import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRequest } from '../../src-main/common/request.js';
import { runDiagnosis } from '../../src-main/engine/run.js';
import { openTunnel } from '../../src-main/engine/net/proxy-tunnel.js';
import { closedPort, codesOf, diagnoseJson, makeLabPki, startFullBacklogServer, startTlsServer, type LabPki, type LabServer } from '../lab/index.js';

let pki: LabPki;
let healthy: LabServer;
let selfSigned: LabServer;
let dir: string;

beforeAll(async () => {
  pki = await makeLabPki();
  healthy = await startTlsServer(pki, 'healthy');
  selfSigned = await startTlsServer(pki, 'self-signed');
  dir = await mkdtemp(path.join(os.tmpdir(), 'envlint-'));
});
afterAll(async () => {
  await Promise.all([healthy?.close(), selfSigned?.close()]);
  await rm(dir, { recursive: true, force: true });
});

/** No container markers: the machine running the tests may well be one. */
const bareMetal = { readSystemFile: async () => null };

describe('ENV_CONFIG_SUSPECT', () => {
  it('misspelled, empty and legacy variables and bad CA files are named (a warning: the call still passes)', async () => {
    const notPem = path.join(dir, 'not-a-cert.pem');
    await writeFile(notPem, 'this is not a certificate\n');
    const env = { HTTPS_PORXY: 'http://127.0.0.1:7890', http_proxy: '', OPENAI_API_BASE: 'https://relay.example/v1', NODE_EXTRA_CA_CERTS: path.join(dir, 'missing.pem'), SSL_CERT_FILE: notPem };
    const r = await diagnoseJson([healthy.url('https', '/v1/models'), '--ca-file', pki.caFile, '--timeout', '3000'], { env, deps: { platform: { readSystemFile: async (p) => (p.startsWith('/proc') || p === '/.dockerenv' ? null : (await import('../../src-main/engine/platform.js')).readSystemFile(p)) } } });
    const f = r.report.findings.find((x) => x.code === 'ENV_CONFIG_SUSPECT')!;
    expect(f.severity).toBe('warn');
    const issues = (f.evidence.issues as { variable: string; problem: string }[]).map((i) => `${i.variable}:${i.problem}`).sort();
    expect(issues).toEqual(['HTTPS_PORXY:misspelled', 'NODE_EXTRA_CA_CERTS:ca-missing', 'OPENAI_API_BASE:legacy', 'SSL_CERT_FILE:ca-no-certificate', 'http_proxy:empty']);
    expect(f.title).toContain('HTTPS_PORXY');
    expect(r.report.summary.verdict).toBe('degraded');
    expect(r.code).toBe(0);
  });
});

describe('ENV_TLS_VERIFY_DISABLED, and the doctor verifies anyway', () => {
  it('NODE_TLS_REJECT_UNAUTHORIZED=0 (really set in this process) → the warning, and the self-signed server still fails TLS with no request sent', async () => {
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      const r = await diagnoseJson([selfSigned.url('https', '/v1/models'), '--timeout', '3000'], { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' }, deps: { platform: bareMetal } });
      expect(codesOf(r.report)).toContain('ENV_TLS_VERIFY_DISABLED');
      expect(r.report.findings.find((x) => x.code === 'ENV_TLS_VERIFY_DISABLED')!.evidence).toMatchObject({ source: 'NODE_TLS_REJECT_UNAUTHORIZED=0' });
      expect(r.report.summary.rootCause).toBe('TLS_UNTRUSTED_CERT');
      expect(r.report.exchanges).toEqual([]);
      // An https:// proxy with a certificate nobody trusts is refused too (CONNECT never sent).
      const t = await openTunnel(`https://127.0.0.1:${selfSigned.port}`, 'api.lab.test', 443, AbortSignal.timeout(3000));
      expect(t.ok).toBe(false);
      expect(String((t as { error?: { code?: string } }).error?.code)).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
    } finally {
      if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
    }
  });

  it('request.insecure (curl -k in a pasted command) → source "curl -k"', async () => {
    const report = await runDiagnosis(defaultRequest(healthy.url('https', '/v1/models'), { insecure: true, caFile: pki.caFile, timeoutMs: 3000, samples: 1 }), { platform: { env: {}, ...bareMetal } });
    expect(report.findings.find((x) => x.code === 'ENV_TLS_VERIFY_DISABLED')!.evidence).toMatchObject({ source: 'curl -k', sources: ['curl -k'] });
  });
});

describe('container-aware proxy fix', () => {
  const container = { readSystemFile: async (p: string) => (p === '/.dockerenv' ? '' : p === '/proc/net/route' ? 'Iface\tDestination\tGateway\tFlags\neth0\t00000000\t010011AC\t0003\n' : null) };

  it('inside a container, an unreachable loopback proxy → PROXY_UNREACHABLE with host.docker.internal and the gateway', async () => {
    const port = await closedPort();
    const r = await diagnoseJson([healthy.url('https', '/v1/models'), '--ca-file', pki.caFile, '--timeout', '3000'], { env: { HTTPS_PROXY: `http://127.0.0.1:${port}` }, deps: { platform: container } });
    const f = r.report.findings.find((x) => x.code === 'PROXY_UNREACHABLE')!;
    expect(f.evidence).toMatchObject({ inContainer: true, container: 'docker', containerMarker: '/.dockerenv', hostGateway: '172.17.0.1', suggestedProxy: `http://host.docker.internal:${port}` });
    expect(f.fixes.join(' ')).toContain('host.docker.internal');
  });

  it('outside one, the same failure gets the ordinary fixes', async () => {
    const port = await closedPort();
    const r = await diagnoseJson([healthy.url('https', '/v1/models'), '--ca-file', pki.caFile, '--timeout', '3000'], { env: { HTTPS_PROXY: `http://127.0.0.1:${port}` }, deps: { platform: bareMetal } });
    const f = r.report.findings.find((x) => x.code === 'PROXY_UNREACHABLE')!;
    expect(f.evidence.inContainer).toBeUndefined();
    expect(f.fixes.join(' ')).not.toContain('host.docker.internal');
  });
});

describe('TCP_TIMEOUT to a well-known provider', () => {
  it('names the provider as blocked on some networks and the fixes, without guessing the country', async () => {
    const s = await startFullBacklogServer();
    try {
      const r = await diagnoseJson([`https://api.openai.com:${s.port}/v1/models`, '--resolve', `api.openai.com:${s.port}:127.0.0.1`, '--timeout', '1000'], { deps: { platform: bareMetal } });
      expect(r.report.summary.rootCause).toBe('TCP_TIMEOUT');
      const f = r.report.findings.find((x) => x.code === 'TCP_TIMEOUT')!;
      expect(f.evidence).toMatchObject({ wellKnownProvider: 'OpenAI' });
      expect(f.detail).toContain('OpenAI is blocked on some national and corporate networks');
      expect(f.fixes[0]).toContain('HTTPS_PROXY');
      expect(`${f.detail} ${f.fixes.join(' ')}`).not.toMatch(/China|中国/);
    } finally {
      await s.close();
    }
  });
});
