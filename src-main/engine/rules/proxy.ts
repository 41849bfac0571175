import type { FindingDraft, StageRules } from '../probe.js';
import { PROBE_IDS } from '../probe-data.js';
import { redactUserinfo, targetPort as targetPortOf } from '../net/address.js';
import { correctedProxyUrl } from '../net/proxy-scheme.js';
import { containerHint } from './proxy-container.js';

const shown = (url: string) => {
  try {
    return redactUserinfo(new URL(url));
  } catch {
    return url;
  }
};

/** SOCKS5 replies (the `socks` package's names) saying the proxy could not reach the target; `NotAllowed` and `Failure` stay PROXY_REJECTED. */
const SOCKS_UPSTREAM_REPLIES = new Set(['NetworkUnreachable', 'HostUnreachable', 'ConnectionRefused', 'TTLExpired']);

/**
 * Every proxy finding names the OS proxy when the run did not take it (the environment's or the
 * user's proxy won): the data behind the wizard's "Use the proxy from the system settings".
 */
export const proxyRules: StageRules = (view) => {
  const sys = view.result(PROBE_IDS.proxy)?.data?.systemProxy ?? null;
  const found = proxyFindings(view);
  return sys === null ? found : found.map((f) => ({ ...f, evidence: { ...f.evidence, systemProxy: shown(sys) } }));
};

const proxyFindings: StageRules = (view) => {
  const r = view.result(PROBE_IDS.proxy);
  if (!r || r.status === 'skipped' || !r.data) return [];
  const d = r.data;
  const sys = d.system ?? null;
  if (d.proxyUrl === null) {
    // The OS says "ask this PAC script" (or WPAD): we went direct without evaluating it, and say so.
    if (sys && (sys.mode === 'pac' || sys.mode === 'wpad') && d.source === null) {
      return [{ code: 'PROXY_IN_USE', evidence: { proxy: null, source: 'system', systemSource: sys.source, pacUrl: sys.pacUrl, pacEvaluated: false, noProxy: d.noProxy } }];
    }
    return [];
  }
  const out: FindingDraft[] = [];
  const proxy = shown(d.proxyUrl);
  out.push({ code: 'PROXY_IN_USE', evidence: { proxy, source: d.source, noProxy: d.noProxy, ...(d.source === 'system' && sys ? { systemSource: sys.source } : {}) } });
  // Only a proxy picked up from the environment or the OS is a surprise; --proxy is the user's own choice.
  if (d.targetIsLocal && d.source !== 'flag') {
    out.push({ code: 'PROXY_INTERCEPTS_LOCAL', evidence: { proxy, source: d.source, host: view.target.hostname, noProxy: d.noProxy } });
  }
  const c = d.connect;
  if (!c || c.ok) return out;
  if (c.speaks) {
    const corrected = correctedProxyUrl(proxy, c.speaks);
    out.push({ code: 'PROXY_SCHEME_MISMATCH', evidence: { proxy, source: d.source, scheme: proxy.split(':')[0] ?? null, speaks: c.speaks, corrected, error: c.error?.message ?? null } });
    return out;
  }
  if (c.socks) {
    const s = c.socks;
    const socks = { scheme: s.scheme, remoteDns: s.remoteDns, reply: s.reply };
    if (c.socksFailure === 'auth') out.push({ code: 'PROXY_AUTH_REQUIRED', evidence: { proxy, source: d.source, status: null, proxyAuthenticate: null, scheme: s.scheme.startsWith('socks5') ? 'SOCKS5 username/password (RFC 1929)' : 'SOCKS4 user id', sentCredentials: s.sentCredentials, error: c.error?.message ?? null, socks } });
    // These replies come from a SOCKS server we reached: it tried the target and failed (RFC 1928 §6), like a proxy's own 5xx.
    else if (c.socksFailure === 'rejected' && s.reply !== null && SOCKS_UPSTREAM_REPLIES.has(s.reply)) out.push({ code: 'PROXY_UPSTREAM_FAILED', evidence: { proxy, source: d.source, status: null, statusText: s.reply, target: `${s.destination}:${targetPortOf(view.target)}`, error: c.error?.message ?? null, socks } });
    else if (c.socksFailure === 'rejected' || c.socksFailure === 'protocol') out.push({ code: 'PROXY_REJECTED', evidence: { proxy, source: d.source, status: null, statusText: s.reply, target: `${s.destination}:${targetPortOf(view.target)}`, error: c.error?.message ?? null, socks } });
    else if (c.socksFailure === 'unreachable') out.push({ code: 'PROXY_UNREACHABLE', evidence: { proxy, source: d.source, errno: c.error?.errno ?? null, error: c.error?.message ?? null, ms: c.ms, ...containerHint(view, proxy) } });
    return out;
  }
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
    out.push({ code: 'PROXY_UNREACHABLE', evidence: { proxy, source: d.source, errno: c.error?.errno ?? null, error: c.error?.message ?? null, ms: c.ms, ...containerHint(view, proxy) } });
  }
  return out;
};
