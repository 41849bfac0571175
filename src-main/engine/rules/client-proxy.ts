import type { FindingDraft, StageRules } from '../probe.js';
import { PATHS_PROBE_ID } from '../probes/paths.js';
import { redactUserinfo } from '../net/address.js';
import { ENV_PROXY_SINCE, nodeAtLeast } from '../clients/node-version.js';

const shown = (url: string): string => {
  try {
    return redactUserinfo(new URL(url));
  } catch {
    return url;
  }
};

/**
 * CLIENT_PROXY_IGNORED for the client named by --client: a proxy is configured, that client goes
 * direct, and both ways were measured. Error when only the proxy works, warn when both do
 * (contract section 6). Without --client the matrix carries it per client instead.
 */
export const clientProxyRules: StageRules = (view) => {
  const client = view.request.client;
  if (client === undefined || view.request.proxy !== undefined) return [];
  const r = view.result(PATHS_PROBE_ID);
  if (!r || r.status !== 'ok') return [];
  const cr = r.data.routes[client];
  if (!cr.ignored || cr.route?.kind !== 'direct') return [];
  const direct = r.data.paths.direct;
  const viaProxy = r.data.paths[cr.ignored.url];
  if (!direct || viaProxy?.ok !== true || direct.ok === null) return [];
  const draft: FindingDraft = {
    code: 'CLIENT_PROXY_IGNORED',
    evidence: {
      client,
      proxy: shown(cr.ignored.url),
      source: cr.ignored.source,
      why: cr.why,
      nodeVersion: r.data.nodeVersion,
      nodeHasEnvProxy: nodeAtLeast(r.data.nodeVersion, ENV_PROXY_SINCE),
      direct: direct.ok ? 'ok' : (direct.code ?? direct.errno ?? 'failed'),
      directError: direct.ok ? null : direct.message,
      viaProxy: 'ok',
    },
  };
  if (direct.ok) draft.severity = 'warn';
  return [draft];
};
