import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientId, ClientRow } from '../../src-main/common/clients.js';
import { diagnoseJson, makeLabPki, startTlsServer, type LabPki, type LabServer } from '../lab/index.js';
import { HOST, LAB_PATH, REAL_CLIENTS, runRealClient } from '../lab/real-clients.js';
import { MICROSOCKS, socksUnavailable, startMicrosocks, type LabSocks } from '../lab/socks-servers.js';

/**
 * A SOCKS proxy in ALL_PROXY against the real clients: curl tunnels through it; requests needs
 * PySocks (Debian's python3 has none); httpx needs socksio and an httpx that accepts socks5h
 * (Debian's 0.23 refuses the scheme); Node's fetch ignores it. The target is an IP on loopback,
 * so no name is ever resolved outside the lab.
 */
const why = socksUnavailable(MICROSOCKS, 'microsocks');
if (why && process.env.CI === 'true') throw new Error(`client matrix SOCKS tests cannot run in CI: ${why}`);
if (why) console.log(`[skip] client matrix SOCKS tests: ${why}`);

const row = (rows: ClientRow[] | undefined, id: ClientId): ClientRow => rows!.find((x) => x.id === id)!;

describe.skipIf(why !== null)('client matrix with a SOCKS proxy, against the real clients', () => {
  let pki: LabPki;
  let web: LabServer;
  let socks: LabSocks;
  beforeAll(async () => {
    pki = await makeLabPki();
    web = await startTlsServer(pki, 'healthy');
    socks = await startMicrosocks();
  }, 30_000);
  afterAll(async () => Promise.all([web, socks].filter(Boolean).map((s) => s.close())));

  for (const scheme of ['socks5h', 'socks5'] as const) {
    it(`ALL_PROXY=${scheme}://…: the matrix predicts what curl, requests, httpx and Node's fetch do`, async () => {
      const url = `https://127.0.0.1:${web.port}/v1/models`;
      const env = { ALL_PROXY: socks.url(scheme), CURL_CA_BUNDLE: pki.caFile, REQUESTS_CA_BUNDLE: pki.caFile, SSL_CERT_FILE: pki.caFile, NODE_EXTRA_CA_CERTS: pki.caFile, PATH: LAB_PATH };
      const { report } = await diagnoseJson([url, '--ca-file', pki.caFile, '--timeout', '3000', '--samples', '1'], { env });
      expect(row(report.clients, 'curl').outcome).toBe('ok');
      expect(row(report.clients, 'python-requests').outcome).toBe('fail');
      for (const id of REAL_CLIENTS) {
        const real = await runRealClient(HOST, id, url, env);
        expect(real.outcome, `${id} really did: ${real.said}; the matrix said: ${row(report.clients, id).reason}`).toBe(row(report.clients, id).outcome);
      }
    });
  }
});
