import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiagnosis } from '../../src-main/engine/run.js';
import { defaultRequest } from '../../src-main/common/request.js';
import { closedPort, startConnectProxy, type LabProxy } from '../lab/index.js';
import { startWatchLab, type WatchLab } from '../lab/watch-lab.js';
import { parseFix } from '../../src-renderer/lib/fix-parts.js';
import { reportSystemProxy, systemProxyOf } from '../../src-renderer/lib/system-proxy.js';

/**
 * "Use the proxy from the system settings": the environment names a proxy that is gone (a closed
 * Clash port), the OS settings name one that works. The proxy findings carry the OS proxy as
 * evidence, their first fix runs through it, and the wizard's button re-runs with it and succeeds.
 */
let lab: WatchLab;
let proxy: LabProxy;
let dead: string;
beforeAll(async () => {
  lab = await startWatchLab();
  proxy = await startConnectProxy({ kind: 'tunnel' });
  dead = `http://127.0.0.1:${await closedPort()}`;
});
afterAll(async () => {
  await proxy?.close();
  await lab?.close();
});

const platform = () => ({ env: { http_proxy: dead, https_proxy: dead }, resolveSystemProxy: async () => `PROXY 127.0.0.1:${proxy.port}` });

describe('the OS proxy a run did not use', () => {
  it('names it in the proxy findings and offers it first; the re-run through it works', async () => {
    const url = lab.url('/v1/models');
    const r1 = await runDiagnosis(defaultRequest(url, { timeoutMs: 2000 }), { platform: platform(), clientMatrix: false });
    expect(r1.summary.rootCause).toBe('PROXY_UNREACHABLE');
    const f = r1.findings.find((x) => x.code === 'PROXY_UNREACHABLE')!;
    expect(f.evidence).toMatchObject({ proxy: dead, source: 'env:http_proxy', systemProxy: proxy.proxyUrl() });
    expect(f.fixes[0]).toContain(`api-doctor diagnose URL --proxy ${proxy.proxyUrl()}`);
    expect(reportSystemProxy(r1)).toBe(proxy.proxyUrl());
    // The first fix is the app's button; without the evidence the same words only open the proxy options.
    expect(parseFix(f.fixes[0]!, { systemProxy: systemProxyOf(f) }).actions).toEqual(['system-proxy']);
    expect(parseFix(f.fixes[0]!).actions).toEqual(['proxy']);

    // What the button sends: the same request with the OS proxy as the proxy.
    const before = proxy.forwards.length;
    const r2 = await runDiagnosis(defaultRequest(url, { timeoutMs: 2000, proxy: systemProxyOf(f)! }), { platform: platform(), clientMatrix: false });
    expect(r2.findings.map((x) => x.code)).not.toContain('PROXY_UNREACHABLE');
    expect(r2.summary.verdict).not.toBe('failing');
    expect(proxy.forwards.slice(before)).toContain(`GET ${url}`);
    // Now the run used it: nothing left to offer.
    expect(reportSystemProxy(r2)).toBeNull();
  });

  it('says nothing when the run already went through the OS proxy (--client browser, which reads it)', async () => {
    // Was the default run: the default is now judged as curl, which never reads the OS proxy
    // (next test); a client that follows the OS settings goes through it, and nothing is left to offer.
    const r = await runDiagnosis(defaultRequest(lab.url('/v1/models'), { timeoutMs: 2000, client: 'browser' }), { platform: { env: {}, resolveSystemProxy: async () => `PROXY 127.0.0.1:${proxy.port}` }, clientMatrix: false });
    expect(r.findings.find((x) => x.code === 'PROXY_IN_USE')?.evidence).toMatchObject({ source: 'system' });
    expect(reportSystemProxy(r)).toBeNull();
  });

  it('the default (curl) run goes direct and offers the OS proxy through CLIENT_PROXY_IGNORED', async () => {
    const before = proxy.forwards.length;
    const r = await runDiagnosis(defaultRequest(lab.url('/v1/models'), { timeoutMs: 2000 }), { platform: { env: {}, resolveSystemProxy: async () => `PROXY 127.0.0.1:${proxy.port}` } });
    expect(r.findings.map((x) => x.code)).not.toContain('PROXY_IN_USE');
    // The call itself went direct: the proxy forwarded nothing (the second path only opened a CONNECT to measure it).
    expect(proxy.forwards.length).toBe(before);
    const f = r.findings.find((x) => x.code === 'CLIENT_PROXY_IGNORED')!;
    expect(f).toMatchObject({ severity: 'warn', evidence: { client: 'curl', source: 'system', direct: 'ok', viaProxy: 'ok' } });
    expect(reportSystemProxy(r)).toBe(proxy.proxyUrl());
    expect(parseFix(f.fixes.at(-1)!, { systemProxy: systemProxyOf(f) }).actions).toEqual(['system-proxy']);
  });
});
