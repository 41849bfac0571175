import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { freePort, PEER_BINARIES, runtimeDir, startPeer, waitForPort, writeConfig, type PeerProcess } from './common.js';

export interface PeerSquid extends PeerProcess {
  port: number;
  /** A second port where a Basic login is required (user/pass below). */
  authPort: number;
  url: string;
  authUrl: (user?: string, pass?: string) => string;
}

export const SQUID_USER = 'peer';
export const SQUID_PASS = 'peer-pass-7f3a';

/** Squid from conf/squid.conf, resolving through `dns` (an address whose port 53 is the lab's dnsmasq). */
export async function startSquid(opts: { dns: string }): Promise<PeerSquid> {
  const dir = runtimeDir('squid');
  const port = await freePort();
  const authPort = await freePort();
  writeFileSync(`${dir}/hosts`, '');
  // htpasswd's format, made with the openssl CLI (apache2-utils is not needed).
  const hash = execFileSync('openssl', ['passwd', '-apr1', SQUID_PASS]).toString().trim();
  writeFileSync(`${dir}/passwd`, `${SQUID_USER}:${hash}\n`, { mode: 0o644 });
  const conf = writeConfig('squid.conf', dir, { PORT: port, AUTH_PORT: authPort, DIR: dir, DNS: opts.dns });
  const p = await startPeer('squid', dir, PEER_BINARIES.squid.bin, ['-N', '-f', conf], async (child, log) => {
    await waitForPort('127.0.0.1', port, child, log, 20_000);
    await waitForPort('127.0.0.1', authPort, child, log, 20_000);
  });
  return {
    ...p,
    port,
    authPort,
    url: `http://127.0.0.1:${port}`,
    authUrl: (user, pass) => `http://${user !== undefined ? `${encodeURIComponent(user)}:${encodeURIComponent(pass ?? '')}@` : ''}127.0.0.1:${authPort}`,
  };
}
