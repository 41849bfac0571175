import { PEER_BINARIES, runtimeDir, startPeer, waitForPort, writeConfig, type PeerProcess } from './common.js';

export interface PeerDnsmasq extends PeerProcess {
  /** host:port for --dns-server (or an address on port 53 for squid). */
  server: string;
  addr: string;
  port: number;
}

/**
 * dnsmasq answering the lab's names from conf/dnsmasq.conf (address=, local=, txt-record=).
 * `stall` is host#port of a DNS server that never answers (for the stalling forwarder).
 */
export async function startDnsmasq(opts: { addr: string; port: number; stall: string }): Promise<PeerDnsmasq> {
  const dir = runtimeDir('dnsmasq');
  const conf = writeConfig('dnsmasq.conf', dir, { ADDR: opts.addr, PORT: opts.port, STALL: opts.stall });
  const p = await startPeer('dnsmasq', dir, PEER_BINARIES.dnsmasq.bin, ['-k', '-C', conf, `--pid-file=${dir}/dnsmasq.pid`, '--log-facility=-'], async (child, log) => {
    // UDP has nothing to connect to: dnsmasq also serves TCP on the same port.
    await waitForPort(opts.addr, opts.port, child, log);
  });
  const server = opts.port === 53 ? opts.addr : `${opts.addr}:${opts.port}`;
  return { ...p, server, addr: opts.addr, port: opts.port };
}
