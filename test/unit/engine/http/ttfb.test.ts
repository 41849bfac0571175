import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { exchange } from '../../../../src-main/engine/http/exchange.js';

describe('exchange timing: send and wait', () => {
  let server: http.Server;
  let origin: string;
  beforeAll(async () => {
    // Holds every answer 80 ms: that is the server's wait, and TTFB should show it.
    server = http.createServer((_req, res) => setTimeout(() => res.end('{"ok":true}'), 80));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const run = () =>
    exchange({ method: 'GET', url: new URL(`${origin}/x`), headers: [], timeoutMs: 5000, signal: new AbortController().signal, ca: undefined, pins: [], dnsServers: [], proxyUrl: null });

  it('counts TTFB from the request being written, and the client set-up before it as send', async () => {
    const out = await run();
    expect(out.status).toBe(200);
    const t = out.record.timings;
    expect(out.ttfbMs).toBeGreaterThanOrEqual(75);
    expect(t.wait).toBe(out.ttfbMs);
    expect(t.send).toBeGreaterThanOrEqual(0);
    // The HAR phases of one exchange add up to its total (within rounding).
    const sum = [t.blocked, t.dns, t.connect, t.ssl, t.send, t.wait, t.receive].filter((v) => v > 0).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - out.totalMs)).toBeLessThan(3);
  });

  it.skipIf(!existsSync('dist/cli/api-doctor.cjs'))("in a fresh process, undici's one-time set-up shows as send, not as the server's wait", async () => {
    const child = spawn(process.execPath, ['dist/cli/api-doctor.cjs', 'diagnose', `${origin}/x`, '--json', '--samples', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    await new Promise((r) => child.on('close', r));
    const report = JSON.parse(out) as { exchanges: { timings: { send: number; wait: number } }[] };
    const first = report.exchanges[0]!.timings;
    expect(first.send).toBeGreaterThan(0);
    expect(first.wait).toBeGreaterThanOrEqual(75);
  });

  it('leaves nothing subscribed to undici diagnostics after the exchange', async () => {
    const dc = await import('node:diagnostics_channel');
    await run();
    expect(dc.channel('undici:client:sendHeaders').hasSubscribers).toBe(false);
  });
});
