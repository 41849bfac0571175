import path from 'node:path';
import { makeLabPki } from '../test/lab/tls-servers.js';
import { timed } from './lib/proc.js';
import { startDelayedHttps } from '../test/lab/hostile-https.js';
import { median, ms, type Row } from './lib/stats.js';

/** The server holds each answer this long, so time to first byte is a figure, not noise. */
const TTFB_DELAY_MS = 40;

type Phase = 'dnsMs' | 'connectMs' | 'tlsMs' | 'ttfbMs' | 'totalMs';
const PHASES: Phase[] = ['dnsMs', 'connectMs', 'tlsMs', 'ttfbMs', 'totalMs'];

/** curl's cumulative -w times turned into phases like ours (seconds → ms). */
const CURL_FORMAT = '%{time_namelookup} %{time_connect} %{time_appconnect} %{time_starttransfer} %{time_total}';
function curlPhases(out: string): Record<Phase, number> {
  const [dns, connect, tls, start, total] = out.trim().split(/\s+/).map((s) => Number(s) * 1000) as [number, number, number, number, number];
  return { dnsMs: dns, connectMs: connect - dns, tlsMs: tls - connect, ttfbMs: start - tls, totalMs: total };
}

interface OurTimings {
  dnsMs?: number | null;
  connectMs?: number | null;
  tlsMs?: number | null;
  ttfbMs?: number | null;
  downloadMs?: number | null;
  totalMs?: number | null;
}

/**
 * Issue 7, bench 2: our DNS/connect/TLS/TTFB for a lab target against curl -w on the same
 * target, 20 runs each; medians within max(2 ms, 15 %), and our phases add up to our total.
 * The target is `localhost` (hosts file) on loopback: the only network this bench may use.
 */
export async function timingBench(root: string, runs: number): Promise<Row[]> {
  const pki = await makeLabPki();
  const server = await startDelayedHttps(pki, TTFB_DELAY_MS);
  const url = `https://localhost:${server.port}/v1/models`;
  const cli = path.join(root, 'dist', 'cli', 'api-doctor.cjs');
  const env = { ...process.env, HTTPS_PROXY: '', https_proxy: '', NO_PROXY: '', no_proxy: '', ALL_PROXY: '', all_proxy: '' };
  const ours: Record<Phase, number[]> = { dnsMs: [], connectMs: [], tlsMs: [], ttfbMs: [], totalMs: [] };
  const theirs: Record<Phase, number[]> = { dnsMs: [], connectMs: [], tlsMs: [], ttfbMs: [], totalMs: [] };
  const sumGaps: number[] = [];
  let failures = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const c = await timed('curl', ['-s', '-o', '/dev/null', '--cacert', pki.caFile, '-w', CURL_FORMAT, url], { env, killAfterMs: 30_000 });
      const cp = curlPhases(c.stdout);
      for (const p of PHASES) theirs[p].push(cp[p]);
      const o = await timed(process.execPath, [cli, 'diagnose', url, '--json', '--ca-file', pki.caFile, '--samples', '1'], { cwd: root, env, killAfterMs: 60_000 });
      let t: OurTimings = {};
      try {
        t = (JSON.parse(o.stdout) as { timings?: OurTimings }).timings ?? {};
      } catch {
        failures++;
        continue;
      }
      for (const p of PHASES) if (typeof t[p] === 'number') ours[p].push(t[p]);
      const parts = [t.dnsMs, t.connectMs, t.tlsMs, t.ttfbMs, t.downloadMs].filter((x): x is number => typeof x === 'number');
      if (typeof t.totalMs === 'number') sumGaps.push(parts.reduce((a, b) => a + b, 0) - t.totalMs);
    }
  } finally {
    await server.close();
  }

  const rows: Row[] = [];
  for (const p of PHASES) {
    const o = median(ours[p]);
    const c = median(theirs[p]);
    const tol = Math.max(2, 0.15 * c);
    if (ours[p].length === 0) {
      rows.push({ bench: 'timing', metric: `${p} (n=${runs})`, value: 'not reported by our run', baseline: `curl ${ms(c)}`, target: `±${ms(tol)}`, met: null });
      continue;
    }
    rows.push({
      bench: 'timing',
      metric: `${p} (n=${ours[p].length})`,
      value: ms(o),
      baseline: `curl ${ms(c)}`,
      ratio: `Δ ${(o - c >= 0 ? '+' : '') + ms(o - c)}`,
      target: `±${ms(tol)}`,
      // Our total is the whole measured request; curl's is its whole transfer: compared the same way.
      met: Math.abs(o - c) <= tol,
    });
  }
  const gap = median(sumGaps.map(Math.abs));
  rows.push({
    bench: 'timing',
    metric: 'our phases sum − our total (|median|)',
    value: sumGaps.length ? ms(gap) : 'no totals',
    target: '≤ max(2 ms, 15 %)',
    met: sumGaps.length ? gap <= Math.max(2, 0.15 * median(ours.totalMs)) : null,
  });
  if (failures) rows.push({ bench: 'timing', metric: 'runs without a JSON report', value: String(failures), met: false });
  return rows;
}
