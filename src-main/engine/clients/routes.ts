import type { ClientId } from '../../common/clients.js';
import { noProxyMatch, normalizeProxyUrl, proxyFromEnv, proxyFromPac } from '../net/proxy-env.js';
import { ENV_PROXY_SINCE, nodeAtLeast } from './node-version.js';

/**
 * Which way each client's request leaves this machine: direct or through which proxy, read from
 * the sources that client reads (docs/clients.md cites each rule). Pure: the environment, the OS
 * proxy answer and the Node major come in as data.
 */

export type Route = { kind: 'direct' } | { kind: 'proxy'; url: string; source: string };

export interface ClientRoute {
  /** null: this client's route cannot be known here (e.g. the OS proxy was not readable). */
  route: Route | null;
  /** A proxy configured for this machine that this client does not read (CLIENT_PROXY_IGNORED). */
  ignored: { url: string; source: string } | null;
  /** Why, in a word the text module turns into a sentence. */
  why: RouteWhy;
}

export type RouteWhy =
  | 'env' // the client reads the proxy variables
  | 'env-bypassed' // a proxy is set but NO_PROXY exempts this host
  | 'no-proxy-set'
  | 'system' // the OS proxy (PAC answer)
  | 'system-unknown' // the OS proxy could not be read here
  | 'system-fallback-env' // Chromium on Linux without desktop settings reads the environment
  | 'node-no-env-proxy' // fetch ignores the variables (NODE_USE_ENV_PROXY unset, or a Node without it)
  | 'node-env-proxy'; // NODE_USE_ENV_PROXY=1 / --use-env-proxy on Node ≥ 24 or ≥ 22.21

export interface RouteInputs {
  env: NodeJS.ProcessEnv;
  target: URL;
  /** The OS proxy for the URL in PAC form ("DIRECT", "PROXY h:p"); null when unknown. */
  systemPac: string | null;
  /** The Node version whose fetch is judged (process.versions.node). */
  nodeVersion: string;
  /** process.platform: Python's urllib reads the OS proxy on macOS and Windows when the environment has none. */
  os: NodeJS.Platform;
}

export const routeKey = (r: Route): string => (r.kind === 'direct' ? 'direct' : r.url);

/** Reads `name` the way Python's urllib and undici do: lower case first, then upper case. */
function lowerFirst(env: NodeJS.ProcessEnv, name: string): { name: string; value: string } | null {
  for (const n of [name.toLowerCase(), name.toUpperCase()]) {
    const v = env[n];
    if (v !== undefined && v.trim() !== '') return { name: n, value: v.trim() };
  }
  return null;
}

/**
 * Python's requests/httpx via urllib.request.getproxies(): `https_proxy`/`HTTPS_PROXY` for https,
 * `http_proxy`/`HTTP_PROXY` for http (curl ignores the upper-case one), then `all_proxy`; NO_PROXY
 * exempts hosts by suffix as curl does.
 * https://github.com/psf/requests/blob/main/src/requests/utils.py (get_environ_proxies, select_proxy)
 */
function pythonEnvProxy(env: NodeJS.ProcessEnv, target: URL): { route: Route; bypassed: boolean } | null {
  const scheme = target.protocol === 'https:' ? 'https_proxy' : 'http_proxy';
  const chosen = lowerFirst(env, scheme) ?? lowerFirst(env, 'all_proxy');
  if (!chosen) return null;
  const noProxy = lowerFirst(env, 'no_proxy');
  if (noProxy && noProxyMatch(noProxy.value, target) !== null) return { route: { kind: 'direct' }, bypassed: true };
  return { route: { kind: 'proxy', url: normalizeProxyUrl(chosen.value), source: `env:${chosen.name}` }, bypassed: false };
}

/**
 * Node's built-in proxy support (Node ≥ 24.0 / 22.21 with NODE_USE_ENV_PROXY=1, or --use-env-proxy):
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY, lower case first as undici's EnvHttpProxyAgent reads them.
 * https://nodejs.org/api/cli.html#node_use_env_proxy1
 */
function nodeUsesEnvProxy(env: NodeJS.ProcessEnv, nodeVersion: string): boolean {
  if (!nodeAtLeast(nodeVersion, ENV_PROXY_SINCE)) return false;
  return env.NODE_USE_ENV_PROXY === '1' || /(^|\s)--use-env-proxy(\s|$)/.test(env.NODE_OPTIONS ?? '');
}

function systemRoute(pac: string | null): Route | null {
  if (pac === null) return null;
  const url = proxyFromPac(pac);
  return url === null ? { kind: 'direct' } : { kind: 'proxy', url, source: 'system' };
}

/** The route each client takes, and the proxy it would ignore. */
export function clientRoutes(clients: readonly ClientId[], inp: RouteInputs): Record<ClientId, ClientRoute> {
  const curlEnv = proxyFromEnv(inp.env, inp.target);
  const pyEnv = pythonEnvProxy(inp.env, inp.target);
  const sys = systemRoute(inp.systemPac);
  // Whatever proxy this machine has configured anywhere: what a client "ignores" when it goes direct.
  const configured: { url: string; source: string } | null =
    pyEnv?.route.kind === 'proxy' ? { url: pyEnv.route.url, source: pyEnv.route.source } : sys?.kind === 'proxy' ? { url: sys.url, source: 'system' } : null;
  const direct = (why: RouteWhy): ClientRoute => ({ route: { kind: 'direct' }, ignored: configured, why });
  const byPython = (): ClientRoute => {
    if (pyEnv) return pyEnv.bypassed ? { route: { kind: 'direct' }, ignored: null, why: 'env-bypassed' } : { route: pyEnv.route, ignored: null, why: 'env' };
    // urllib.request.getproxies() falls back to the registry (Windows) and SystemConfiguration (macOS).
    if (inp.os === 'win32' || inp.os === 'darwin') return sys ? { route: sys, ignored: null, why: 'system' } : { route: null, ignored: null, why: 'system-unknown' };
    return direct('no-proxy-set');
  };
  const out = {} as Record<ClientId, ClientRoute>;
  for (const id of clients) {
    switch (id) {
      case 'curl':
        if (curlEnv.proxyUrl !== null) out[id] = { route: { kind: 'proxy', url: curlEnv.proxyUrl, source: curlEnv.source ?? 'env' }, ignored: null, why: 'env' };
        else if (curlEnv.bypassedBy) out[id] = { route: { kind: 'direct' }, ignored: null, why: 'env-bypassed' };
        else out[id] = direct('no-proxy-set');
        break;
      case 'browser':
        if (sys) out[id] = { route: sys, ignored: null, why: 'system' };
        else if (inp.os === 'linux') {
          // Chromium on Linux without GNOME/KDE proxy settings uses the environment variables.
          out[id] = pyEnv ? { route: pyEnv.route, ignored: null, why: 'system-fallback-env' } : { route: { kind: 'direct' }, ignored: null, why: 'system-fallback-env' };
        } else out[id] = { route: null, ignored: null, why: 'system-unknown' };
        break;
      case 'node':
      case 'openai-node':
        if (nodeUsesEnvProxy(inp.env, inp.nodeVersion)) {
          out[id] = pyEnv ? (pyEnv.bypassed ? { route: { kind: 'direct' }, ignored: null, why: 'env-bypassed' } : { route: pyEnv.route, ignored: null, why: 'node-env-proxy' }) : direct('no-proxy-set');
        } else out[id] = configured ? direct('node-no-env-proxy') : direct('no-proxy-set');
        break;
      case 'python-requests':
      case 'python-httpx':
      case 'openai-python':
      case 'anthropic-python':
        out[id] = byPython();
        break;
    }
  }
  return out;
}
