import net from 'node:net';

/** Which proxy applies to a URL and where that came from. */
export interface ProxyChoice {
  proxyUrl: string | null;
  /** 'flag', 'flag:--no-proxy', 'env:https_proxy', 'system', 'client:<id>' (a proxy that client does not read), or null when nothing was configured. */
  source: string | null;
  /** The NO_PROXY value that was consulted (null when none was set). */
  noProxy: string | null;
  /** Why no proxy applies although one was configured (e.g. "NO_PROXY matches .internal"). */
  bypassedBy?: string;
}

/** Reads a variable the way curl does: the lower-case name wins over the upper-case one. */
function envVar(env: NodeJS.ProcessEnv, name: string, upperToo = true): { name: string; value: string } | null {
  const lower = env[name.toLowerCase()];
  if (lower !== undefined && lower.trim() !== '') return { name: name.toLowerCase(), value: lower.trim() };
  if (!upperToo) return null;
  const upper = env[name.toUpperCase()];
  if (upper !== undefined && upper.trim() !== '') return { name: name.toUpperCase(), value: upper.trim() };
  return null;
}

/** A proxy given without a scheme is an HTTP proxy, as in curl. */
export function normalizeProxyUrl(raw: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
}

const defaultPort = (u: URL): number => (u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80);
const bareHost = (h: string): string => h.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');

/**
 * Whether NO_PROXY exempts this URL, curl's way: comma (or space) separated entries; `*` alone
 * matches everything; a name matches itself and its subdomains (a leading dot is optional);
 * an IP matches exactly, a CIDR block its range; `name:port` only that port.
 * Returns the entry that matched, or null.
 */
export function noProxyMatch(noProxy: string, target: URL): string | null {
  const host = bareHost(target.hostname);
  const port = defaultPort(target);
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return entry;
    let name = entry;
    let entryPort: number | null = null;
    const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (v6) {
      name = v6[1]!;
      entryPort = v6[2] ? Number(v6[2]) : null;
    } else if (!net.isIPv6(entry.split('/')[0]!)) {
      const m = /^(.*):(\d+)$/.exec(entry);
      if (m) {
        name = m[1]!;
        entryPort = Number(m[2]);
      }
    }
    if (entryPort !== null && entryPort !== port) continue;
    if (name.includes('/')) {
      if (cidrContains(name, host)) return raw.trim();
      continue;
    }
    if (net.isIP(name) || net.isIP(host)) {
      if (name === host) return raw.trim();
      continue;
    }
    const suffix = name.replace(/^\*?\./, '').replace(/\.$/, '');
    if (host === suffix || host.endsWith(`.${suffix}`)) return raw.trim();
  }
  return null;
}

function cidrContains(cidr: string, host: string): boolean {
  const [base, bitsRaw] = cidr.split('/');
  const bits = Number(bitsRaw);
  if (!base || !Number.isInteger(bits)) return false;
  const fam = net.isIP(base);
  if (fam === 0 || fam !== net.isIP(host)) return false;
  try {
    const list = new net.BlockList();
    list.addSubnet(base, bits, fam === 6 ? 'ipv6' : 'ipv4');
    return list.check(host, fam === 6 ? 'ipv6' : 'ipv4');
  } catch {
    return false;
  }
}

/** The proxy variables curl reads for a URL: https_proxy for https, http_proxy (lower case only: curl ignores HTTP_PROXY), then all_proxy. */
export function proxyFromEnv(env: NodeJS.ProcessEnv, target: URL): ProxyChoice {
  const noProxyVar = envVar(env, 'no_proxy');
  const noProxy = noProxyVar?.value ?? null;
  const specific = target.protocol === 'https:' ? envVar(env, 'https_proxy') : envVar(env, 'http_proxy', false);
  const chosen = specific ?? envVar(env, 'all_proxy');
  if (!chosen) return { proxyUrl: null, source: null, noProxy };
  const matched = noProxy !== null ? noProxyMatch(noProxy, target) : null;
  if (matched !== null) return { proxyUrl: null, source: `env:${chosen.name}`, noProxy, bypassedBy: `${noProxyVar!.name} entry "${matched}"` };
  return { proxyUrl: normalizeProxyUrl(chosen.value), source: `env:${chosen.name}`, noProxy };
}

/** The first entry of a PAC answer ("PROXY host:port; DIRECT") as a proxy URL, null for DIRECT. */
export function proxyFromPac(pac: string): string | null {
  const first = pac.split(';')[0]?.trim() ?? '';
  const m = /^(PROXY|HTTPS|SOCKS5?|SOCKS4)\s+(\S+)$/i.exec(first);
  if (!m) return null;
  const kind = m[1]!.toUpperCase();
  const scheme = kind === 'PROXY' ? 'http' : kind === 'HTTPS' ? 'https' : kind === 'SOCKS4' ? 'socks4' : 'socks5';
  return `${scheme}://${m[2]}`;
}

/**
 * curl's own sources: the flag first (--proxy / --no-proxy), then the environment. Never the OS
 * settings (curl does not read them); the clients that do are routed by clients/routes.ts.
 */
export function chooseProxy(flag: string | null | undefined, env: NodeJS.ProcessEnv, target: URL): ProxyChoice {
  if (flag === null) return { proxyUrl: null, source: 'flag:--no-proxy', noProxy: null };
  if (typeof flag === 'string') return { proxyUrl: normalizeProxyUrl(flag), source: 'flag', noProxy: null };
  return proxyFromEnv(env, target);
}

/** Loopback and private (RFC 1918, ULA, link-local) targets, and names that only make sense locally. */
export function isLocalTarget(hostname: string): boolean {
  const h = bareHost(hostname);
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const fam = net.isIP(h);
  if (fam === 0) return false;
  const list = new net.BlockList();
  list.addSubnet('127.0.0.0', 8, 'ipv4');
  list.addSubnet('10.0.0.0', 8, 'ipv4');
  list.addSubnet('172.16.0.0', 12, 'ipv4');
  list.addSubnet('192.168.0.0', 16, 'ipv4');
  list.addSubnet('169.254.0.0', 16, 'ipv4');
  list.addAddress('::1', 'ipv6');
  list.addSubnet('fc00::', 7, 'ipv6');
  list.addSubnet('fe80::', 10, 'ipv6');
  return list.check(h, fam === 6 ? 'ipv6' : 'ipv4');
}

/** Loopback only: 127/8, ::1, localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const h = bareHost(hostname);
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1') return true;
  return net.isIPv4(h) && h.startsWith('127.');
}
