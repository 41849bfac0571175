import { statSync } from 'node:fs';
import path from 'node:path';
import { makeLabPki, startTlsServer } from '../test/lab/tls-servers.js';
import { cliBundleWeight } from './lib/bundle-weight.js';
import { interleaved, timed, type Timed } from './lib/proc.js';
import { mb, median, ms, ratio, type Row } from './lib/stats.js';

// The floor: one bare `node` process making one undici request with the same CA. It loads
// undici from node_modules exactly as an SDK would.
const FLOOR_UNDICI = `const { Agent, fetch } = require('undici');
fetch(process.argv[1], { dispatcher: new Agent({ connect: { ca: require('fs').readFileSync(process.argv[2]) } }) })
  .then((r) => r.text()).then((t) => process.stdout.write(String(t.length)), (e) => { console.error(e); process.exitCode = 1; });`;
// A lower floor still: Node's built-in fetch, CA through NODE_EXTRA_CA_CERTS.
const FLOOR_FETCH = `fetch(process.argv[1]).then((r) => r.text()).then((t) => process.stdout.write(String(t.length)), (e) => { console.error(e); process.exitCode = 1; });`;

// The lowest floor: Node's own https.get with the CA, no fetch/undici layer at all.
const FLOOR_HTTPS_GET = `require('https').get(process.argv[1], { ca: require('fs').readFileSync(process.argv[2]) }, (r) => {
  let n = 0; r.on('data', (c) => (n += c.length)); r.on('end', () => process.stdout.write(String(n)));
}).on('error', (e) => { console.error(e); process.exitCode = 1; });`;

/** Issue 7, bench 1: a full `diagnose --json` of a healthy HTTPS lab target vs one bare request. */
export async function overheadBench(root: string, runs: number): Promise<Row[]> {
  const pki = await makeLabPki();
  const server = await startTlsServer(pki, 'healthy');
  const url = server.url('https', '/v1/models');
  const cli = path.join(root, 'dist', 'cli', 'api-doctor.cjs');
  const node = process.execPath;
  const env = { ...process.env, HTTPS_PROXY: '', https_proxy: '', HTTP_PROXY: '', http_proxy: '', ALL_PROXY: '', all_proxy: '', NO_PROXY: '', no_proxy: '' };
  const opts = { cwd: root, env, killAfterMs: 60_000 };
  try {
    // One warm-up of each: page cache, lazy certificate generation, JIT of the lab server.
    const candidates = {
      ours: () => timed(node, [cli, 'diagnose', url, '--json', '--ca-file', pki.caFile], opts),
      // The old default, now asked for: three samples with the pause before each extra one.
      oursThreeSamples: () => timed(node, [cli, 'diagnose', url, '--json', '--ca-file', pki.caFile, '--samples', '3'], opts),
      undici: () => timed(node, ['-e', FLOOR_UNDICI, url, pki.caFile], opts),
      fetch: () => timed(node, ['-e', FLOOR_FETCH, url], { ...opts, env: { ...env, NODE_EXTRA_CA_CERTS: pki.caFile } }),
      httpsGet: () => timed(node, ['-e', FLOOR_HTTPS_GET, url, pki.caFile], opts),
      curl: () => timed('curl', ['-s', '-o', '/dev/null', '--cacert', pki.caFile, url], opts),
      nodeBare: () => timed(node, ['-e', '0'], opts),
      cliVersion: () => timed(node, [cli, '--version'], opts),
    };
    for (const run of Object.values(candidates)) await run();
    const r = await interleaved(runs, candidates);

    const wall = (xs: Timed[]) => median(xs.map((x) => x.wallMs));
    const rss = (xs: Timed[]) => median(xs.map((x) => x.maxRssKb));
    const first = r.ours[0]!;
    let verdict = 'n/a';
    try {
      verdict = (JSON.parse(first.stdout) as { summary?: { verdict?: string } }).summary?.verdict ?? 'no verdict';
    } catch {
      verdict = `not a report (exit ${first.code}): ${first.stderr.trim().split('\n')[0] ?? ''}`;
    }
    const okRuns = r.ours.filter((x) => x.code === 0).length;
    // The engine's own duration (from the report): the rest of the wall time is process start-up,
    // loading the bundle, rendering and exit.
    const engineMs = median(
      r.ours.flatMap((x) => {
        try {
          const d = (JSON.parse(x.stdout) as { durationMs?: number }).durationMs;
          return typeof d === 'number' ? [d] : [];
        } catch {
          return [];
        }
      }),
    );
    const oursMs = wall(r.ours);
    const floorMs = wall(r.undici);
    const rows: Row[] = [
      {
        bench: 'overhead',
        metric: `diagnose --json wall (verdict ${verdict}, exit 0 in ${okRuns}/${runs})`,
        value: ms(oursMs),
        baseline: `node+undici ${ms(floorMs)}`,
        ratio: ratio(oursMs, floorMs),
        target: '≤ 1.5×',
        met: okRuns === runs && oursMs / floorMs <= 1.5,
      },
      {
        bench: 'overhead',
        metric: 'diagnose --samples 3 wall (the old default, now only when asked)',
        value: ms(wall(r.oursThreeSamples)),
        baseline: `node+undici ${ms(floorMs)}`,
        ratio: ratio(wall(r.oursThreeSamples), floorMs),
        met: null,
      },
      { bench: 'overhead', metric: 'diagnose vs node built-in fetch', value: ms(oursMs), baseline: `fetch ${ms(wall(r.fetch))}`, ratio: ratio(oursMs, wall(r.fetch)), target: '≤ 1.5×', met: oursMs / wall(r.fetch) <= 1.5 },
      { bench: 'overhead', metric: 'diagnose vs node https.get', value: ms(oursMs), baseline: `https.get ${ms(wall(r.httpsGet))}`, ratio: ratio(oursMs, wall(r.httpsGet)), target: '≤ 3×', met: oursMs / wall(r.httpsGet) <= 3 },
      { bench: 'overhead', metric: 'diagnose vs curl -s', value: ms(oursMs), baseline: `curl ${ms(wall(r.curl))}`, ratio: ratio(oursMs, wall(r.curl)), met: null },
      { bench: 'overhead', metric: 'diagnose peak RSS', value: mb(rss(r.ours)), baseline: `fetch ${mb(rss(r.fetch))}`, ratio: ratio(rss(r.ours), rss(r.fetch)), target: '≤ 1.1× fetch', met: rss(r.ours) / rss(r.fetch) <= 1.1 },
      { bench: 'overhead', metric: 'peak RSS of the floors', value: `undici ${mb(rss(r.undici))}, https.get ${mb(rss(r.httpsGet))}, node -e 0 ${mb(rss(r.nodeBare))}`, met: null },
      // Where the time goes: bare Node start-up, then loading the CLI bundle, then the diagnosis.
      { bench: 'overhead', metric: 'diagnose: engine time inside the run (report durationMs)', value: ms(engineMs), baseline: `whole process ${ms(oursMs)}`, ratio: ratio(engineMs, oursMs), met: null },
      { bench: 'overhead', metric: 'start-up: node -e 0', value: ms(wall(r.nodeBare)), met: null },
      {
        bench: 'overhead',
        metric: `start-up: api-doctor --version (launcher ${(statSync(cli).size / 1024).toFixed(1)} KB; CLI bundle ${(statSync(path.join(root, 'dist', 'cli', 'api-doctor-main.cjs')).size / 1024).toFixed(0)} KB)`,
        value: ms(wall(r.cliVersion)),
        baseline: `node -e 0 ${ms(wall(r.nodeBare))}`,
        ratio: ratio(wall(r.cliVersion), wall(r.nodeBare)),
        target: '≤ 1.3×',
        met: wall(r.cliVersion) / wall(r.nodeBare) <= 1.3,
      },
      { bench: 'overhead', metric: '--version peak RSS', value: mb(rss(r.cliVersion)), baseline: `node -e 0 ${mb(rss(r.nodeBare))}`, ratio: ratio(rss(r.cliVersion), rss(r.nodeBare)), met: null },
    ];
    const weight = await cliBundleWeight(root);
    rows.push({ bench: 'overhead', metric: 'CLI bundle by package (KB)', value: weight.slice(0, 5).map((w) => `${w.name} ${w.kb}`).join(', '), met: null });
    return rows;
  } finally {
    await server.close();
  }
}
