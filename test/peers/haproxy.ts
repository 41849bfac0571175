import { freePort, PEER_BINARIES, runtimeDir, startPeer, waitForPort, writeConfig, type PeerProcess } from './common.js';

export interface PeerHaproxy extends PeerProcess {
  port: number;
  url: (path: string) => string;
}

/** HAProxy from conf/haproxy.cfg in front of `upstream` (host:port), in the foreground (-db). */
export async function startHaproxy(opts: { upstream: string }): Promise<PeerHaproxy> {
  const dir = runtimeDir('haproxy');
  const [port, dead] = await Promise.all([freePort(), freePort()]);
  const conf = writeConfig('haproxy.cfg', dir, { DIR: dir, PORT: port, UP: opts.upstream, DEAD_PORT: dead });
  const p = await startPeer('haproxy', dir, PEER_BINARIES.haproxy.bin, ['-db', '-f', conf], (child, log) => waitForPort('127.0.0.1', port, child, log));
  return { ...p, port, url: (path) => `http://127.0.0.1:${port}${path}` };
}
