/**
 * Shared plumbing of the real-peer lab: find a server's binary (skip locally with the package to
 * install, fail in CI), fill a config template from test/peers/conf/, start the server in the
 * foreground on loopback with its runtime files in a temp dir, wait for its port, and stop it by
 * PID. Nothing here talks to anything but loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, openSync, closeSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONF_DIR = fileURLToPath(new URL('./conf/', import.meta.url));
export const IN_CI = process.env.CI === 'true';

/** The binaries the lab uses and the Debian package each comes from. */
export const PEER_BINARIES = {
  squid: { bin: '/usr/sbin/squid', pkg: 'squid' },
  tinyproxy: { bin: '/usr/bin/tinyproxy', pkg: 'tinyproxy' },
  nginx: { bin: '/usr/sbin/nginx', pkg: 'nginx' },
  haproxy: { bin: '/usr/sbin/haproxy', pkg: 'haproxy' },
  unbound: { bin: '/usr/sbin/unbound', pkg: 'unbound' },
  dnsmasq: { bin: '/usr/sbin/dnsmasq', pkg: 'dnsmasq' },
  openssl: { bin: '/usr/bin/openssl', pkg: 'openssl' },
} as const;
export type PeerBinary = keyof typeof PEER_BINARIES;

const executable = (p: string) => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Why this suite cannot run here, or null. In CI a missing binary is an error (thrown); locally
 * the suite skips and says what to install.
 */
export function peersMissing(...names: PeerBinary[]): string | null {
  const missing = names.filter((n) => !executable(PEER_BINARIES[n].bin));
  const rootNeeded = process.getuid?.() !== 0;
  if (missing.length === 0 && !rootNeeded) return null;
  const why = missing.length > 0 ? `apt-get install ${missing.map((n) => PEER_BINARIES[n].pkg).join(' ')}` : 'run as root (squid drops to its own user, dnsmasq binds port 53)';
  if (IN_CI) throw new Error(`real-peer lab cannot run in CI: ${why}`);
  console.warn(`[peers] skipped: ${why}`);
  return why;
}

/** A temp dir for one server's runtime files, readable by the users the servers drop to. */
export function runtimeDir(kind: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `peer-${kind}-`));
  chmodSync(dir, 0o777);
  return dir;
}

/** Fills `{{NAME}}` placeholders of a template in conf/ and writes it into `dir`. */
export function writeConfig(template: string, dir: string, vars: Record<string, string | number>, name = template): string {
  let text = readFileSync(path.join(CONF_DIR, template), 'utf8');
  text = text.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => {
    if (!(k in vars)) throw new Error(`${template}: no value for {{${k}}}`);
    return String(vars[k]);
  });
  const out = path.join(dir, name);
  writeFileSync(out, text);
  return out;
}

/** A free loopback TCP port (bound and released: the server takes it right after). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, host, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A loopback address of its own for a server that must sit on port 53 (squid 5 cannot use another
 * port for DNS): 127.53.x.y from this process's id, so parallel runs do not collide.
 */
export function loopbackFor(pid = process.pid, salt = 0): string {
  const n = (pid * 7 + salt) % 65_000;
  return `127.53.${Math.floor(n / 250) % 250}.${(n % 250) + 2}`;
}

export interface PeerProcess {
  pid: number;
  dir: string;
  /** Stops the server by its PID (TERM, then KILL) and removes its runtime dir. */
  stop(): Promise<void>;
  /** What the server wrote to stdout and stderr so far (for a failing test's message). */
  log(): string;
}

/** Waits until host:port accepts a TCP connection (or UDP-only servers: until the process is up). */
export async function waitForPort(host: string, port: number, child: ChildProcess, logFile: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before listening on ${host}:${port}: ${readLog(logFile)}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, host);
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) {
      // Something answers, but is it our server? If another file's server took the picked port
      // first, ours fails to bind and exits: say so rather than test against a stranger.
      await new Promise((r) => setTimeout(r, 100));
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) although ${host}:${port} answers: the port was taken by another process: ${readLog(logFile)}`);
      return;
    }
    if (Date.now() > until) throw new Error(`server not listening on ${host}:${port} after ${ms} ms: ${readLog(logFile)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const readLog = (f: string) => {
  try {
    return readFileSync(f, 'utf8').slice(-2000);
  } catch {
    return '(no log)';
  }
};

/** Starts a server in the foreground, its output in dir/out.log; `ready` resolves when it serves. */
export async function startPeer(kind: string, dir: string, cmd: string, args: string[], ready: (child: ChildProcess, logFile: string) => Promise<void>, opts: { cwd?: string } = {}): Promise<PeerProcess> {
  const logFile = path.join(dir, 'out.log');
  const fd = openSync(logFile, 'a');
  const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], cwd: opts.cwd ?? dir });
  closeSync(fd);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${kind}: could not start ${cmd}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(pid, 'SIGTERM');
      const t = setTimeout(() => {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 3000);
      await exited;
      clearTimeout(t);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ready(child, logFile);
  } catch (e) {
    await stop();
    throw e;
  }
  return { pid, dir, stop, log: () => readLog(logFile) };
}
