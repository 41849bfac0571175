import { CLIENT_IDS, type ClientId } from '../../common/clients.js';
import type { DiagnosisRequest } from '../../common/request.js';
import { chooseProxy, proxyFromEnv, type ProxyChoice } from '../net/proxy-env.js';
import { clientRoutes, type ClientRoute } from './routes.js';


async function systemPac(resolveSystemProxy: (url: string) => Promise<string | null>, target: URL): Promise<string | null> {
  try {
    return await resolveSystemProxy(target.href);
  } catch {
    return null;
  }
}

/** Every client's route for this target, from the same inputs the engine reads. */
export async function routesFor(env: NodeJS.ProcessEnv, target: URL, resolveSystemProxy: (url: string) => Promise<string | null>): Promise<{ routes: Record<ClientId, ClientRoute>; systemPac: string | null }> {
  const pac = await systemPac(resolveSystemProxy, target);
  return { routes: clientRoutes(CLIENT_IDS, { env, target, systemPac: pac, nodeVersion: process.versions.node, os: process.platform }), systemPac: pac };
}

/**
 * The proxy the engine's own run uses. Default (`curl`, or `--proxy`/`--no-proxy` given): flag,
 * then the environment, then the OS, as before. `--client X`: the sources X reads, so the run
 * meets what X would meet (a Node fetch goes direct although HTTPS_PROXY is set).
 */
export async function proxyChoiceFor(request: Pick<DiagnosisRequest, 'proxy' | 'client'>, env: NodeJS.ProcessEnv, target: URL, resolveSystemProxy: (url: string) => Promise<string | null>): Promise<ProxyChoice> {
  const client = request.client;
  if (client === undefined || client === 'curl' || request.proxy !== undefined) return chooseProxy(request.proxy, env, target, resolveSystemProxy);
  const { routes } = await routesFor(env, target, resolveSystemProxy);
  const cr = routes[client];
  const noProxy = proxyFromEnv(env, target).noProxy;
  if (cr.route === null) return chooseProxy(undefined, env, target, resolveSystemProxy);
  if (cr.route.kind === 'proxy') return { proxyUrl: cr.route.url, source: cr.route.source, noProxy };
  if (cr.ignored) return { proxyUrl: null, source: `client:${client}`, noProxy, bypassedBy: `${client} does not read ${cr.ignored.source.replace(/^env:/, '')}` };
  return { proxyUrl: null, source: cr.why === 'env-bypassed' ? 'env' : null, noProxy, ...(cr.why === 'env-bypassed' ? { bypassedBy: 'NO_PROXY' } : {}) };
}
