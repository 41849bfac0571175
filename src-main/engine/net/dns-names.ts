import net from 'node:net';

/** Special-use suffixes (RFC 6761, 6762, 8375, ICANN's .internal) that are meant to resolve locally. */
const LOCAL_SUFFIXES = ['test', 'localhost', 'local', 'internal', 'home.arpa', 'lan', 'corp'];

/** A name that may legitimately point at this machine: special-use suffixes, single labels, IP literals. */
export function isLocalName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (net.isIP(h) || !h.includes('.')) return true;
  return LOCAL_SUFFIXES.some((s) => h === s || h.endsWith(`.${s}`));
}

/** The addresses a blocker or a poisoned resolver hands out instead of the real one. */
export function isSinkholeAddress(a: string): boolean {
  if (a === '0.0.0.0' || a === '::' || a === '::1' || a === '::ffff:0.0.0.0' || a === '::ffff:127.0.0.1') return true;
  return net.isIPv4(a) && a.startsWith('127.');
}

/** The sinkhole addresses among those of a public name (empty for local names). */
export const sinkholed = (host: string, addresses: string[]): string[] => (isLocalName(host) ? [] : addresses.filter(isSinkholeAddress));
