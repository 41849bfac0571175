import { CLIENT_IDS, isClientId, type ClientId } from '../common/clients.js';
import path from 'node:path';
import { parseArgs } from 'node:util';
import net from 'node:net';
import { DEFAULTS, defaultRequest, type AuthPlacement, type CredentialRef, type DiagnosisRequest } from '../common/request.js';
import type { Lang, ProviderChoice } from '../common/report.js';
import { UsageError } from './io.js';
import { assertPemCertificates, readInputFile } from './read-input.js';
import { redactTyped } from './redact-typed.js';

export interface DiagnoseCli {
  request: DiagnosisRequest;
  json: boolean;
  bundle?: string;
}

const PROVIDERS: readonly ProviderChoice[] = ['auto', 'openai', 'zhipu', 'anthropic', 'azure-openai', 'generic', 'deepseek', 'moonshot', 'dashscope', 'openrouter'];
const LANGS: readonly Lang[] = ['en', 'zh-CN'];
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const DIAGNOSE_OPTIONS = {
  json: { type: 'boolean' },
  method: { type: 'string', short: 'X' },
  header: { type: 'string', short: 'H', multiple: true },
  data: { type: 'string', short: 'd' },
  provider: { type: 'string' },
  credential: { type: 'string' },
  'token-env': { type: 'string' },
  auth: { type: 'string' },
  'oauth-token-url': { type: 'string' },
  'oauth-client-id': { type: 'string' },
  'dns-server': { type: 'string', multiple: true },
  'reference-dns': { type: 'string', multiple: true },
  resolve: { type: 'string', multiple: true },
  proxy: { type: 'string' },
  'no-proxy': { type: 'boolean' },
  'ca-file': { type: 'string' },
  timeout: { type: 'string' },
  samples: { type: 'string' },
  'slow-ms': { type: 'string' },
  bundle: { type: 'string' },
  stream: { type: 'boolean' },
  completion: { type: 'boolean' },
  lang: { type: 'string' },
  client: { type: 'string' },
} as const;

function int(name: string, raw: string | undefined, def: number, min: number, max: number): number {
  if (raw === undefined) return def;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} needs a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** Parses a target URL; only http and https make sense for an API call. */
export function parseTargetUrl(raw: string | undefined): URL {
  if (raw === undefined || raw.trim() === '') throw new UsageError('diagnose needs a URL, e.g. api-doctor diagnose https://api.example.com/v1/models');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`"${raw}" is not a URL: give the full address, starting with https://`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`"${url.protocol}" URLs are not supported: use http:// or https://`);
  }
  if (!url.hostname) throw new UsageError(`"${raw}" has no host name`);
  return url;
}

/** A system CA bundle is ~200 KB; anything past this is not a CA file. */
const MAX_CA_FILE_BYTES = 4 * 1024 * 1024;
/** A diagnosis needs a small request; a bigger body is a mistake (or /dev/zero). */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function parseHeader(raw: string): { name: string; value: string } {
  const i = raw.indexOf(':');
  // The value may be a key: the message shows only the first word of what was typed.
  if (i <= 0) throw new UsageError(`-H "${raw.trim().split(/\s+/)[0]!.slice(0, 60)} …" is not a header: write it as "Name: value"`);
  const name = raw.slice(0, i).trim();
  const value = raw.slice(i + 1).trim();
  if (!TOKEN.test(name)) throw new UsageError(`-H: "${name}" is not a valid header name`);
  if (/[\r\n\0]/.test(value)) throw new UsageError(`-H ${name}: the value contains a line break or NUL`);
  return { name, value };
}

/** `ip`, `ip:port`, `[v6]:port` or a bare IPv6 address (port 53 by default). */
export function parseDnsServer(flag: string, raw: string): string {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(raw);
  let host: string;
  let port = '53';
  if (m) {
    host = m[1]!;
    if (m[2]) port = m[2];
  } else if (net.isIPv6(raw)) {
    host = raw;
  } else {
    const parts = raw.split(':');
    host = parts[0]!;
    if (parts.length === 2) port = parts[1]!;
    else if (parts.length > 2) throw new UsageError(`--${flag} "${raw}": write IPv6 servers as [addr]:port`);
  }
  if (!net.isIP(host)) throw new UsageError(`--${flag} "${raw}": give the server's IP address, not a name`);
  const p = Number(port);
  if (!/^\d+$/.test(port) || p < 1 || p > 65535) throw new UsageError(`--${flag} "${raw}": bad port`);
  return net.isIPv6(host) ? `[${host}]:${p}` : `${host}:${p}`;
}

export function parseResolve(raw: string): { host: string; port: number; address: string } {
  const first = raw.indexOf(':');
  const second = first < 0 ? -1 : raw.indexOf(':', first + 1);
  if (first <= 0 || second < 0) throw new UsageError(`--resolve "${raw}": write it as host:port:address`);
  const host = raw.slice(0, first).toLowerCase();
  const portRaw = raw.slice(first + 1, second);
  let address = raw.slice(second + 1);
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const port = Number(portRaw);
  if (!/^\d+$/.test(portRaw) || port < 1 || port > 65535) throw new UsageError(`--resolve "${raw}": bad port "${portRaw}"`);
  if (!net.isIP(address)) throw new UsageError(`--resolve "${raw}": "${address}" is not an IP address`);
  return { host, port, address };
}

export function parseAuth(raw: string): AuthPlacement {
  if (raw === 'bearer') return { kind: 'bearer' };
  if (raw === 'basic') return { kind: 'basic' };
  if (raw.startsWith('header:')) {
    const name = raw.slice('header:'.length);
    if (!TOKEN.test(name)) throw new UsageError(`--auth header:<Name>: "${name}" is not a valid header name`);
    return { kind: 'header', name };
  }
  if (raw.startsWith('query:')) {
    const param = raw.slice('query:'.length);
    if (!param) throw new UsageError('--auth query:<param>: the parameter name is missing');
    return { kind: 'query', param };
  }
  throw new UsageError(`--auth "${raw}": use bearer, basic, header:<Name> or query:<param>`);
}

/** Turns `diagnose` arguments into a DiagnosisRequest, or throws UsageError with a one-line reason. */
export function parseDiagnoseArgs(args: string[], cwd: string): DiagnoseCli {
  let parsed;
  try {
    parsed = parseArgs({ args, options: DIAGNOSE_OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  const { values: v, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`diagnose takes one URL, got ${positionals.length}: ${positionals.join(' ')}`);
  const url = parseTargetUrl(positionals[0]);

  const provider = (v.provider ?? 'auto') as ProviderChoice;
  if (!PROVIDERS.includes(provider)) throw new UsageError(`--provider "${v.provider}": use one of ${PROVIDERS.join(', ')}`);
  const lang = (v.lang ?? 'en') as Lang;
  if (!LANGS.includes(lang)) throw new UsageError(`--lang "${v.lang}": use en or zh-CN`);
  if (v.proxy !== undefined && v['no-proxy']) throw new UsageError('--proxy and --no-proxy contradict each other');
  if (v.proxy !== undefined) {
    try {
      const p = new URL(v.proxy);
      if (!['http:', 'https:', 'socks5:', 'socks5h:', 'socks4:', 'socks4a:', 'socks:'].includes(p.protocol)) throw new Error();
    } catch {
      throw new UsageError(`--proxy "${redactTyped(v.proxy)}" is not a proxy URL, e.g. http://proxy.example:8080`);
    }
  }
  if (v.credential !== undefined && v['token-env'] !== undefined) throw new UsageError('use either --credential or --token-env, not both');
  let credential: CredentialRef = { kind: 'none' };
  if (v.credential !== undefined) credential = { kind: 'keychain', name: v.credential };
  if (v['token-env'] !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v['token-env'])) throw new UsageError(`--token-env "${v['token-env']}" is not an environment variable name`);
    credential = { kind: 'env', variable: v['token-env'] };
  }
  if ((v['oauth-token-url'] === undefined) !== (v['oauth-client-id'] === undefined)) {
    throw new UsageError('--oauth-token-url and --oauth-client-id go together');
  }
  let oauth: DiagnosisRequest['oauth'];
  if (v['oauth-token-url'] !== undefined && v['oauth-client-id'] !== undefined) {
    try {
      parseTargetUrl(v['oauth-token-url']);
    } catch (e) {
      throw new UsageError(`--oauth-token-url: ${(e as Error).message}`);
    }
    if (credential.kind === 'none') throw new UsageError('OAuth needs the client secret: add --credential NAME or --token-env VAR');
    oauth = { tokenUrl: v['oauth-token-url'], clientId: v['oauth-client-id'] };
  }
  const method = (v.method ?? DEFAULTS.method).toUpperCase();
  if (!TOKEN.test(method)) throw new UsageError(`-X "${v.method}" is not an HTTP method`);

  let body: string | undefined;
  if (v.data !== undefined) {
    body = v.data.startsWith('@') ? readInputFile(`-d ${v.data}`, path.resolve(cwd, v.data.slice(1)), MAX_BODY_BYTES) : v.data;
  }
  let caFile: string | undefined;
  if (v['ca-file'] !== undefined) {
    caFile = path.resolve(cwd, v['ca-file']);
    assertPemCertificates('--ca-file', caFile, readInputFile('--ca-file', caFile, MAX_CA_FILE_BYTES));
  }

  const request = defaultRequest(url.href, {
    method,
    headers: (v.header ?? []).map(parseHeader),
    ...(body !== undefined ? { body } : {}),
    provider,
    credential,
    ...(v.auth !== undefined ? { auth: parseAuth(v.auth) } : {}),
    ...(oauth ? { oauth } : {}),
    dnsServers: (v['dns-server'] ?? []).map((s) => parseDnsServer('dns-server', s)),
    referenceDns: (v['reference-dns'] ?? []).map((s) => parseDnsServer('reference-dns', s)),
    resolve: (v.resolve ?? []).map(parseResolve),
    ...(v['no-proxy'] ? { proxy: null } : v.proxy !== undefined ? { proxy: v.proxy } : {}),
    ...(caFile ? { caFile } : {}),
    timeoutMs: int('timeout', v.timeout, DEFAULTS.timeoutMs, 100, 600_000),
    samples: int('samples', v.samples, DEFAULTS.samples, 1, 100),
    ...(v.samples !== undefined ? { samplesExplicit: true } : {}),
    slowMs: int('slow-ms', v['slow-ms'], DEFAULTS.slowMs, 1, 600_000),
    stream: v.stream ?? false,
    ...(v.completion ? { completion: true } : {}),
    lang,
    ...(v.client !== undefined ? { client: parseClient(v.client) } : {}),
  });
  return { request, json: v.json ?? false, ...(v.bundle !== undefined ? { bundle: path.resolve(cwd, v.bundle) } : {}) };
}

/** --client: one of the matrix's clients (contract section 7). */
function parseClient(raw: string): ClientId {
  if (!isClientId(raw)) throw new UsageError(`--client "${raw}" is not known; use one of ${CLIENT_IDS.join(', ')}`);
  return raw;
}
