import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Report } from '../../src-main/common/report.js';
import { reportSchemaErrors } from '../report-schema.js';

/**
 * Network namespaces for the faults loopback cannot stage (connect timeouts, unreachable routes,
 * a machine with no network, the system resolver and hosts file). Needs root and `ip`; every
 * helper here says why it cannot run instead of failing.
 */
export function netnsUnavailable(): string | null {
  if (process.platform !== 'linux') return 'network namespaces are Linux-only';
  if (process.getuid?.() !== 0) return 'needs root (ip netns add)';
  const probe = `adprobe${process.pid}`;
  const r = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return `ip netns add failed: ${(r.stderr || String(r.error)).trim()}`;
  spawnSync('ip', ['netns', 'del', probe]);
  return null;
}

export interface NetnsSetup {
  /** Content of /etc/hosts inside (ip netns exec bind-mounts /etc/netns/<ns>/hosts). */
  hosts?: string;
  /** Content of /etc/resolv.conf inside. */
  resolvConf?: string;
  /**
   * A veth pair: `address` (e.g. "10.99.0.2/24") on one end, the other end up without an address,
   * so the namespace has a real non-loopback interface. `silentPeer` (e.g. "10.99.0.1") gets a
   * static neighbour entry pointing at the bare end: packets to it vanish and connects time out.
   */
  veth?: { address: string; silentPeer?: string };
  /** Extra `ip route add …` argument lists, e.g. ["unreachable", "10.98.0.0/24"]. */
  routes?: string[][];
}

export interface Netns {
  name: string;
  /** Starts a process inside the namespace. */
  spawn(cmd: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess;
  close(): void;
}

let counter = 0;
const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });

/** A fresh namespace with loopback up and nothing else unless asked: nothing in it can reach the outside. */
export function createNetns(setup: NetnsSetup = {}): Netns {
  const name = `apidoc${process.pid}x${counter++}`;
  const etc = `/etc/netns/${name}`;
  ip('netns', 'add', name);
  const inNs = (...args: string[]) => ip('netns', 'exec', name, 'ip', ...args);
  inNs('link', 'set', 'lo', 'up');
  if (setup.veth) {
    inNs('link', 'add', 'name', 'lab0', 'type', 'veth', 'peer', 'name', 'lab1');
    inNs('addr', 'add', setup.veth.address, 'dev', 'lab0');
    inNs('link', 'set', 'lab0', 'up');
    inNs('link', 'set', 'lab1', 'up');
    if (setup.veth.silentPeer) {
      const mac = /link\/ether ([0-9a-f:]+)/.exec(inNs('-o', 'link', 'show', 'lab1').toString())?.[1];
      if (mac) inNs('neigh', 'add', setup.veth.silentPeer, 'lladdr', mac, 'dev', 'lab0', 'nud', 'permanent');
    }
  }
  for (const r of setup.routes ?? []) inNs('route', 'add', ...r);
  if (setup.hosts !== undefined || setup.resolvConf !== undefined) {
    mkdirSync(etc, { recursive: true });
    // Without our own resolv.conf the namespace would inherit the host's resolvers; point it at loopback.
    writeFileSync(path.join(etc, 'resolv.conf'), setup.resolvConf ?? 'nameserver 127.0.0.1\n');
    writeFileSync(path.join(etc, 'hosts'), setup.hosts ?? '127.0.0.1 localhost\n::1 localhost\n');
  }
  const children: ChildProcess[] = [];
  return {
    name,
    spawn(cmd, args, env = {}) {
      const c = spawn('ip', ['netns', 'exec', name, cmd, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(c);
      return c;
    },
    close() {
      for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
      spawnSync('ip', ['netns', 'del', name]);
      if (existsSync(etc)) rmSync(etc, { recursive: true, force: true });
    },
  };
}

let bundle: Promise<string> | null = null;
/**
 * The CLI as one file, built from source for this test run (a namespace needs a separate
 * process). It lives under node_modules so the external `keytar` still resolves.
 */
export function labCliBundle(): Promise<string> {
  bundle ??= (async () => {
    const out = path.resolve('node_modules/.cache/api-doctor-lab/api-doctor.cjs');
    await build({ entryPoints: ['src-main/cli/index.ts'], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'keytar'], logLevel: 'warning', define: { __APP_VERSION__: '"0.0.0-lab"' } });
    return out;
  })();
  return bundle;
}

/** Runs `diagnose … --json` inside the namespace; returns the schema-checked report. */
export async function diagnoseInNetns(ns: Netns, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; report: Report; stderr: string; ms: number }> {
  const cli = await labCliBundle();
  const t0 = performance.now();
  const child = ns.spawn(process.execPath, [cli, 'diagnose', ...args, '--json'], env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number>((resolve) => child.once('close', (c) => resolve(c ?? -1)));
  const ms = performance.now() - t0;
  let report: Report;
  try {
    report = JSON.parse(stdout) as Report;
  } catch {
    throw new Error(`no JSON from the CLI in ${ns.name} (exit ${code}): ${stdout.slice(0, 300)} ${stderr.slice(0, 500)}`);
  }
  const errors = reportSchemaErrors(report);
  if (errors.length > 0) throw new Error(`report breaks the schema:\n${errors.join('\n')}`);
  return { code, report, stderr, ms };
}

/** A TCP server inside the namespace on 127.0.0.1:port that answers HTTP 200 (a plain node one-liner). */
export async function httpServerInNetns(ns: Netns, port: number): Promise<void> {
  const js = `require('http').createServer((q,s)=>s.end('ok')).listen(${port},'127.0.0.1',()=>console.log('ready'))`;
  const child = ns.spawn(process.execPath, ['-e', js]);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (c) => reject(new Error(`server in ${ns.name} exited with ${c}`)));
  });
}
