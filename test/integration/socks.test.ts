import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, codesOf, diagnoseJson, makeLabPki, stageOf, startConnectProxy, startDnsServer, startPlainHttpServer, startTlsServer, type LabDns, type LabPki, type LabProxy, type LabServer } from '../lab/index.js';
import { DANTED, MICROSOCKS, socksUnavailable, startDante, startMicrosocks, type LabSocks } from '../lab/socks-servers.js';

/**
 * SOCKS proxies against real servers from Debian (microsocks, dante), started here on loopback.
 * A name only the proxy can resolve (its own /etc/hosts) proves socks5h / socks4a resolve at the
 * proxy; the lab DNS answers NXDOMAIN for it on our side.
 */
const why = socksUnavailable(MICROSOCKS, 'microsocks') ?? socksUnavailable(DANTED, 'dante-server');
if (why && process.env.CI === 'true') throw new Error(`SOCKS tests cannot run in CI: ${why}`);
if (why) console.log(`skipping SOCKS tests: ${why}`);

const TIMEOUT = 3_000;
const PROXY_ONLY = 'only-at-proxy.lab.test';
const PASS = 'socks-pass-7Q2x9';

let pki: LabPki;
let web: LabServer;
let plain: LabServer;
let dns: LabDns;
let open: LabSocks;
let authed: LabSocks;
let dante: LabSocks;
let httpProxy: LabProxy;

describe.skipIf(why !== null)('SOCKS proxies, tunnelled for real', () => {
  beforeAll(async () => {
    pki = await makeLabPki();
    web = await startTlsServer(pki, 'healthy');
    plain = await startPlainHttpServer();
    // Our side cannot resolve the proxy-only name: the lab DNS says NXDOMAIN.
    dns = await startDnsServer({ [PROXY_ONLY]: 'nxdomain', 'api.lab.test': { A: ['127.0.0.1'] } });
    const hosts = `127.0.0.1 ${PROXY_ONLY}\n`;
    // One at a time, each assigned as soon as it runs, so afterAll stops whatever did start.
    open = await startMicrosocks({ hosts });
    authed = await startMicrosocks({ user: 'lab', pass: PASS });
    dante = await startDante({ hosts });
    httpProxy = await startConnectProxy({ kind: 'tunnel' });
  }, 30_000);
  afterAll(async () => {
    await Promise.all([web, plain, dns, open, authed, dante, httpProxy].filter(Boolean).map((s) => s.close()));
  });

  const args = (url: string, proxy: string) => [url, '--proxy', proxy, '--ca-file', pki.caFile, '--dns-server', dns.server, '--timeout', String(TIMEOUT)];

  it('socks5h (microsocks): the https check goes through the tunnel and passes, the proxy resolves the name', async () => {
    const r = await diagnoseJson(args(`https://api.lab.test:${web.port}/v1/models`, open.url('socks5h')));
    expect(codesOf(r.report)).toEqual(['PROXY_IN_USE']);
    for (const id of ['proxy', 'dns', 'tcp', 'tls'] as const) expect(stageOf(r.report, id).status).toBe('pass');
    expect(r.report.summary.rootCause).toBeNull();
    // The name went to the proxy, not to our resolver.
    expect(dns.asked.filter((q) => q.includes('api.lab.test'))).toEqual([]);
    expect(open.log()).toContain(`api.lab.test:${web.port}`);
  });

  it('socks5h to a name only the proxy can resolve works; socks5 (resolve here) fails in the dns stage', async () => {
    const url = `http://${PROXY_ONLY}:${plain.port}/`;
    const remote = await diagnoseJson(args(url, open.url('socks5h')));
    expect(remote.report.summary.rootCause).toBeNull();
    expect(stageOf(remote.report, 'http').status).toBe('pass');
    expect(remote.report.exchanges.at(-1)?.response?.status).toBe(200);

    const local = await diagnoseJson(args(url, open.url('socks5')));
    expect(local.report.summary.rootCause).toBe('DNS_NXDOMAIN');
    expect(dns.asked).toContain(`A ${PROXY_ONLY}`);
  });

  it('socks5 resolves here and still tunnels: the dns stage checks our answer, tcp goes through the proxy', async () => {
    const r = await diagnoseJson(args(`https://api.lab.test:${web.port}/v1/models`, open.url('socks5')));
    expect(r.report.summary.rootCause).toBeNull();
    expect(dns.asked).toContain('A api.lab.test');
    expect(open.log()).toContain(`127.0.0.1:${web.port}`);
  });

  it('username/password: right ones tunnel and are never printed; wrong or missing ones → PROXY_AUTH_REQUIRED', async () => {
    const ok = await diagnoseJson(args(`https://api.lab.test:${web.port}/v1/models`, authed.url('socks5h', 'lab', PASS)));
    expect(ok.report.summary.rootCause).toBeNull();
    expect(ok.stdout).not.toContain(PASS);

    const wrong = await diagnoseJson(args(`https://api.lab.test:${web.port}/v1/models`, authed.url('socks5h', 'lab', 'wrong-pass-1234')));
    expect(wrong.report.summary.rootCause).toBe('PROXY_AUTH_REQUIRED');
    const f = wrong.report.findings.find((x) => x.code === 'PROXY_AUTH_REQUIRED')!;
    expect(f.evidence).toMatchObject({ sentCredentials: true, socks: { scheme: 'socks5h' } });
    expect(wrong.stdout).not.toContain('wrong-pass-1234');

    const none = await diagnoseJson(args(`https://api.lab.test:${web.port}/v1/models`, authed.url('socks5h')));
    expect(none.report.summary.rootCause).toBe('PROXY_AUTH_REQUIRED');
    expect(none.report.findings.find((x) => x.code === 'PROXY_AUTH_REQUIRED')!.evidence).toMatchObject({ sentCredentials: false });
  });

  it('dante: socks4 (address resolved here) and socks5h (name resolved at the proxy) tunnel', async () => {
    const v4 = await diagnoseJson(args(`https://api.lab.test:${web.port}/v1/models`, dante.url('socks4')));
    expect(v4.report.summary.rootCause).toBeNull();
    expect(stageOf(v4.report, 'tls').status).toBe('pass');
    const v5 = await diagnoseJson(args(`http://${PROXY_ONLY}:${plain.port}/`, dante.url('socks5h')));
    expect(v5.report.summary.rootCause).toBeNull();
    expect(v5.report.exchanges.at(-1)?.response?.status).toBe(200);
  });

  it('socks4a sends the name; dante implements SOCKS4 without the 4a extension and answers 91 → PROXY_REJECTED "Failed"', async () => {
    const r = await diagnoseJson(args(`http://${PROXY_ONLY}:${plain.port}/`, dante.url('socks4a')));
    expect(r.report.summary.rootCause).toBe('PROXY_REJECTED');
    expect(r.report.findings.find((x) => x.code === 'PROXY_REJECTED')!.evidence).toMatchObject({ statusText: 'Failed', socks: { scheme: 'socks4a', remoteDns: true } });
  });

  it("dante's refusal reply → PROXY_REJECTED naming the SOCKS reply", async () => {
    const r = await diagnoseJson(args('http://127.0.0.1:9/', dante.url('socks5')));
    expect(r.report.summary.rootCause).toBe('PROXY_REJECTED');
    expect(r.report.findings.find((x) => x.code === 'PROXY_REJECTED')!.evidence).toMatchObject({ statusText: 'NotAllowed', socks: { scheme: 'socks5', reply: 'NotAllowed' } });
  });

  it('microsocks reached, the target port closed → its ConnectionRefused reply is PROXY_UPSTREAM_FAILED, not the proxy\'s policy', async () => {
    const port = await closedPort();
    const r = await diagnoseJson(args(`http://127.0.0.1:${port}/`, open.url('socks5h')));
    expect(r.report.summary.rootCause).toBe('PROXY_UPSTREAM_FAILED');
    expect(r.report.findings.find((x) => x.code === 'PROXY_UPSTREAM_FAILED')!.evidence).toMatchObject({ status: null, statusText: 'ConnectionRefused', socks: { scheme: 'socks5h', reply: 'ConnectionRefused' } });
  });

  it('a closed SOCKS port → PROXY_UNREACHABLE', async () => {
    const port = await closedPort();
    const r = await diagnoseJson(args(`https://api.lab.test:${web.port}/`, `socks5h://127.0.0.1:${port}`));
    expect(r.report.summary.rootCause).toBe('PROXY_UNREACHABLE');
    expect(r.report.findings.find((x) => x.code === 'PROXY_UNREACHABLE')!.evidence).toMatchObject({ errno: 'ECONNREFUSED' });
  });

  it('a socks5:// URL for an HTTP proxy port → PROXY_SCHEME_MISMATCH with the http:// URL', async () => {
    const r = await diagnoseJson(args(`https://api.lab.test:${web.port}/`, `socks5://127.0.0.1:${httpProxy.port}`));
    expect(r.report.summary.rootCause).toBe('PROXY_SCHEME_MISMATCH');
    expect(r.report.findings.find((x) => x.code === 'PROXY_SCHEME_MISMATCH')!.evidence).toMatchObject({ speaks: 'http', corrected: `http://127.0.0.1:${httpProxy.port}` });
  });

  it('an http:// URL for a SOCKS port (a mixed-up Clash setting) → PROXY_SCHEME_MISMATCH with socks5h://', async () => {
    const r = await diagnoseJson(args(`https://api.lab.test:${web.port}/`, `http://127.0.0.1:${open.port}`));
    expect(r.report.summary.rootCause).toBe('PROXY_SCHEME_MISMATCH');
    expect(r.report.findings.find((x) => x.code === 'PROXY_SCHEME_MISMATCH')!.evidence).toMatchObject({ scheme: 'http', speaks: 'socks5', corrected: `socks5h://127.0.0.1:${open.port}` });
  });
});
