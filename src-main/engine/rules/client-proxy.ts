import type { FindingDraft, StageRules } from '../probe.js';
import { PATHS_PROBE_ID } from '../probes/paths.js';
import { redactUserinfo } from '../net/address.js';
import { ENV_PROXY_SINCE, nodeAtLeast } from '../clients/node-version.js';
import { runClient } from '../clients/choice.js';
import { PROBE_IDS } from '../probe-data.js';

const shown = (url: string): string => {
  try {
    return redactUserinfo(new URL(url));
  } catch {
    return url;
  }
};

/**
 * CLIENT_PROXY_IGNORED for the run's client (--client, default curl): a proxy is configured (the
 * environment, or the OS settings curl never reads), that client goes direct, and both ways were
 * measured. Error when only the proxy works, warn when both do (contract section 6). The other
 * clients' rows in the matrix carry it for them.
 */
export const clientProxyRules: StageRules = (view) => {
  if (view.request.proxy !== undefined) return [];
  const client = runClient(view.request);
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
      // Where the OS proxy is set (gsettings, kioslaverc, scutil, registry), when the CLI read it.
      ...(cr.ignored.source === 'system' ? { systemSource: view.result(PROBE_IDS.proxy)?.data?.system?.source ?? null } : {}),
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
