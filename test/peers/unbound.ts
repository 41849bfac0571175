import { freePort, PEER_BINARIES, runtimeDir, startPeer, waitForPort, writeConfig, type PeerProcess } from './common.js';

export interface PeerUnbound extends PeerProcess {
  port: number;
  /** For --dns-server. */
  server: string;
}

/** unbound from conf/unbound.conf, in the foreground; `bogusDns` and `stall` are loopback lab DNS ports. */
export async function startUnbound(opts: { bogusDnsPort: number; stallPort: number }): Promise<PeerUnbound> {
  const dir = runtimeDir('unbound');
  const port = await freePort();
  const conf = writeConfig('unbound.conf', dir, { DIR: dir, PORT: port, BOGUS_DNS_PORT: opts.bogusDnsPort, STALL_PORT: opts.stallPort });
  const p = await startPeer('unbound', dir, PEER_BINARIES.unbound.bin, ['-d', '-c', conf], (child, log) => waitForPort('127.0.0.1', port, child, log));
  return { ...p, port, server: `127.0.0.1:${port}` };
}
