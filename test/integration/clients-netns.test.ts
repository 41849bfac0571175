import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientId, ClientRow } from '../../src-main/common/clients.js';
import { createNetns, diagnoseInNetns, makeLeaf, makeLabPki, netnsUnavailable, LAB_NAMES, type LabPki, type Netns } from '../lab/index.js';
import { ENV_PROXY_SINCE, nodeAtLeast } from '../../src-main/engine/clients/node-version.js';
import { LAB_PATH, REAL_CLIENTS, addToNetnsOsStore, connectProxyInNetns, httpsServerInNetns, runRealClient } from '../lab/real-clients.js';

/**
 * The matrix against the real clients, in namespaces this test makes (root; CI must run them):
 * what the table predicts for curl, Debian's python3 requests/httpx and Node's fetch is what each
 * of them actually does. Only loopback and addresses inside the namespace are used.
 */
const why = netnsUnavailable();
const mustRun = process.env.CI === 'true';
if (why && !mustRun) console.log(`[skip] client matrix namespace tests: ${why} (needs root and iproute2)`);

const row = (rows: ClientRow[] | undefined, id: ClientId): ClientRow => {
  const r = rows?.find((x) => x.id === id);
  if (!r) throw new Error(`no ${id} row in ${JSON.stringify(rows)}`);
  return r;
};

if (why && mustRun) {
  describe('client matrix in network namespaces', () => {
    it('can create network namespaces (CI runs as root)', () => {
      throw new Error(`cannot run the namespace tests in CI: ${why}`);
    });
  });
}

describe.skipIf(why !== null)('client matrix against real clients in a network namespace', () => {
  let pki: LabPki;
  let dir: string;
  beforeAll(async () => {
    pki = await makeLabPki();
    dir = mkdtempSync(path.join(tmpdir(), 'api-doctor-clients-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('(a) direct egress blocked, a loopback proxy reaches the target, HTTPS_PROXY set', () => {
    let ns: Netns;
    const url = 'https://api.lab.test:8443/v1/models';
    let env: NodeJS.ProcessEnv;
    beforeAll(async () => {
      // The clients resolve the API to an unreachable network; only the proxy knows where it really is (127.0.0.2).
      ns = createNetns({ veth: { address: '10.99.0.2/24' }, hosts: '127.0.0.1 localhost\n10.98.0.1 api.lab.test\n', routes: [['unreachable', '10.98.0.0/24']] });
      addToNetnsOsStore(ns, pki.root.cert);
      const leaf = await makeLeaf(pki.intermediate, { names: LAB_NAMES });
      await httpsServerInNetns(ns, dir, '127.0.0.2', 8443, leaf.cert + pki.intermediate.cert, leaf.key);
      await connectProxyInNetns(ns, 3128, { 'api.lab.test': '127.0.0.2' });
      env = { HTTPS_PROXY: 'http://127.0.0.1:3128', NODE_EXTRA_CA_CERTS: pki.caFile, PATH: LAB_PATH };
    });
    afterAll(() => ns?.close());

    it('the matrix says node fails with CLIENT_PROXY_IGNORED, curl and Python are ok — and the real clients agree', async () => {
      const { report, code } = await diagnoseInNetns(ns, [url, '--timeout', '3000'], env);
      expect(report.summary.verdict).toBe('healthy');
      expect(code).toBe(0);
      expect(row(report.clients, 'node')).toMatchObject({ outcome: 'fail', code: 'CLIENT_PROXY_IGNORED' });
      expect(row(report.clients, 'openai-node')).toMatchObject({ outcome: 'fail', code: 'CLIENT_PROXY_IGNORED' });
      for (const id of ['curl', 'python-requests', 'python-httpx', 'openai-python'] as const) expect(row(report.clients, id).outcome, `${id}: ${row(report.clients, id).reason}`).toBe('ok');
      for (const id of REAL_CLIENTS) {
        const real = await runRealClient(ns, id, url, env);
        expect(real.outcome, `${id} really did: ${real.said}; the matrix said: ${row(report.clients, id).reason}`).toBe(row(report.clients, id).outcome);
      }
    });

    it('--client node: the run goes the way Node would, and CLIENT_PROXY_IGNORED is the root cause', async () => {
      const { report, code } = await diagnoseInNetns(ns, [url, '--timeout', '3000', '--client', 'node'], env);
      expect(report.summary.rootCause).toBe('CLIENT_PROXY_IGNORED');
      const f = report.findings.find((x) => x.code === 'CLIENT_PROXY_IGNORED')!;
      expect(f.severity).toBe('error');
      expect(f.evidence).toMatchObject({ client: 'node', proxy: 'http://127.0.0.1:3128', source: 'env:HTTPS_PROXY', viaProxy: 'ok' });
      expect(f.fixes.join(' ')).toMatch(/EnvHttpProxyAgent/);
      expect(code).toBe(1);
    });

    it('only an OS (desktop) proxy, no HTTPS_PROXY: the default run is judged as curl, which ignores it — CLIENT_PROXY_IGNORED is the root cause, the curl row fails, the browser row is ok; real curl, Python and Node fail too; --client browser is healthy', async () => {
      // KDE's kioslaverc names the proxy (read through the CLI's real wiring); nothing in the environment does.
      const home = path.join(dir, 'kde-home');
      mkdirSync(path.join(home, '.config'), { recursive: true });
      writeFileSync(path.join(home, '.config', 'kioslaverc'), '[Proxy Settings]\nProxyType=1\nhttpsProxy=http://127.0.0.1 3128\n');
      const osEnv = { HOME: home, XDG_CURRENT_DESKTOP: 'KDE', NODE_EXTRA_CA_CERTS: pki.caFile, PATH: LAB_PATH };
      const { report, code } = await diagnoseInNetns(ns, [url, '--timeout', '3000'], osEnv);
      expect(report.summary.rootCause).toBe('CLIENT_PROXY_IGNORED');
      expect(code).toBe(1);
      const f = report.findings.find((x) => x.code === 'CLIENT_PROXY_IGNORED')!;
      expect(f).toMatchObject({ severity: 'error', evidence: { client: 'curl', proxy: 'http://127.0.0.1:3128', source: 'system', systemSource: 'kioslaverc', viaProxy: 'ok' } });
      expect(row(report.clients, 'curl')).toMatchObject({ outcome: 'fail', code: 'CLIENT_PROXY_IGNORED' });
      expect(row(report.clients, 'browser').outcome).toBe('ok');
      // On Linux none of these reads the desktop settings: each really goes direct and fails, as its row says.
      for (const id of REAL_CLIENTS) {
        const real = await runRealClient(ns, id, url, osEnv);
        expect(real.outcome, `${id} really did: ${real.said}; the matrix said: ${row(report.clients, id).reason}`).toBe(row(report.clients, id).outcome);
        expect(real.outcome).toBe('fail');
      }
      const asBrowser = await diagnoseInNetns(ns, [url, '--timeout', '3000', '--client', 'browser'], osEnv);
      expect(asBrowser.report.summary.rootCause).toBeNull();
      expect(asBrowser.report.summary.verdict).toBe('healthy');
      expect(asBrowser.code).toBe(0);
      expect(asBrowser.report.findings.find((x) => x.code === 'PROXY_IN_USE')?.evidence).toMatchObject({ source: 'system', systemSource: 'kioslaverc' });
    });

    it('NODE_USE_ENV_PROXY=1: the matrix follows the running Node version (≥ 24 or ≥ 22.21 reads it), like the real fetch', async () => {
      const env2 = { ...env, NODE_USE_ENV_PROXY: '1' };
      const { report } = await diagnoseInNetns(ns, [url, '--timeout', '3000'], env2);
      const real = await runRealClient(ns, 'node', url, env2);
      expect(row(report.clients, 'node').outcome).toBe(nodeAtLeast(process.versions.node, ENV_PROXY_SINCE) ? 'ok' : 'fail');
      expect(real.outcome).toBe(row(report.clients, 'node').outcome);
    });
  });

  describe('(b) a corporate CA in the OS store, not in Node’s', () => {
    let ns: Netns;
    const url = 'https://api.lab.test:9443/v1/models';
    let mozillaOnly: string;
    beforeAll(async () => {
      ns = createNetns({ veth: { address: '10.99.0.2/24' }, hosts: '127.0.0.1 localhost\n127.0.0.2 api.lab.test\n' });
      addToNetnsOsStore(ns, pki.corpRoot.cert);
      const leaf = await makeLeaf(pki.corpIntermediate, { names: LAB_NAMES });
      await httpsServerInNetns(ns, dir, '127.0.0.2', 9443, leaf.cert + pki.corpIntermediate.cert, leaf.key);
      // What pip's certifi ships: the Mozilla list, the same Node bundles.
      mozillaOnly = path.join(dir, 'mozilla-roots.pem');
      writeFileSync(mozillaOnly, tls.rootCertificates.join('\n'));
    });
    afterAll(() => ns?.close());

    it('judged as curl (the default): the call works, Node’s refusal is a warning, not the root cause; curl, the browser and Debian’s requests/httpx are ok, node fails — the real clients agree', async () => {
      const env = { PATH: LAB_PATH };
      const { report, code } = await diagnoseInNetns(ns, [url, '--timeout', '3000'], env);
      // curl trusts the OS bundle, which has the corporate root: the verdict and the curl row agree.
      expect(report.summary.rootCause).toBeNull();
      expect(report.summary.verdict).toBe('degraded');
      expect(code).toBe(0);
      expect(report.findings.find((f) => f.code === 'TLS_OS_TRUST_ONLY')).toMatchObject({ severity: 'warn', evidence: { judgedFor: 'curl' } });
      expect(report.summary.headline).toContain('not by Node.js');
      expect(row(report.clients, 'curl').outcome).toBe('ok');
      expect(row(report.clients, 'browser').outcome).toBe('ok');
      expect(row(report.clients, 'node')).toMatchObject({ outcome: 'fail', code: 'TLS_OS_TRUST_ONLY' });
      for (const id of REAL_CLIENTS) {
        const real = await runRealClient(ns, id, url, env);
        expect(real.outcome, `${id} really did: ${real.said}; the matrix said: ${row(report.clients, id).reason}`).toBe(row(report.clients, id).outcome);
      }
    });

    it('--client node: TLS_OS_TRUST_ONLY is the root cause, exit 1, and the node row says the same', async () => {
      const env = { PATH: LAB_PATH };
      const { report, code } = await diagnoseInNetns(ns, [url, '--timeout', '3000', '--client', 'node'], env);
      expect(report.summary.rootCause).toBe('TLS_OS_TRUST_ONLY');
      expect(report.findings.find((f) => f.code === 'TLS_OS_TRUST_ONLY')?.severity).toBe('error');
      expect(code).toBe(1);
      expect(row(report.clients, 'node')).toMatchObject({ outcome: 'fail', code: 'TLS_OS_TRUST_ONLY' });
      expect(row(report.clients, 'curl').outcome).toBe('ok');
      const real = await runRealClient(ns, 'node', url, env);
      expect(real.outcome).toBe('fail');
    });

    it('Node given the CA (NODE_EXTRA_CA_CERTS) passes, requests on a Mozilla-only bundle (pip’s certifi) fails; --client python-requests makes that the root cause', async () => {
      const corp = path.join(dir, 'corp-root.pem');
      writeFileSync(corp, pki.corpRoot.cert);
      const env = { PATH: LAB_PATH, REQUESTS_CA_BUNDLE: mozillaOnly, NODE_EXTRA_CA_CERTS: corp };
      const plain = await diagnoseInNetns(ns, [url, '--timeout', '3000'], env);
      expect(plain.report.summary.verdict).toBe('healthy');
      expect(row(plain.report.clients, 'python-requests')).toMatchObject({ outcome: 'fail', code: 'TLS_OS_TRUST_ONLY' });
      expect(row(plain.report.clients, 'node').outcome).toBe('ok');
      expect(row(plain.report.clients, 'python-httpx').outcome).toBe('ok');
      for (const id of REAL_CLIENTS) {
        const real = await runRealClient(ns, id, url, env);
        expect(real.outcome, `${id} really did: ${real.said}; the matrix said: ${row(plain.report.clients, id).reason}`).toBe(row(plain.report.clients, id).outcome);
      }
      const asPython = await diagnoseInNetns(ns, [url, '--timeout', '3000', '--client', 'python-requests'], env);
      expect(asPython.report.summary.rootCause).toBe('TLS_OS_TRUST_ONLY');
      expect(asPython.code).toBe(1);
      const f = asPython.report.findings.find((x) => x.code === 'TLS_OS_TRUST_ONLY')!;
      expect(f.evidence).toMatchObject({ client: 'python-requests', store: mozillaOnly });
      expect(f.title).toBe('Trusted by the operating system, but not by python-requests');
    });
  });
});
