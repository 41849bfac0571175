import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { median, mb, ms, type Row } from './lib/stats.js';

/** RSS is read at these ticks: after start-up, after the first thousand, after the second. */
const EARLY_TICK = 100;
const BASE_TICK = 1000;
const TICKS = 2000;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const HZ = 100;

/** CPU seconds (user + system) and RSS of a live process, from /proc. */
function procUsage(pid: number): { cpuS: number; rssKb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the ")" of the command name: utime is the 12th, stime the 13th.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuS = (Number(f[11]) + Number(f[12])) / HZ;
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return { cpuS, rssKb };
}

interface WatchRun {
  cpuPerTickMs: number;
  rssEarlyKb: number;
  rssBaseKb: number;
  rssEndKb: number;
  samples: number;
  wallS: number;
}

/** One `watch --json --count 2000` against a loopback server, with /proc read at ticks 100, 1000 and 2000. */
function runOnce(cli: string, url: string, root: string, nodeFlags: string[] = []): Promise<WatchRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...nodeFlags, cli, 'watch', url, '--every', '5ms', '--bench-min-interval-ms', '0', '--count', String(TICKS), '--timeout', '5000', '--json'], { cwd: root, env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let buf = '';
    let early: { cpuS: number; rssKb: number } | null = null;
    let base: { cpuS: number; rssKb: number } | null = null;
    let end: { cpuS: number; rssKb: number } | null = null;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        buf = buf.slice(i + 1);
        lines++;
        try {
          if (lines === EARLY_TICK) early = procUsage(child.pid!);
          if (lines === BASE_TICK) base = procUsage(child.pid!);
          if (lines === TICKS) end = procUsage(child.pid!);
        } catch {
          // the process ended between the line and the read
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (!early || !base || !end) return reject(new Error(`watch exited ${code} after ${lines} lines`));
      resolve({ cpuPerTickMs: ((end.cpuS - base.cpuS) * 1000) / (TICKS - BASE_TICK), rssEarlyKb: early.rssKb, rssBaseKb: base.rssKb, rssEndKb: end.rssKb, samples: lines - 1, wallS: (performance.now() - t0) / 1000 });
    });
  });
}

/**
 * Issue 16: what a watch costs per tick, and whether its memory stays flat. The first thousand
 * ticks include warm-up (JIT, the heap growing to its working size); a leak shows as growth over
 * the second thousand.
 */
export async function watchBench(root: string, runs: number): Promise<Row[]> {
  const server = http.createServer((_q, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[]}'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/v1/models`;
  const cli = path.join(root, 'dist', 'cli', 'api-doctor.cjs');
  try {
    const n = Math.max(1, Math.min(2, Math.floor(runs / 4)));
    const all: WatchRun[] = [];
    const capped: WatchRun[] = [];
    // Interleaved: the default heap (what users run) and a capped old space, which makes V8 collect
    // eagerly, so what remains is live memory: growth there would be a leak, not GC slack.
    for (let i = 0; i < n; i++) {
      all.push(await runOnce(cli, url, root));
      capped.push(await runOnce(cli, url, root, ['--max-old-space-size=40']));
    }
    const cpu = median(all.map((r) => r.cpuPerTickMs));
    const growthRow = (rs: WatchRun[], label: string, target: boolean): Row => {
      const earlyKb = median(rs.map((r) => r.rssEarlyKb));
      const baseKb = median(rs.map((r) => r.rssBaseKb));
      const endKb = median(rs.map((r) => r.rssEndKb));
      const growth = ((endKb - baseKb) / baseKb) * 100;
      return {
        bench: 'watch',
        metric: `RSS at ticks ${EARLY_TICK} / ${BASE_TICK} / ${TICKS} (${label})`,
        value: `${mb(earlyKb)} / ${mb(baseKb)} / ${mb(endKb)}`,
        baseline: `tick ${BASE_TICK}`,
        ratio: `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} % over ticks ${BASE_TICK}–${TICKS}`,
        ...(target ? { target: '≤ +5 % (flat)', met: growth <= 5 } : { met: null }),
      };
    };
    return [
      { bench: 'watch', metric: `CPU per tick (user+sys, ticks ${BASE_TICK}–${TICKS}, n=${n})`, value: ms(cpu), met: null },
      growthRow(all, 'default heap', true),
      growthRow(capped, '--max-old-space-size=40: V8 collects eagerly, what remains is live', true),
      { bench: 'watch', metric: `wall for ${TICKS} ticks at --every 5ms`, value: `${median(all.map((r) => r.wallS)).toFixed(1)} s`, met: null },
    ];
  } finally {
    await new Promise((r) => server.close(r));
  }
}
