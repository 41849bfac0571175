/**
 * The data of the network probes that later probes read. Probe ids are fixed here so stages can
 * depend on each other across files. A probe may add fields; these are the ones others rely on.
 */
export const PROBE_IDS = {
  environment: 'environment',
  proxy: 'proxy',
  dns: 'dns',
  tcp: 'tcp',
  tls: 'tls',
  http: 'http',
  auth: 'auth',
  server: 'server',
  stream: 'stream',
  oauth: 'oauth',
  advice: 'advice',
} as const;

export interface ProxyData {
  /** The proxy this URL goes through, or null for a direct connection. Credentials in it are the run's secrets. */
  proxyUrl: string | null;
  /** Where it came from: 'flag', 'env:HTTPS_PROXY', 'system', … */
  source: string | null;
}

export interface DnsData {
  addresses: { address: string; family: 4 | 6 }[];
}

export interface TcpData {
  /** Addresses that accepted a connection, fastest first. */
  connected: { address: string; family: 4 | 6; connectMs: number }[];
}

export interface TlsData {
  /** The certificate chain verified (with --ca-file, if given). A secret is sent only when true. */
  authorized: boolean;
  alpn: string | null;
  protocol: string | null;
}
