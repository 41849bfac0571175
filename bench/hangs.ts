import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startDnsServer } from '../test/lab/dns-server.js';
import { startSilentServer } from '../test/lab/net-servers.js';
import { makeLabPki } from '../test/lab/tls-servers.js';
import { timed } from './lib/proc.js';
import { startHeadersNeverHttps, startStalledBodyHttps } from '../test/lab/hostile-https.js';
import { ms, type Row } from './lib/stats.js';

const BUDGET_MS = 2000;
/** Issue 7: a hang scenario ends within its budget + 20 % + 300 ms (process start-up included). */
const allowed = (budget: number) => budget * 1.2 + 300;

interface Scenario {
  name: string;
  args: string[];
  /** The code that proves the run waited for this fault (and did not end early for another reason). */
  expect: string;
  /** `ip netns exec <ns>` prefix, when the scenario lives in a namespace. */
  netns?: string;
  limit: number;
}

/**
 * A connect blackhole needs a network that drops SYNs: a private namespace with a veth pair whose
 * peer never answers ARP. Root and iproute2 only; otherwise the scenario is reported as not run.
 */
function makeBlackholeNetns(): { ns: string; address: string; dispose(): void } | string {
  const ns = `apidoc-bench-${process.pid}`;
  const ip = (...a: string[]) => execFileSync('ip', a, { stdio: 'pipe' });
  try {
    if (process.getuid?.() !== 0) return 'needs root for ip netns';
    ip('netns', 'add', ns);
    ip('-n', ns, 'link', 'set', 'lo', 'up');
    ip('-n', ns, 'link', 'add', 'bh0', 'type', 'veth', 'peer', 'name', 'bh1');
    ip('-n', ns, 'addr', 'add', '10.99.0.1/24', 'dev', 'bh0');
    ip('-n', ns, 'link', 'set', 'bh0', 'up');
    ip('-n', ns, 'link', 'set', 'bh1', 'up');
    return { ns, address: '10.99.0.77', dispose: () => void ip('netns', 'del', ns) };
  } catch (e) {
    try {
      ip('netns', 'del', ns);
    } catch {
      // never created
    }
    return `ip netns unavailable: ${(e as Error).message.split('\n')[0]}`;
  }
}

/** Issue 7, bench 3: every hang scenario ends within budget; a fully silent target within 2× budget. */
export async function hangsBench(root: string): Promise<Row[]> {
  const cli = path.join(root, 'dist', 'cli', 'api-doctor.cjs');
  const env = { ...process.env, HTTPS_PROXY: '', https_proxy: '', NO_PROXY: '', no_proxy: '', ALL_PROXY: '', all_proxy: '' };
  const pki = await makeLabPki();
  const dns = await startDnsServer({ 'silent.lab.test': 'silent' });
  const silent = await startSilentServer();
  const headersNever = await startHeadersNeverHttps(pki);
  const stalled = await startStalledBodyHttps(pki);
  const blackhole = makeBlackholeNetns();
  const t = String(BUDGET_MS);
  const scenarios: Scenario[] = [
    { name: 'DNS silence', args: [`https://silent.lab.test/v1`, '--dns-server', dns.server], expect: 'DNS_TIMEOUT', limit: allowed(BUDGET_MS) },
    { name: 'TLS silence', args: [`https://127.0.0.1:${silent.port}/v1`], expect: 'TLS_HANDSHAKE_TIMEOUT', limit: allowed(BUDGET_MS) },
    { name: 'headers never sent', args: [`https://127.0.0.1:${headersNever.port}/v1`, '--ca-file', pki.caFile, '--samples', '1'], expect: 'HTTP_HEADERS_TIMEOUT', limit: allowed(BUDGET_MS) },
    { name: 'body stalls', args: [`https://127.0.0.1:${stalled.port}/v1`, '--ca-file', pki.caFile, '--samples', '1'], expect: 'HTTP_BODY_TIMEOUT', limit: allowed(BUDGET_MS) },
    // Every probe that can wait, waiting at once: several samples and a stream on a silent port.
    { name: 'whole run, fully silent target (--samples 3 --stream)', args: [`https://127.0.0.1:${silent.port}/v1`, '--samples', '3', '--stream'], expect: 'TLS_HANDSHAKE_TIMEOUT', limit: 2 * BUDGET_MS },
  ];
  if (typeof blackhole !== 'string') {
    scenarios.splice(1, 0, { name: 'connect blackhole (netns)', args: [`https://${blackhole.address}/v1`], expect: 'TCP_TIMEOUT', netns: blackhole.ns, limit: allowed(BUDGET_MS) });
  }

  const rows: Row[] = [];
  if (typeof blackhole === 'string') rows.push({ bench: 'hangs', metric: 'connect blackhole', value: `not run: ${blackhole}`, met: null });
  try {
    for (const s of scenarios) {
      const argv = [cli, 'diagnose', ...s.args, '--json', '--timeout', t];
      const [cmd, args] = s.netns ? ['ip', ['netns', 'exec', s.netns, process.execPath, ...argv]] : [process.execPath, argv];
      const r = await timed(cmd, args, { cwd: root, env, killAfterMs: 10 * BUDGET_MS });
      let codes: string[] = [];
      let runMs = NaN;
      try {
        const report = JSON.parse(r.stdout) as { findings?: { code: string }[]; durationMs?: number };
        codes = (report.findings ?? []).map((f) => f.code);
        runMs = report.durationMs ?? NaN;
      } catch {
        codes = [];
      }
      const sawIt = codes.includes(s.expect);
      rows.push({
        bench: 'hangs',
        metric: `${s.name} → ${sawIt ? s.expect : `expected ${s.expect}, got ${codes.join(',') || (r.killed ? 'killed' : `exit ${r.code}`)}`}`,
        // Wall time of the process, and (in brackets) the engine's own duration without Node start-up.
        value: `${ms(r.wallMs)} (engine ${ms(runMs)})`,
        baseline: `budget ${ms(BUDGET_MS)}`,
        ratio: (r.wallMs / BUDGET_MS).toFixed(2) + '×',
        target: `≤ ${ms(s.limit)}`,
        // Ending fast for another reason proves nothing about the hang: only a run that saw it counts.
        met: sawIt ? r.wallMs <= s.limit : null,
      });
    }
  } finally {
    await Promise.all([dns.close(), silent.close(), headersNever.close(), stalled.close()]);
    if (typeof blackhole !== 'string') blackhole.dispose();
  }
  return rows;
}
