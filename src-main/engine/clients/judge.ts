import type { ClientId, ClientOutcome } from '../../common/clients.js';
import type { FindingCode, Severity } from '../../common/codes.js';
import type { StageId } from '../../common/stages.js';
import type { TextRef, TextValue } from '../../common/text-ref.js';
import { routeKey, type ClientRoute } from './routes.js';
import type { StoreKey } from './stores.js';
import type { PythonFacts } from './python.js';
import { SYSTEM_CA_ENV_SINCE, SYSTEM_CA_FLAG_SINCE, nodeAtLeast } from './node-version.js';

/**
 * The client rules table: from what the run measured (paths, which stores accept the chain, the
 * server's answer) and each client's documented defaults to one row per client. Pure and
 * table-tested; docs/clients.md cites the source of every rule below.
 */

/** One way out as the matrix sees it (the engine's own probes or the second-path probe). */
export interface PathOutcome {
  ok: boolean | null;
  code: FindingCode | null;
  errno: string | null;
  /** Which stores accept the chain presented on this path (https only). */
  trust: Partial<Record<StoreKey, boolean | null>>;
  hostnameError: string | null;
  /** Whether a chain was seen at all (false for http:// or a failed handshake). */
  chainSeen: boolean;
}

export interface MatrixFacts {
  https: boolean;
  routes: Record<ClientId, ClientRoute>;
  /** routeKey → what happened on that way out. */
  paths: Record<string, PathOutcome>;
  /** The route the engine's own run took (its HTTP answer belongs to it). */
  mainKey: string;
  /** Where each store came from, and why one is unknown. */
  stores: Partial<Record<StoreKey, { source: string | null; reason: string | null; reasonRef?: TextRef }>>;
  env: NodeJS.ProcessEnv;
  nodeVersion: string;
  python: PythonFacts;
  /** The engine's own findings after TLS (the server's answer is the same whichever way a client comes). */
  findings: { code: FindingCode; stage: StageId; severity: Severity }[];
  /** Did the engine send the request (the http stage ran)? */
  requestSent: boolean;
  ttfbMs: number | null;
}

export type ReasonKey =
  | 'route-unknown'
  | 'path-not-measured'
  | 'socks-unsupported'
  | 'path-failed'
  | 'proxy-ignored'
  | 'proxy-ignored-works'
  | 'trust-os-only'
  | 'trust-rejected'
  | 'trust-unknown'
  | 'tls-broken'
  | 'server-fails'
  | 'httpx-timeout'
  | 'no-happy-eyeballs'
  | 'degraded'
  | 'ok'
  | 'ok-not-sent'
  | 'python-missing';

export interface RowDraft {
  id: ClientId;
  outcome: ClientOutcome;
  code: FindingCode | null;
  /** The sentence's key and values: report/text/client-texts.ts words it (`client.<key>`). */
  reason: { key: ReasonKey; params: Record<string, TextValue> };
}

const PYTHON_CLIENTS: readonly ClientId[] = ['python-requests', 'python-httpx', 'openai-python', 'anthropic-python'];
const HTTPX_CLIENTS: readonly ClientId[] = ['python-httpx', 'openai-python', 'anthropic-python'];
/** httpx's default Timeout(5.0) (https://www.python-httpx.org/advanced/timeouts/); the SDKs raise it to 600 s. */
export const HTTPX_DEFAULT_TIMEOUT_MS = 5_000;

/** --use-system-ca (in NODE_OPTIONS) or NODE_USE_SYSTEM_CA=1 on a Node that has it: the OS store joins Node's. */
function nodeUsesSystemCa(env: NodeJS.ProcessEnv, nodeVersion: string): boolean {
  if (env.NODE_USE_SYSTEM_CA === '1' && nodeAtLeast(nodeVersion, SYSTEM_CA_ENV_SINCE)) return true;
  return nodeAtLeast(nodeVersion, SYSTEM_CA_FLAG_SINCE) && /(^|\s)--use-system-ca(\s|$)/.test(env.NODE_OPTIONS ?? '');
}

/** The stores a client trusts, from its documented defaults and the variables it reads. */
export function clientStores(id: ClientId, env: NodeJS.ProcessEnv, nodeVersion: string): StoreKey[] {
  const file = (v: string): StoreKey | null => {
    const p = env[v]?.trim();
    return p ? `file:${p}` : null;
  };
  switch (id) {
    case 'curl':
      // curl(1): CURL_CA_BUNDLE, then OpenSSL's SSL_CERT_FILE, then the bundle it was built with (the OS one).
      return [file('CURL_CA_BUNDLE') ?? file('SSL_CERT_FILE') ?? 'os'];
    case 'browser':
      return ['os'];
    case 'node':
    case 'openai-node':
      return ['node-bundled', 'node-extra', ...(nodeUsesSystemCa(env, nodeVersion) ? (['os'] as const) : [])];
    case 'python-requests':
      // requests.Session.merge_environment_settings: REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE, else certifi.
      return [file('REQUESTS_CA_BUNDLE') ?? file('CURL_CA_BUNDLE') ?? 'certifi'];
    default:
      // httpx (trust_env=True): SSL_CERT_FILE, else certifi.
      return [file('SSL_CERT_FILE') ?? 'certifi'];
  }
}

function trusts(path: PathOutcome, stores: StoreKey[]): boolean | null {
  let unknown = false;
  for (const s of stores) {
    const v = path.trust[s];
    if (v === true) return true;
    if (v === null || v === undefined) unknown = true;
  }
  return unknown ? null : false;
}

const routeName = (cr: ClientRoute): string => (cr.route === null ? '?' : cr.route.kind === 'direct' ? 'direct' : cr.route.url);
const TLS_TRUST_CODES: readonly FindingCode[] = ['TLS_OS_TRUST_ONLY', 'TLS_UNTRUSTED_CERT', 'TLS_INCOMPLETE_CHAIN'];
const LATE_STAGES: readonly StageId[] = ['http', 'auth', 'server'];

/** One row per client. */
export function judgeClients(ids: readonly ClientId[], f: MatrixFacts): RowDraft[] {
  return ids.map((id) => judgeOne(id, f));
}

function judgeOne(id: ClientId, f: MatrixFacts): RowDraft {
  const cr = f.routes[id];
  const row = (outcome: ClientOutcome, code: FindingCode | null, key: ReasonKey, params: RowDraft['reason']['params'] = {}): RowDraft => ({ id, outcome, code, reason: { key, params: { route: routeName(cr), why: cr.why, ...params } } });
  if (PYTHON_CLIENTS.includes(id) && !f.python.found) return row('unknown', null, 'python-missing', { python: f.python.python, detail: f.python.reasonRef ?? f.python.reason });
  if (cr.route === null) return row('unknown', null, 'route-unknown');
  const key = routeKey(cr.route);
  if (cr.route.kind === 'proxy') {
    const scheme = new URL(cr.route.url).protocol.slice(0, -1);
    if (scheme.startsWith('socks')) {
      // undici's proxy agents speak HTTP CONNECT only; requests needs PySocks, httpx socksio.
      if (id === 'node' || id === 'openai-node') return row('fail', null, 'socks-unsupported', { scheme, module: 'undici' });
      if (id === 'python-requests' && !f.python.modules.socks) return row('fail', null, 'socks-unsupported', { scheme, module: 'PySocks (pip install requests[socks])' });
      if (HTTPX_CLIENTS.includes(id)) {
        // httpx speaks SOCKS5 only (https://www.python-httpx.org/advanced/proxies/#socks), through socksio.
        if (scheme.startsWith('socks4')) return row('fail', null, 'socks-unsupported', { scheme, module: 'SOCKS4 support (httpx speaks SOCKS5 only)' });
        if (!f.python.modules.socksio) return row('fail', null, 'socks-unsupported', { scheme, module: 'socksio (pip install httpx[socks])' });
        if (scheme === 'socks5h' && f.python.httpxSocks5h === false) return row('fail', null, 'socks-unsupported', { scheme, module: 'a newer httpx (this one refuses socks5h://; use socks5://)' });
      }
    }
  }
  const path = f.paths[key];
  if (!path || path.ok === null) return row('unknown', null, 'path-not-measured');
  const ignoredWorks = cr.ignored ? f.paths[cr.ignored.url]?.ok === true : false;
  if (!path.ok) {
    if (cr.ignored && ignoredWorks) return row('fail', 'CLIENT_PROXY_IGNORED', 'proxy-ignored', { proxy: cr.ignored.url, source: cr.ignored.source, errno: path.errno ?? path.code });
    return row('fail', path.code, 'path-failed', { errno: path.errno ?? path.code });
  }
  let storeNote: string | null = null;
  if (f.https && path.chainSeen) {
    const stores = clientStores(id, f.env, f.nodeVersion);
    // python3 not asked: certifi's verdict is the one both its forms (Mozilla's list, the OS bundle) share.
    storeNote = stores.map((s) => (s === 'certifi' && f.python.notAsked ? 'certifi-either' : s)).join(',');
    const t = trusts(path, stores);
    if (t === null) {
      const why = stores.map((s) => f.stores[s]?.reasonRef ?? f.stores[s]?.reason).find((r) => r) ?? null;
      return row('unknown', null, 'trust-unknown', { stores: storeNote, detail: why });
    }
    if (t === false) {
      const osAccepts = path.trust.os === true;
      return osAccepts ? row('fail', 'TLS_OS_TRUST_ONLY', 'trust-os-only', { stores: storeNote }) : row('fail', 'TLS_UNTRUSTED_CERT', 'trust-rejected', { stores: storeNote });
    }
  }
  if (path.hostnameError) return row('fail', 'TLS_HOSTNAME_MISMATCH', 'tls-broken', { code: 'TLS_HOSTNAME_MISMATCH' });
  const tlsOther = f.findings.find((x) => x.stage === 'tls' && x.severity === 'error' && !TLS_TRUST_CODES.includes(x.code));
  if (tlsOther && key === f.mainKey) return row('fail', tlsOther.code, 'tls-broken', { code: tlsOther.code });
  const late = f.findings.find((x) => LATE_STAGES.includes(x.stage) && x.severity === 'error');
  if (late) return row('fail', late.code, 'server-fails', { code: late.code });
  if (HTTPX_CLIENTS.includes(id) && id === 'python-httpx' && f.ttfbMs !== null && f.ttfbMs > HTTPX_DEFAULT_TIMEOUT_MS) return row('fail', 'HTTP_HEADERS_TIMEOUT', 'httpx-timeout', { ttfbMs: Math.round(f.ttfbMs) });
  if (PYTHON_CLIENTS.includes(id) && cr.route.kind === 'direct' && f.findings.some((x) => x.code === 'TCP_IPV6_BROKEN')) return row('at-risk', 'TCP_IPV6_BROKEN', 'no-happy-eyeballs');
  if (cr.ignored && ignoredWorks) return row('ok', 'CLIENT_PROXY_IGNORED', 'proxy-ignored-works', { proxy: cr.ignored.url, source: cr.ignored.source });
  const warn = f.findings.find((x) => LATE_STAGES.includes(x.stage) && x.severity === 'warn');
  if (warn) return row('at-risk', warn.code, 'degraded', { code: warn.code });
  return row('ok', null, f.requestSent ? 'ok' : 'ok-not-sent', { stores: storeNote });
}
