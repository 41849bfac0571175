import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Real SOCKS servers from Debian for the lab, on loopback, started and stopped by PID:
 * microsocks (SOCKS5, optional -u/-P auth) and dante (danted: SOCKS4/4a and 5). `hosts` gives the
 * server its own /etc/hosts (a private mount namespace via unshare), so a name only the proxy
 * can resolve proves socks5h/socks4a really resolve at the proxy.
 */
export interface LabSocks {
  port: number;
  url(scheme: 'socks4' | 'socks4a' | 'socks5' | 'socks5h', user?: string, pass?: string): string;
  /** What the server printed (connect logs), for assertions on what it was asked. */
  log(): string;
  close(): Promise<void>;
}

export const MICROSOCKS = '/usr/bin/microsocks';
export const DANTED = '/usr/sbin/danted';

/** Why a server cannot run here (null when it can): in CI a missing one must fail, not skip. */
export function socksUnavailable(bin: string, pkg: string): string | null {
  if (!existsSync(bin)) return `${bin} missing (apt-get install ${pkg})`;
  if (process.getuid?.() !== 0) return 'needs root (unshare for the private hosts file; danted runs as root)';
  return null;
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

async function waitListening(port: number, child: ChildProcess, out: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`SOCKS server exited (${child.exitCode}): ${out().slice(0, 400)}`);
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => (c.destroy(), resolve(true)));
      c.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`SOCKS server not listening on ${port}: ${out().slice(0, 400)}`);
}

/** Names the lab servers answer for; every SOCKS server resolves them from its own hosts file. */
const LAB_HOSTS = '127.0.0.1 localhost\n127.0.0.1 lab.test\n127.0.0.1 api.lab.test\n';

function start(cmd: string, args: string[], port: number, dir: string, hosts = ''): LabSocks & { ready: Promise<void> } {
  const hostsFile = path.join(dir, 'hosts');
  const resolvFile = path.join(dir, 'resolv.conf');
  writeFileSync(hostsFile, `${LAB_HOSTS}${hosts}`);
  // Any other name must not reach a real resolver: loopback port 53, where nothing listens.
  writeFileSync(resolvFile, 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n');
  // A private mount namespace: these bind mounts are seen by this server only. exec keeps the PID.
  const argv = ['unshare', '-m', '--propagation', 'private', 'sh', '-c', 'mount --bind "$0" /etc/hosts && mount --bind "$1" /etc/resolv.conf && shift && exec "$@"', hostsFile, resolvFile, cmd, ...args];
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH } });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const userinfo = (u?: string, p?: string) => (u !== undefined ? `${encodeURIComponent(u)}${p !== undefined ? `:${encodeURIComponent(p)}` : ''}@` : '');
  return {
    port,
    ready: waitListening(port, child, () => out),
    url: (scheme, u, p) => `${scheme}://${userinfo(u, p)}127.0.0.1:${port}`,
    log: () => out,
    close: async () => {
      if (child.exitCode === null && child.pid !== undefined) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 2_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** microsocks on 127.0.0.1, outgoing connections bound to loopback (-b) so it cannot leave the machine. */
export async function startMicrosocks(opts: { user?: string; pass?: string; hosts?: string } = {}): Promise<LabSocks> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-microsocks-'));
  const auth = opts.user !== undefined ? ['-u', opts.user, '-P', opts.pass ?? ''] : [];
  const s = start(MICROSOCKS, ['-i', '127.0.0.1', '-p', String(port), '-b', '127.0.0.1', ...auth], port, dir, opts.hosts);
  await s.ready;
  return s;
}

/** danted in the foreground with the repo's config (test/lab/conf/danted.conf.template); SOCKS4, 4a and 5 without auth. */
export async function startDante(opts: { hosts?: string } = {}): Promise<LabSocks> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-dante-'));
  const conf = readFileSync(path.resolve('test/lab/conf/danted.conf.template'), 'utf8').replaceAll('@PORT@', String(port));
  writeFileSync(path.join(dir, 'danted.conf'), conf);
  const s = start(DANTED, ['-f', path.join(dir, 'danted.conf'), '-p', path.join(dir, 'danted.pid'), '-N', '1'], port, dir, opts.hosts);
  await s.ready;
  return s;
}
