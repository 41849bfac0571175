import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRequest, type DiagnosisRequest } from '../../src-main/common/request.js';
import { runDiagnosis } from '../../src-main/engine/run.js';
import { activeResources, collectGarbage, memory, settledResources } from '../lab/hostile-resources.js';
import { startEndlessSseServer } from '../lab/hostile-sse.js';
import { listen, startSilentServer, type LabServer } from '../lab/net-servers.js';
import { makeLabPki, startTlsServer } from '../lab/tls-servers.js';

// No leaked resources: a finished run, a cancelled run and a hundred runs in a row leave no
// socket, server or timer open and no memory behind.

let api: LabServer;
beforeAll(async () => {
  // A healthy OpenAI-style API on loopback: the cheapest full diagnosis (every stage runs).
  api = await listen(
    http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[{"id":"lab-model","object":"model"}]}');
    }),
  );
});
afterAll(() => api.close());

const request = (url: string, over: Partial<DiagnosisRequest> = {}) => defaultRequest(url, { samples: 1, timeoutMs: 2000, ...over });
/** No proxy variables from the developer's shell. */
const platform = { env: {} };

describe('no leaked resources', () => {
  it('the check itself sees a socket and a timer someone forgot (and not the lab server side)', async () => {
    const server = await startSilentServer();
    try {
      const before = activeResources();
      const forgotten = net.connect(server.port, '127.0.0.1');
      await new Promise((r) => forgotten.once('connect', r));
      // Five timers: vitest's own come and go, so a single one could hide in that noise.
      const timers = Array.from({ length: 5 }, () => setInterval(() => {}, 1000));
      const open = await settledResources(before, 300);
      expect(open.TCPSocketWrap).toBe(1);
      expect(open.Timeout).toBeGreaterThanOrEqual(4);
      forgotten.destroy();
      timers.forEach(clearInterval);
      expect(await settledResources(before)).toEqual({});
    } finally {
      await server.close();
    }
  });

  it('a finished diagnosis (plain http and https) leaves nothing open', async () => {
    const pki = await makeLabPki();
    const tlsServer = await startTlsServer(pki, 'healthy');
    try {
      const before = activeResources();
      const plain = await runDiagnosis(request(api.url('http', '/v1/models')), { platform });
      const secure = await runDiagnosis(request(tlsServer.url('https', '/v1/models'), { caFile: pki.caFile }), { platform });
      expect(plain.stages.find((s) => s.id === 'http')?.status).toBe('pass');
      expect(secure.stages.find((s) => s.id === 'tls')?.status).toBe('pass');
      expect(await settledResources(before)).toEqual({});
    } finally {
      await tlsServer.close();
    }
  });

  it.each([
    ['a silent TLS port', () => startSilentServer(), 'https' as const],
    ['an endless SSE stream', () => startEndlessSseServer(50), 'http' as const],
  ])('a run cancelled while waiting on %s returns at once and closes everything it opened', async (_name, start, scheme) => {
    const server = await start();
    try {
      const before = activeResources();
      const ac = new AbortController();
      const started = performance.now();
      const pending = runDiagnosis(request(server.url(scheme, '/v1/chat/completions'), { timeoutMs: 10_000, stream: true }), { platform, signal: ac.signal });
      await new Promise((r) => setTimeout(r, 400));
      const abortedAt = performance.now();
      ac.abort();
      const report = await pending;
      // The runner's grace for a probe that ignores its signal is 250 ms; allow for a busy machine.
      expect(performance.now() - abortedAt).toBeLessThan(1500);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(report.stages.some((s) => s.status === 'skipped' || s.status === 'fail')).toBe(true);
      expect(await settledResources(before)).toEqual({});
    } finally {
      await server.close();
    }
  });

  it('100 back-to-back diagnoses keep memory flat', async () => {
    const url = api.url('http', '/v1/models');
    for (let i = 0; i < 10; i++) await runDiagnosis(request(url), { platform });
    collectGarbage();
    const before = activeResources();
    const m0 = memory();
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) {
      const r = await runDiagnosis(request(url), { platform });
      if (r.summary.verdict === 'failing') throw new Error(`run ${i} failed: ${r.summary.headline}`);
    }
    const seconds = (performance.now() - t0) / 1000;
    collectGarbage();
    const m1 = memory();
    const growth = { heapMb: +(m1.heapMb - m0.heapMb).toFixed(1), rssMb: +(m1.rssMb - m0.rssMb).toFixed(1), externalMb: +(m1.externalMb - m0.externalMb).toFixed(1) };
    console.log(`100 diagnoses in ${seconds.toFixed(1)} s: heap ${m0.heapMb} → ${m1.heapMb} MB, rss ${m0.rssMb} → ${m1.rssMb} MB, growth ${JSON.stringify(growth)}`);
    // Flat: live heap back within a few MB (a leak of even 50 KB a run would show as 5 MB).
    expect(growth.heapMb).toBeLessThan(5);
    expect(growth.rssMb).toBeLessThan(40);
    expect(await settledResources(before)).toEqual({});
  }, 120_000);
});
