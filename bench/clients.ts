import os from 'node:os';
import { defaultRequest } from '../src-main/common/request.js';
import { runDiagnosis } from '../src-main/engine/run.js';
import { forgetPython } from '../src-main/engine/clients/python.js';
import { startConnectProxy } from '../test/lab/proxy-server.js';
import { makeLabPki, startTlsServer } from '../test/lab/tls-servers.js';
import { median, ms, ratio, type Row } from './lib/stats.js';

/** Above this the second path and the trust stores cost a healthy run too much (issue 13). */
const TARGET = 1.2;

/**
 * Issue 13: what the client matrix adds to a healthy run — the second path (TCP+TLS, in parallel
 * with the engine's own probes), reading the trust stores and asking python3 about certifi — as a
 * ratio against the same run without it, interleaved in one process. Two cases: no proxy (nothing
 * extra to measure) and HTTPS_PROXY set (direct and proxy both measured).
 */
export async function clientsBench(_root: string, runs: number): Promise<Row[]> {
  const pki = await makeLabPki();
  const server = await startTlsServer(pki, 'healthy');
  const proxy = await startConnectProxy({ kind: 'tunnel' });
  const url = `https://api.lab.test:${server.port}/v1/models`;
  const request = defaultRequest(url, { caFile: pki.caFile, resolve: [{ host: 'api.lab.test', port: server.port, address: '127.0.0.1' }] });
  // python3 is started only when a Python row needs it (engine/clients/lazy-python.ts): the lab
  // root is in neither Mozilla's list nor the OS bundle, so the first three cases start none; the
  // last injects an OS store holding the lab root (a corporate CA), so certifi decides and python3
  // is asked — the path the matrix pays for it.
  const osWithLabRoot = async () => [pki.root.cert];
  const cases: Record<string, { env: NodeJS.ProcessEnv; os?: () => Promise<string[]> }> = {
    'no proxy': { env: { PATH: process.env.PATH } },
    'HTTPS_PROXY set': { env: { PATH: process.env.PATH, HTTPS_PROXY: proxy.proxyUrl(), NODE_EXTRA_CA_CERTS: pki.caFile } },
    'HTTPS_PROXY set, Debian python3 first on PATH': { env: { PATH: `/usr/bin:${process.env.PATH ?? ''}`, HTTPS_PROXY: proxy.proxyUrl(), NODE_EXTRA_CA_CERTS: pki.caFile } },
    // PATH as the user has it (pyenv first here): the shim is resolved to its interpreter, not run.
    'a CA only the OS store has (python3 asked for certifi)': { env: { PATH: process.env.PATH }, os: osWithLabRoot },
  };
  const rows: Row[] = [];
  try {
    for (const [name, { env, os: systemCaCertificates }] of Object.entries(cases)) {
      const one = async (withMatrix: boolean) => {
        // As in the CLI (one process a run): python3 is asked afresh every time.
        forgetPython();
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const r = await runDiagnosis(request, { platform: { env, ...(systemCaCertificates ? { systemCaCertificates } : {}) }, clientMatrix: withMatrix });
        if (withMatrix && !r.clients) throw new Error('no matrix in the report');
        const c = process.cpuUsage(c0);
        // CPU of this process (the lab servers run in it too; python3 is a child and not counted).
        cpu[withMatrix ? 'on' : 'off'].push((c.user + c.system) / 1000);
        return performance.now() - t0;
      };
      const cpu = { on: [] as number[], off: [] as number[] };
      await one(true);
      await one(false);
      const on: number[] = [];
      const off: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Interleaved, order alternating: drift on a shared machine hits both alike.
        if (i % 2) {
          on.push(await one(true));
          off.push(await one(false));
        } else {
          off.push(await one(false));
          on.push(await one(true));
        }
      }
      const a = median(on);
      const b = median(off);
      const load = os.loadavg()[0]!.toFixed(1);
      rows.push({ bench: 'clients', metric: `healthy run with the matrix, ${name} (load ${load})`, value: ms(a), baseline: ms(b), ratio: ratio(a, b), target: `≤ ${TARGET}×`, met: a / b <= TARGET });
      const ca = median(cpu.on.slice(1));
      const cb = median(cpu.off.slice(1));
      rows.push({ bench: 'clients', metric: `  CPU of that run in this process, ${name}`, value: ms(ca), baseline: ms(cb), ratio: ratio(ca, cb), met: null });
    }
  } finally {
    await Promise.all([server.close(), proxy.close()]);
  }
  return rows;
}
