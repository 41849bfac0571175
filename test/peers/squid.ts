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
/**
 * A second account, for the wrong-password scenarios: squid keeps one credentials entry per user
 * name, so a wrong and a right password for the same name at the same moment interfere (the right
 * one is sometimes answered 407 while the wrong one is being checked).
 */
export const SQUID_USER_2 = 'peer2';
const SQUID_PASS_2 = 'peer2-pass-c81e';

/** Squid from conf/squid.conf, resolving through `dns` (an address whose port 53 is the lab's dnsmasq). */
export async function startSquid(opts: { dns: string }): Promise<PeerSquid> {
  const dir = runtimeDir('squid');
  const port = await freePort();
  const authPort = await freePort();
  writeFileSync(`${dir}/hosts`, '');
  // htpasswd's format, made with the openssl CLI (apache2-utils is not needed).
  const hash = (pass: string) => execFileSync('openssl', ['passwd', '-apr1', pass]).toString().trim();
  writeFileSync(`${dir}/passwd`, `${SQUID_USER}:${hash(SQUID_PASS)}\n${SQUID_USER_2}:${hash(SQUID_PASS_2)}\n`, { mode: 0o644 });
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
