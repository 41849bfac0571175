import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientId } from '../../src-main/common/clients.js';
import type { Report } from '../../src-main/common/report.js';
import { reportSystemProxy } from '../../src-renderer/lib/system-proxy.js';
import { closedPort, codesOf, diagnoseJson, makeLabPki, startConnectProxy, startTlsServer, type LabPki, type LabProxy, type LabServer } from '../lab/index.js';

/**
 * The OS proxy in the CLI, through the real wiring (nodePlatform → readOsProxy): a fake HOME
 * with a KDE kioslaverc that points at the lab CONNECT proxy. The default run is judged as curl,
 * which never reads the OS settings: it goes direct and says what the OS proxy would change
 * (CLIENT_PROXY_IGNORED); `--client browser` goes through it. Precedence: --proxy > env > OS.
 * Every name is pinned (--resolve) so nothing reaches the machine's own resolver.
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
/** Direct to the lab server (127.0.0.1), or to 127.0.0.9 where nothing listens: direct refused, while the proxy (which maps *.test to 127.0.0.1) still reaches it. */
const pinned = (address = '127.0.0.1') => [target(), '--resolve', `api.lab.test:${web.port}:${address}`, '--ca-file', pki.caFile, '--timeout', '3000'];
/** The lab root in the "OS store" too, so the browser row (and --client browser) trusts the chain as curl does. */
const osStore = { platform: { systemCaCertificates: async () => [pki.root.cert] } };
const row = (r: Report, id: ClientId) => r.clients?.find((c) => c.id === id);

describe.skipIf(process.platform !== 'linux')('OS proxy in the CLI', () => {
  it('KDE kioslaverc, direct works: the default (curl) run goes direct and warns that curl ignores the OS proxy; curl and browser rows ok', async () => {
    // Was "the tunnel goes through it": curl does not read the OS settings, so the run judged as curl does not either.
    const r = await diagnoseJson(pinned(), { env: kde(), deps: osStore });
    expect(codesOf(r.report)).not.toContain('PROXY_IN_USE');
    const f = r.report.findings.find((x) => x.code === 'CLIENT_PROXY_IGNORED')!;
    expect(f).toMatchObject({ severity: 'warn', evidence: { client: 'curl', source: 'system', systemSource: 'kioslaverc', proxy: `http://127.0.0.1:${osProxy.port}`, direct: 'ok', viaProxy: 'ok' } });
    expect(r.report.summary.rootCause).toBeNull();
    expect(r.code).toBe(0);
    expect(row(r.report, 'curl')).toMatchObject({ outcome: 'ok', code: 'CLIENT_PROXY_IGNORED' });
    expect(row(r.report, 'browser')).toMatchObject({ outcome: 'ok', code: null });
  });

  it('KDE kioslaverc, direct refused: the default run fails with CLIENT_PROXY_IGNORED (the OS source named), the curl row fails, the browser row is ok', async () => {
    const r = await diagnoseJson(pinned('127.0.0.9'), { env: kde(), deps: osStore });
    expect(r.report.summary.rootCause).toBe('CLIENT_PROXY_IGNORED');
    expect(r.code).toBe(1);
    const f = r.report.findings.find((x) => x.code === 'CLIENT_PROXY_IGNORED')!;
    expect(f).toMatchObject({ severity: 'error', evidence: { client: 'curl', source: 'system', systemSource: 'kioslaverc', proxy: `http://127.0.0.1:${osProxy.port}`, viaProxy: 'ok' } });
    expect(f.evidence.direct).not.toBe('ok');
    expect(f.detail).toContain('OS proxy settings (kioslaverc)');
    expect(f.fixes[0]).toContain(`HTTPS_PROXY=http://127.0.0.1:${osProxy.port}`);
    // The app's "Use the proxy from the system settings" button reads this fix and this evidence.
    expect(f.fixes.join('\n')).toContain(`api-doctor diagnose URL --proxy http://127.0.0.1:${osProxy.port}`);
    expect(reportSystemProxy(r.report)).toBe(`http://127.0.0.1:${osProxy.port}`);
    // The direct path is pinned: its refusal is TCP, never a DNS code.
    expect(f.evidence.direct).toBe('TCP_REFUSED');
    expect(row(r.report, 'curl')).toMatchObject({ outcome: 'fail', code: 'CLIENT_PROXY_IGNORED' });
    expect(row(r.report, 'browser')).toMatchObject({ outcome: 'ok' });
  });

  it('--client browser follows the OS proxy: tunnelled through it, PROXY_IN_USE says source system (kioslaverc), healthy even with direct refused', async () => {
    const before = osProxy.connects.length;
    const r = await diagnoseJson([...pinned('127.0.0.9'), '--client', 'browser'], { env: kde(), deps: osStore });
    const f = r.report.findings.find((x) => x.code === 'PROXY_IN_USE')!;
    expect(f.evidence).toMatchObject({ source: 'system', systemSource: 'kioslaverc', proxy: `http://127.0.0.1:${osProxy.port}` });
    expect(f.detail).toContain('(kioslaverc)');
    expect(osProxy.connects.slice(before)).toContain(`api.lab.test:${web.port}`);
    expect(r.report.summary.rootCause).toBeNull();
    expect(r.report.summary.verdict).toBe('healthy');
    expect(r.code).toBe(0);
    expect(row(r.report, 'browser')).toMatchObject({ outcome: 'ok' });
    expect(row(r.report, 'curl')).toMatchObject({ outcome: 'fail', code: 'CLIENT_PROXY_IGNORED' });
    // curl would not take the OS proxy by itself: the reproduce command names it.
    expect(r.report.advice?.snippets.curl).toContain(`--proxy 'http://127.0.0.1:${osProxy.port}'`);
  });

  it('KDE kioslaverc naming a dead proxy, direct works: fine for curl (no finding about it), the browser row fails on it', async () => {
    const deadHome = await mkdtemp(path.join(os.tmpdir(), 'kde-dead-'));
    try {
      await mkdir(path.join(deadHome, '.config'));
      await writeFile(path.join(deadHome, '.config', 'kioslaverc'), `[Proxy Settings]\nProxyType=1\nhttpsProxy=http://127.0.0.1 ${await closedPort()}\n`);
      const r = await diagnoseJson(pinned(), { env: { HOME: deadHome, XDG_CURRENT_DESKTOP: 'KDE' }, deps: osStore });
      expect(r.report.summary).toMatchObject({ verdict: 'healthy', rootCause: null });
      expect(r.code).toBe(0);
      expect(codesOf(r.report).filter((c) => c.startsWith('PROXY_') || c === 'CLIENT_PROXY_IGNORED')).toEqual([]);
      expect(row(r.report, 'curl')).toMatchObject({ outcome: 'ok', code: null });
      expect(row(r.report, 'browser')).toMatchObject({ outcome: 'fail', code: 'PROXY_UNREACHABLE' });
    } finally {
      await rm(deadHome, { recursive: true, force: true });
    }
  });

  it('precedence: the environment beats the OS, --proxy beats both, --no-proxy turns all off', async () => {
    const before = osProxy.connects.length;
    const env = await diagnoseJson(pinned(), { env: { ...kde(), https_proxy: envProxy.proxyUrl() } });
    expect(env.report.findings.find((x) => x.code === 'PROXY_IN_USE')!.evidence).toMatchObject({ source: 'env:https_proxy' });
    const flag = await diagnoseJson([...pinned(), '--proxy', envProxy.proxyUrl()], { env: kde() });
    expect(flag.report.findings.find((x) => x.code === 'PROXY_IN_USE')!.evidence).toMatchObject({ source: 'flag' });
    const none = await diagnoseJson([...pinned(), '--no-proxy'], { env: kde() });
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
