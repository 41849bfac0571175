import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, diagnoseJson, makeLabPki, startTlsServer, type LabPki, type LabServer } from '../lab/index.js';

/**
 * PROXY_SCHEME_MISMATCH against real ports: an https:// URL for tinyproxy (a plain HTTP proxy:
 * the Clash for Windows classic), and an http:// URL for a port that speaks only TLS.
 */
const TINYPROXY = '/usr/bin/tinyproxy';
const why = existsSync(TINYPROXY) ? null : `${TINYPROXY} missing (apt-get install tinyproxy)`;
if (why && process.env.CI === 'true') throw new Error(`proxy-scheme tests cannot run in CI: ${why}`);
if (why) console.log(`skipping tinyproxy test: ${why}`);

let pki: LabPki;
let web: LabServer;
let tlsOnly: LabServer;
let tiny: { port: number; stop(): Promise<void> } | null = null;

/** Asks the port a plain proxy question; tinyproxy answers with its own name (Server header or error page). */
async function isTinyproxy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    let got = '';
    const c = net.connect(port, '127.0.0.1', () => c.write('GET http://127.0.0.1:9/ HTTP/1.0\r\n\r\n'));
    c.setTimeout(3000, () => c.destroy());
    c.on('data', (d) => (got += d.toString('latin1')));
    c.once('error', () => resolve(false));
    c.once('close', () => resolve(/tinyproxy/i.test(got)));
  });
}

/**
 * Picks a free port, then starts tinyproxy on it. Another test file's server can take the port
 * between our pick and tinyproxy's bind (seen: the https:// URL then reached some TLS proxy and the
 * run was healthy), so the port counts only when tinyproxy itself answers on it; else try again.
 */
async function startTinyproxy(): Promise<{ port: number; stop(): Promise<void> }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-tinyproxy-'));
    const conf = path.join(dir, 'tinyproxy.conf');
    writeFileSync(conf, readFileSync('test/lab/conf/tinyproxy.conf.template', 'utf8').replaceAll('@PORT@', String(port)));
    const child = spawn(TINYPROXY, ['-d', '-c', conf], { stdio: 'ignore' });
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    };
    for (let i = 0; i < 100 && child.exitCode === null; i++) {
      const up = await new Promise<boolean>((resolve) => {
        const c = net.connect(port, '127.0.0.1', () => (c.destroy(), resolve(true)));
        c.once('error', () => resolve(false));
      });
      if (up) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    if (child.exitCode === null && (await isTinyproxy(port))) return { port, stop };
    await stop();
  }
  throw new Error('tinyproxy did not start on a free port in 5 attempts');
}

beforeAll(async () => {
  pki = await makeLabPki();
  web = await startTlsServer(pki, 'healthy');
  // Any TLS-only port serves as "a proxy that speaks only TLS".
  tlsOnly = await startTlsServer(pki, 'healthy');
  if (!why) tiny = await startTinyproxy();
}, 20_000);
afterAll(async () => {
  await Promise.all([web?.close(), tlsOnly?.close(), tiny?.stop()]);
});

describe('PROXY_SCHEME_MISMATCH', () => {
  it.skipIf(why !== null)('https:// for tinyproxy (plain HTTP) → PROXY_SCHEME_MISMATCH with the http:// URL; the http:// URL works', async () => {
    const url = `https://api.lab.test:${web.port}/v1/models`;
    const r = await diagnoseJson([url, '--ca-file', pki.caFile, '--timeout', '3000'], { env: { HTTPS_PROXY: `https://127.0.0.1:${tiny!.port}` } });
    expect(r.report.summary.rootCause).toBe('PROXY_SCHEME_MISMATCH');
    const f = r.report.findings.find((x) => x.code === 'PROXY_SCHEME_MISMATCH')!;
    expect(f.evidence).toMatchObject({ scheme: 'https', speaks: 'http', corrected: `http://127.0.0.1:${tiny!.port}`, source: 'env:HTTPS_PROXY' });
    expect(codesOf(r.report)).not.toContain('PROXY_UNREACHABLE');

    // The corrected URL really is the fix (tinyproxy tunnels to the loopback lab server).
    const fixed = await diagnoseJson([`https://127.0.0.1:${web.port}/v1/models`, '--ca-file', pki.caFile, '--timeout', '3000'], { env: { HTTPS_PROXY: `http://127.0.0.1:${tiny!.port}` } });
    expect(codesOf(fixed.report)).not.toContain('PROXY_SCHEME_MISMATCH');
    expect(fixed.report.stages.find((s) => s.id === 'tls')!.status).toBe('pass');
  });

  it('http:// for a port that speaks only TLS → PROXY_SCHEME_MISMATCH with the https:// URL', async () => {
    const r = await diagnoseJson([`https://api.lab.test:${web.port}/v1/models`, '--ca-file', pki.caFile, '--proxy', `http://127.0.0.1:${tlsOnly.port}`, '--timeout', '3000']);
    expect(r.report.summary.rootCause).toBe('PROXY_SCHEME_MISMATCH');
    expect(r.report.findings.find((x) => x.code === 'PROXY_SCHEME_MISMATCH')!.evidence).toMatchObject({ scheme: 'http', speaks: 'tls', corrected: `https://127.0.0.1:${tlsOnly.port}` });
  });
});
