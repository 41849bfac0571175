import { CLIENT_IDS, isClientId, type ClientId } from '../common/clients.js';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS, type AuthPlacement, type CredentialRef, type DiagnosisRequest } from '../common/request.js';
import type { Lang } from '../common/report.js';
import { REQUEST_MESSAGES } from '../common/request-messages.js';
import { HTTP_TOKEN as TOKEN, REQUEST_LIMITS } from '../common/request-limits.js';
import { isIpAddress, normalizeDnsServer, targetUrlProblem, validateDiagnosisRequest } from '../common/request-schema.js';
import { UsageError } from './io.js';
import { assertPemCertificates, readInputFile } from './read-input.js';
import { redactTyped } from './redact-typed.js';

export interface DiagnoseCli {
  request: DiagnosisRequest;
  json: boolean;
  bundle?: string;
}

const LANGS: readonly Lang[] = ['en', 'zh-CN'];

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

/** A number flag's syntax; its range is the shared schema's to judge. */
function int(name: string, raw: string | undefined, def: number): number {
  if (raw === undefined) return def;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} needs a whole number, got "${raw}"`);
  return Number(raw);
}

/** Parses a target URL by the shared rule (only http and https make sense for an API call). */
export function parseTargetUrl(raw: string | undefined, lang: Lang = 'en'): URL {
  if (raw === undefined || raw.trim() === '') throw new UsageError('diagnose needs a URL, e.g. api-doctor diagnose https://api.example.com/v1/models');
  const problem = targetUrlProblem(raw, lang);
  if (problem) throw new UsageError(problem);
  return new URL(raw.trim());
}

/** A system CA bundle is ~200 KB; anything past this is not a CA file. */
const MAX_CA_FILE_BYTES = 4 * 1024 * 1024;
/** A diagnosis needs a small request; a bigger body is a mistake (or /dev/zero). */
const MAX_BODY_BYTES = REQUEST_LIMITS.bodyBytes;

export function parseHeader(raw: string, lang: Lang = 'en'): { name: string; value: string } {
  const i = raw.indexOf(':');
  // The value may be a key: the message shows only the first word of what was typed.
  if (i <= 0) throw new UsageError(`-H "${raw.trim().split(/\s+/)[0]!.slice(0, 60)} …" is not a header: write it as "Name: value"`);
  const name = raw.slice(0, i).trim();
  const value = raw.slice(i + 1).trim();
  const m = REQUEST_MESSAGES[lang];
  if (!TOKEN.test(name)) throw new UsageError(m.headerName(name));
  if (/[\r\n\0]/.test(value)) throw new UsageError(m.headerValue(name));
  return { name, value };
}

/** `ip`, `ip:port`, `[v6]:port` or a bare IPv6 address (port 53 by default), by the shared rule. */
export function parseDnsServer(_flag: string, raw: string, lang: Lang = 'en'): string {
  const server = normalizeDnsServer(raw);
  if (server === null) throw new UsageError(REQUEST_MESSAGES[lang].dns(raw));
  return server;
}

export function parseResolve(raw: string, lang: Lang = 'en'): { host: string; port: number; address: string } {
  const first = raw.indexOf(':');
  const second = first < 0 ? -1 : raw.indexOf(':', first + 1);
  if (first <= 0 || second < 0) throw new UsageError(`--resolve "${raw}": write it as host:port:address`);
  const host = raw.slice(0, first).toLowerCase();
  const portRaw = raw.slice(first + 1, second);
  let address = raw.slice(second + 1);
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const port = Number(portRaw);
  const m = REQUEST_MESSAGES[lang];
  if (!/^\d+$/.test(portRaw) || port < 1 || port > 65535) throw new UsageError(m.port(portRaw));
  if (!isIpAddress(address)) throw new UsageError(m.ip(address));
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

/**
 * Turns `diagnose` arguments into a DiagnosisRequest, or throws UsageError with a one-line reason.
 * Here only the command line's own syntax is parsed (flag pairs, "Name: value", host:port:address,
 * files); what the request may hold is judged by the schema every face shares.
 */
export function parseDiagnoseArgs(args: string[], cwd: string): DiagnoseCli {
  let parsed;
  try {
    parsed = parseArgs({ args, options: DIAGNOSE_OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  const { values: v, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`diagnose takes one URL, got ${positionals.length}: ${positionals.join(' ')}`);
  const lang = (v.lang ?? 'en') as Lang;
  if (!LANGS.includes(lang)) throw new UsageError(`--lang "${v.lang}": use en or zh-CN`);
  const url = parseTargetUrl(positionals[0], lang);

  if (v.proxy !== undefined && v['no-proxy']) throw new UsageError('--proxy and --no-proxy contradict each other');
  if (v.credential !== undefined && v['token-env'] !== undefined) throw new UsageError('use either --credential or --token-env, not both');
  let credential: CredentialRef = { kind: 'none' };
  if (v.credential !== undefined) credential = { kind: 'keychain', name: v.credential };
  if (v['token-env'] !== undefined) credential = { kind: 'env', variable: v['token-env'] };
  if ((v['oauth-token-url'] === undefined) !== (v['oauth-client-id'] === undefined)) {
    throw new UsageError('--oauth-token-url and --oauth-client-id go together');
  }
  let oauth: DiagnosisRequest['oauth'];
  if (v['oauth-token-url'] !== undefined && v['oauth-client-id'] !== undefined) {
    // The schema refuses this too; here the sentence can name the flags.
    if (credential.kind === 'none') throw new UsageError('OAuth needs the client secret: add --credential NAME or --token-env VAR');
    oauth = { tokenUrl: v['oauth-token-url'], clientId: v['oauth-client-id'] };
  }

  let body: string | undefined;
  if (v.data !== undefined) {
    body = v.data.startsWith('@') ? readInputFile(`-d ${v.data}`, path.resolve(cwd, v.data.slice(1)), MAX_BODY_BYTES) : v.data;
  }
  let caFile: string | undefined;
  if (v['ca-file'] !== undefined) {
    caFile = path.resolve(cwd, v['ca-file']);
    assertPemCertificates('--ca-file', caFile, readInputFile('--ca-file', caFile, MAX_CA_FILE_BYTES));
  }

  const request = validateDiagnosisRequest(
    {
      url: url.href,
      method: v.method ?? DEFAULTS.method,
      headers: (v.header ?? []).map((h) => parseHeader(h, lang)),
      ...(body !== undefined ? { body } : {}),
      provider: v.provider ?? 'auto',
      credential,
      ...(v.auth !== undefined ? { auth: parseAuth(v.auth) } : {}),
      ...(oauth ? { oauth } : {}),
      dnsServers: v['dns-server'] ?? [],
      referenceDns: v['reference-dns'] ?? [],
      resolve: (v.resolve ?? []).map((r) => parseResolve(r, lang)),
      ...(v['no-proxy'] ? { proxy: null } : v.proxy !== undefined ? { proxy: v.proxy } : {}),
      ...(caFile ? { caFile } : {}),
      timeoutMs: int('timeout', v.timeout, DEFAULTS.timeoutMs),
      samples: int('samples', v.samples, DEFAULTS.samples),
      ...(v.samples !== undefined ? { samplesExplicit: true } : {}),
      slowMs: int('slow-ms', v['slow-ms'], DEFAULTS.slowMs),
      stream: v.stream ?? false,
      ...(v.completion ? { completion: true } : {}),
      ...(v.client !== undefined ? { client: parseClient(v.client) } : {}),
      lang,
    },
    lang,
  );
  // The sentence may echo what was typed (a URL with a key in it): redacted like every usage error.
  if (!request.ok) throw new UsageError(redactTyped(request.error.message));
  return { request: request.value, json: v.json ?? false, ...(v.bundle !== undefined ? { bundle: path.resolve(cwd, v.bundle) } : {}) };
}

/** --client: one of the matrix's clients (contract section 7). */
function parseClient(raw: string): ClientId {
  if (!isClientId(raw)) throw new UsageError(`--client "${raw}" is not known; use one of ${CLIENT_IDS.join(', ')}`);
  return raw;
}
