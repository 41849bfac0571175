import { readFile } from 'node:fs/promises';
import os from 'node:os';
import tls from 'node:tls';
import type { JsonValue } from '../common/report.js';
import { APP_VERSION } from '../common/version.js';
import { redactUrl } from '../engine/redact.js';
import { parseResolvConf } from '../engine/net/resolv-conf.js';
import { proxyFromEnv } from '../engine/net/proxy-env.js';

/** Proxy variables as curl reads them, in the order it prefers them (lower case first). */
export const PROXY_VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'all_proxy', 'ALL_PROXY', 'no_proxy', 'NO_PROXY'] as const;
const CA_VARS = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE'] as const;

export interface EnvironmentDeps {
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  versions?: Partial<Record<string, string>>;
  /** The resolver configuration file; injectable for tests. */
  resolvConf?: () => Promise<string | null>;
  /** Certificates of the OS store (the app asks Electron); null when unknown. */
  systemCaCount?: () => Promise<number | null>;
  /** The diagnosed URL: the effective proxy depends on its scheme and on NO_PROXY. */
  target?: string;
  /** The run's --proxy (string) or --no-proxy (null); undefined: from the environment. */
  proxyFlag?: string | null;
}

/**
 * The proxy the run used, chosen by the engine's own proxyFromEnv (curl's precedence: lower-case
 * first, HTTP_PROXY never for https, NO_PROXY honoured), so environment.json cannot name another
 * proxy than the diagnosis took.
 */
function effectiveProxy(deps: EnvironmentDeps): { [k: string]: JsonValue } | null {
  if (deps.proxyFlag === null) return { value: null, source: 'flag:--no-proxy' };
  if (typeof deps.proxyFlag === 'string') return { value: redactUrl(deps.proxyFlag), source: 'flag' };
  let target: URL;
  try {
    target = new URL(deps.target ?? 'https://target.invalid/');
  } catch {
    target = new URL('https://target.invalid/');
  }
  const c = proxyFromEnv(deps.env, target);
  if (c.source === null) return null;
  return { value: c.proxyUrl === null ? null : redactUrl(c.proxyUrl), source: c.source, ...(c.bypassedBy ? { bypassedBy: c.bypassedBy } : {}) };
}

/**
 * `environment.json`: what about this machine shapes a diagnosis — OS, versions, proxy
 * settings and where they came from, resolvers, trust store. Proxy URLs are redacted here (user
 * and password), and the whole file again by the bundle's redactor.
 */
export async function collectEnvironment(deps: EnvironmentDeps): Promise<{ [k: string]: JsonValue }> {
  const platform = deps.platform ?? process.platform;
  const versions = deps.versions ?? process.versions;
  const proxy = PROXY_VARS.filter((v) => deps.env[v] !== undefined).map((variable) => ({
    variable,
    value: variable.toLowerCase() === 'no_proxy' ? deps.env[variable]! : redactUrl(deps.env[variable]!),
  }));
  let resolvers: JsonValue = null;
  if (platform !== 'win32') {
    const text = await (deps.resolvConf ?? (() => readFile('/etc/resolv.conf', 'utf8').catch(() => null)))();
    resolvers = text === null ? { source: '/etc/resolv.conf', error: 'not readable' } : { source: '/etc/resolv.conf', ...parseResolvConf(text) };
  }
  const systemCa = deps.systemCaCount ? await deps.systemCaCount().catch(() => null) : null;
  return {
    os: { platform, release: os.release(), arch: os.arch(), type: os.type() },
    versions: {
      apiDoctor: APP_VERSION,
      node: versions.node ?? null,
      openssl: versions.openssl ?? null,
      electron: versions.electron ?? null,
      chrome: versions.chrome ?? null,
      undici: versions.undici ?? null,
    },
    proxy: {
      variables: proxy,
      // What the run used for its target, and from where (the engine's own choice).
      effective: effectiveProxy(deps),
      noProxy: deps.env.no_proxy?.trim() ? deps.env.no_proxy : (deps.env.NO_PROXY ?? null),
    },
    resolvers,
    caStore: {
      nodeBundledCertificates: tls.rootCertificates.length,
      systemCertificates: systemCa,
      variables: CA_VARS.filter((v) => deps.env[v]).map((variable) => ({ variable, value: deps.env[variable]! })),
      nodeOptionsUseSystemCa: /--use-(system|openssl)-ca/.test(deps.env.NODE_OPTIONS ?? ''),
    },
    locale: { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, lang: deps.env.LANG ?? null },
  };
}
