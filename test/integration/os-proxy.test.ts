import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, diagnoseJson, makeLabPki, startConnectProxy, startTlsServer, type LabPki, type LabProxy, type LabServer } from '../lab/index.js';

/**
 * The OS proxy in the CLI, through the real wiring (nodePlatform → readOsProxy): a fake HOME
 * with a KDE kioslaverc that points at the lab CONNECT proxy. Precedence: --proxy > env > OS.
 */
let pki: LabPki;
let web: LabServer;
let osProxy: LabProxy;
let envProxy: LabProxy;
let home: string;

beforeAll(async () => {
  pki = await makeLabPki();
  web = await startTlsServer(pki, 'healthy');
  osProxy = await startConnectProxy({ kind: 'tunnel' });
  envProxy = await startConnectProxy({ kind: 'tunnel' });
  home = await mkdtemp(path.join(os.tmpdir(), 'kde-home-'));
  await mkdir(path.join(home, '.config'));
  await writeFile(path.join(home, '.config', 'kioslaverc'), `[Proxy Settings]\nNoProxyFor=\nProxyType=1\nhttpsProxy=http://127.0.0.1 ${osProxy.port}\n`);
});
afterAll(async () => {
  await Promise.all([web?.close(), osProxy?.close(), envProxy?.close()]);
  await rm(home, { recursive: true, force: true });
});

const kde = () => ({ HOME: home, XDG_CURRENT_DESKTOP: 'KDE' });
const target = () => `https://api.lab.test:${web.port}/v1/models`;

describe.skipIf(process.platform !== 'linux')('OS proxy in the CLI', () => {
  it('KDE kioslaverc → the tunnel goes through it; PROXY_IN_USE says source system (kioslaverc)', async () => {
    const r = await diagnoseJson([target(), '--ca-file', pki.caFile, '--timeout', '3000'], { env: kde() });
    const f = r.report.findings.find((x) => x.code === 'PROXY_IN_USE')!;
    expect(f.evidence).toMatchObject({ source: 'system', systemSource: 'kioslaverc', proxy: `http://127.0.0.1:${osProxy.port}` });
    expect(f.detail).toContain('(kioslaverc)');
    expect(osProxy.connects).toContain(`api.lab.test:${web.port}`);
    expect(r.report.summary.rootCause).toBeNull();
  });

  it('precedence: the environment beats the OS, --proxy beats both, --no-proxy turns all off', async () => {
    const before = osProxy.connects.length;
    const env = await diagnoseJson([target(), '--ca-file', pki.caFile, '--timeout', '3000'], { env: { ...kde(), https_proxy: envProxy.proxyUrl() } });
    expect(env.report.findings.find((x) => x.code === 'PROXY_IN_USE')!.evidence).toMatchObject({ source: 'env:https_proxy' });
    const flag = await diagnoseJson([target(), '--ca-file', pki.caFile, '--timeout', '3000', '--proxy', envProxy.proxyUrl()], { env: kde() });
    expect(flag.report.findings.find((x) => x.code === 'PROXY_IN_USE')!.evidence).toMatchObject({ source: 'flag' });
    const none = await diagnoseJson([target(), '--ca-file', pki.caFile, '--timeout', '3000', '--no-proxy'], { env: kde() });
    expect(codesOf(none.report)).not.toContain('PROXY_IN_USE');
    expect(osProxy.connects.length).toBe(before);
  });

  it('a PAC script in the OS settings is reported, not evaluated; the run goes direct', async () => {
    const pacHome = await mkdtemp(path.join(os.tmpdir(), 'kde-pac-'));
    try {
      await mkdir(path.join(pacHome, '.config'));
      await writeFile(path.join(pacHome, '.config', 'kioslaverc'), '[Proxy Settings]\nProxyType=2\nProxy Config Script=http://wpad.corp.example/proxy.pac\n');
      // Direct, so by address: no name may reach the machine's own resolver.
      const r = await diagnoseJson([`https://127.0.0.1:${web.port}/v1/models`, '--ca-file', pki.caFile, '--timeout', '3000'], { env: { HOME: pacHome, XDG_CURRENT_DESKTOP: 'KDE' } });
      const f = r.report.findings.find((x) => x.code === 'PROXY_IN_USE')!;
      expect(f.evidence).toMatchObject({ proxy: null, source: 'system', systemSource: 'kioslaverc', pacUrl: 'http://wpad.corp.example/proxy.pac', pacEvaluated: false });
      expect(f.title).toContain('not evaluated');
      expect(r.report.summary.rootCause).toBeNull();
    } finally {
      await rm(pacHome, { recursive: true, force: true });
    }
  });
});
