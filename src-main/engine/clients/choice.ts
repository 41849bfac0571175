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

/** The client a run is judged as: --client, else curl (contract section 8). */
export const runClient = (request: Pick<DiagnosisRequest, 'client'>): ClientId => request.client ?? 'curl';

/** Words for the OS proxy or variable a client does not read (the proxy probe's "direct (…)"). */
const notRead = (client: ClientId, source: string): string => `${client} does not read ${source === 'system' ? 'the OS proxy settings' : source.replace(/^env:/, '')}`;

/**
 * The proxy the engine's own run uses: `--proxy`/`--no-proxy` when given, else exactly the route
 * the matrix computes for the run's client (routes.ts), so the verdict and that client's row can
 * never disagree. The default is curl: the environment with curl's precedence and NO_PROXY, never
 * the OS settings (curl does not read them); `--client browser` goes through the OS proxy.
 */
export async function proxyChoiceFor(request: Pick<DiagnosisRequest, 'proxy' | 'client'>, env: NodeJS.ProcessEnv, target: URL, resolveSystemProxy: (url: string) => Promise<string | null>): Promise<ProxyChoice> {
  if (request.proxy !== undefined) return chooseProxy(request.proxy, env, target);
  const client = runClient(request);
  // The OS answer is read even for curl: its route ignores it, and the run says so (CLIENT_PROXY_IGNORED).
  const cr = (await routesFor(env, target, resolveSystemProxy)).routes[client];
  const fromEnv = proxyFromEnv(env, target);
  const noProxy = fromEnv.noProxy;
  // The OS proxy could not be read for a client that follows it: the environment is the best guess.
  if (cr.route === null) return chooseProxy(undefined, env, target);
  if (cr.route.kind === 'proxy') return { proxyUrl: cr.route.url, source: cr.route.source, noProxy };
  if (cr.why === 'env-bypassed') return { proxyUrl: null, source: fromEnv.source ?? 'env', noProxy, bypassedBy: fromEnv.bypassedBy ?? 'NO_PROXY' };
  if (cr.ignored) return { proxyUrl: null, source: `client:${client}`, noProxy, bypassedBy: notRead(client, cr.ignored.source) };
  return { proxyUrl: null, source: null, noProxy };
}
