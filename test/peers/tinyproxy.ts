import { freePort, PEER_BINARIES, runtimeDir, startPeer, waitForPort, writeConfig, type PeerProcess } from './common.js';

export interface PeerTinyproxy extends PeerProcess {
  port: number;
  url: (user?: string, pass?: string) => string;
}

/**
 * tinyproxy from conf/tinyproxy.conf; with `auth` it requires that Basic login. It resolves names
 * with the system resolver, so the lab only gives it IP literals (never a name to look up).
 */
export async function startTinyproxy(opts: { auth?: { user: string; pass: string } } = {}): Promise<PeerTinyproxy> {
  const dir = runtimeDir('tinyproxy');
  const port = await freePort();
  const conf = writeConfig('tinyproxy.conf', dir, { PORT: port, DIR: dir, AUTH: opts.auth ? `BasicAuth ${opts.auth.user} ${opts.auth.pass}` : '' });
  const p = await startPeer('tinyproxy', dir, PEER_BINARIES.tinyproxy.bin, ['-d', '-c', conf], (child, log) => waitForPort('127.0.0.1', port, child, log));
  return { ...p, port, url: (user, pass) => `http://${user !== undefined ? `${encodeURIComponent(user)}:${encodeURIComponent(pass ?? '')}@` : ''}127.0.0.1:${port}` };
}
