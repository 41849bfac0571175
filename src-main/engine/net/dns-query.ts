import dns from 'node:dns';
import { classifyNetworkError, type ClassifiedError } from '../classify.js';
import { elapsedMs } from '../elapsed.js';

export type RecordType = 'A' | 'AAAA';

export interface DnsQuery {
  /** "system" (getaddrinfo: hosts file, then the OS's resolvers) or the server asked, as ip:port. */
  resolver: string;
  type: RecordType;
  addresses: string[];
  ms: number;
  error?: ClassifiedError;
}


function aborted(signal: AbortSignal): Error {
  return Object.assign(new Error(signal.reason instanceof Error ? signal.reason.message : 'timed out'), { code: 'ECANCELLED' });
}

/** One record type through the system resolver (dns.lookup honours the hosts file). It cannot be cancelled, so we stop waiting instead. */
export function querySystem(host: string, type: RecordType, signal: AbortSignal): Promise<DnsQuery> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (q: Omit<DnsQuery, 'resolver' | 'type' | 'ms'>) => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', onAbort);
      resolve({ resolver: 'system', type, ms: elapsedMs(t0), ...q });
    };
    const onAbort = () => finish({ addresses: [], error: classifyNetworkError(aborted(signal), 'dns') });
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    dns.lookup(host, { family: type === 'A' ? 4 : 6, all: true, verbatim: true }, (err, list) => {
      if (err) finish({ addresses: [], error: classifyNetworkError(err, 'dns') });
      else finish({ addresses: [...new Set(list.map((a) => a.address))] });
    });
  });
}

/** One record type from one named server (c-ares, no hosts file), with a single try within the budget. */
export async function queryServer(server: string, host: string, type: RecordType, signal: AbortSignal, timeoutMs: number): Promise<DnsQuery> {
  const t0 = performance.now();
  const resolver = new dns.promises.Resolver({ timeout: Math.max(100, Math.floor(timeoutMs)), tries: 1 });
  resolver.setServers([server]);
  const onAbort = () => resolver.cancel();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    if (signal.aborted) throw aborted(signal);
    const addresses = type === 'A' ? await resolver.resolve4(host) : await resolver.resolve6(host);
    return { resolver: server, type, addresses, ms: elapsedMs(t0) };
  } catch (err) {
    return { resolver: server, type, addresses: [], ms: elapsedMs(t0), error: classifyNetworkError(err, 'dns') };
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
