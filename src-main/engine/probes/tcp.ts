import type net from 'node:net';
import { classifyNetworkError, type ClassifiedError } from '../classify.js';
import { PROBE_IDS, type TcpData } from '../probe-data.js';
import type { Probe } from '../probe.js';
import { connectTcp } from '../net/tcp-connect.js';
import { targetPort } from '../net/address.js';

export interface TcpAttemptData {
  address: string;
  family: 4 | 6;
  ok: boolean;
  ms: number;
  error?: ClassifiedError;
}

export interface TcpProbeData extends TcpData {
  port: number;
  viaProxy: boolean;
  attempts: TcpAttemptData[];
}

/** A name with dozens of addresses (CDNs) tells us nothing more after a few of each family. */
const MAX_PER_FAMILY = 4;
/**
 * How long a fresh connection must stay up to count: a middlebox or an overloaded server that
 * accepts and resets at once is "reset while being established" from the client's side.
 */
const SETTLE_MS = 40;

export const tcpProbe: Probe<TcpProbeData> = {
  id: PROBE_IDS.tcp,
  stage: 'tcp',
  dependsOn: [PROBE_IDS.dns],
  async run(ctx) {
    const port = targetPort(ctx.target);
    const dns = ctx.result(PROBE_IDS.dns);
    if (dns?.status === 'ok' && dns.data.viaProxy) {
      return { status: 'ok', data: { port, viaProxy: true, attempts: [], connected: [] }, summary: { code: 'tcp.viaProxy' } };
    }
    const addrs = dns?.status === 'ok' ? dns.data.addresses : [];
    const pick = [...addrs.filter((a) => a.family === 4).slice(0, MAX_PER_FAMILY), ...addrs.filter((a) => a.family === 6).slice(0, MAX_PER_FAMILY)];
    const attempts = await Promise.all(pick.map((a) => attempt(a.address, a.family, port, ctx.signal)));
    const connected = attempts.filter((a) => a.ok).map((a) => ({ address: a.address, family: a.family, connectMs: a.ms })).sort((a, b) => a.connectMs - b.connectMs);
    const data: TcpProbeData = { port, viaProxy: false, attempts, connected };
    const where = (a: { address: string }) => (a.address.includes(':') ? `[${a.address}]:${port}` : `${a.address}:${port}`);
    if (connected.length === 0) {
      const first = attempts[0];
      return { status: 'failed', data, reason: first ? { code: 'tcp.failed', values: { where: where(first), error: first.error?.errno ?? null } } : { code: 'tcp.noAddress' } };
    }
    const best = connected[0]!;
    return { status: 'ok', data, summary: { code: 'tcp.connected', values: { where: where(best), ms: best.connectMs, connected: connected.length, tried: attempts.length } }, timing: { connectMs: best.connectMs } };
  },
};

async function attempt(address: string, family: 4 | 6, port: number, signal: AbortSignal): Promise<TcpAttemptData> {
  const r = await connectTcp(address, port, signal, family);
  if (!r.ok) return { address, family, ok: false, ms: r.ms, error: classifyNetworkError(r.error, 'tcp') };
  const reset = await settle(r.socket);
  r.socket.destroy();
  if (reset) return { address, family, ok: false, ms: r.connectMs, error: classifyNetworkError(reset, 'tcp') };
  return { address, family, ok: true, ms: r.connectMs };
}

function settle(socket: net.Socket): Promise<Error | null> {
  return new Promise((resolve) => {
    const t = setTimeout(() => done(null), SETTLE_MS);
    // Only a reset counts; a quiet close (FIN) is the server's choice and for the http stage to judge.
    const onError = (e: Error) => done(e);
    const done = (e: Error | null) => {
      clearTimeout(t);
      socket.removeListener('error', onError);
      resolve(e);
    };
    socket.once('error', onError);
  });
}
