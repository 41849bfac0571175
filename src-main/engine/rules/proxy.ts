import type { FindingDraft, StageRules } from '../probe.js';
import { PROBE_IDS } from '../probe-data.js';
import { redactUserinfo, type ProxyProbeData } from '../probes/proxy.js';

const shown = (url: string) => {
  try {
    return redactUserinfo(new URL(url));
  } catch {
    return url;
  }
};

export const proxyRules: StageRules = (view) => {
  const r = view.result<ProxyProbeData>(PROBE_IDS.proxy);
  if (!r || r.status === 'skipped' || !r.data) return [];
  const d = r.data;
  if (d.proxyUrl === null) return [];
  const out: FindingDraft[] = [];
  const proxy = shown(d.proxyUrl);
  out.push({ code: 'PROXY_IN_USE', evidence: { proxy, source: d.source, noProxy: d.noProxy } });
  // Only a proxy picked up from the environment or the OS is a surprise; --proxy is the user's own choice.
  if (d.targetIsLocal && d.source !== 'flag') {
    out.push({ code: 'PROXY_INTERCEPTS_LOCAL', evidence: { proxy, source: d.source, host: view.target.hostname, noProxy: d.noProxy } });
  }
  const c = d.connect;
  if (!c || c.ok) return out;
  // A 401 the proxy wrote itself (tinyproxy's answer to CONNECT without a login) asks for the proxy's login too.
  if (c.status === 407 || (c.status === 401 && (c.mode !== 'absolute' || c.proxyProduct || c.proxyError))) {
    const scheme = c.authenticate?.split(/\s+/)[0] ?? null;
    out.push({ code: 'PROXY_AUTH_REQUIRED', evidence: { proxy, source: d.source, status: c.status, statusText: c.statusText, proxyAuthenticate: c.authenticate, scheme, sentCredentials: c.sentCredentials } });
  } else if (c.status !== null) {
    const target = `${view.target.hostname}:${view.target.port || (view.target.protocol === 'https:' ? 443 : 80)}`;
    const said = { ...(c.proxyError ? { proxyError: c.proxyError } : {}), ...(c.proxyProduct ? { proxyProduct: c.proxyProduct } : {}), asked: c.mode === 'absolute' ? 'absolute-form' : 'CONNECT' };
    // A 5xx the proxy wrote itself is its failure to resolve or reach the target; only a 4xx (403) is its policy.
    const code = c.status >= 500 ? 'PROXY_UPSTREAM_FAILED' : 'PROXY_REJECTED';
    out.push({ code, evidence: { proxy, source: d.source, status: c.status, statusText: c.statusText, target, ...said } });
  } else if (c.error?.code === 'PROXY_REJECTED') {
    out.push({ code: 'PROXY_REJECTED', evidence: { proxy, source: d.source, status: null, error: c.error.message } });
  } else {
    out.push({ code: 'PROXY_UNREACHABLE', evidence: { proxy, source: d.source, errno: c.error?.errno ?? null, error: c.error?.message ?? null, ms: c.ms } });
  }
  return out;
};
