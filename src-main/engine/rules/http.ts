import { CODES } from '../../common/codes.js';
import { sayText } from '../../report/text/index.js';
import type { Evidence } from '../../common/report.js';
import type { HttpProbeData } from '../http/types.js';
import { PROBE_IDS } from '../probe-data.js';
import type { FindingDraft, RunView, StageRules } from '../probe.js';
import { printableEvidence } from '../http/printable.js';
import { redirectChangedMethod } from './redirect-method.js';

/** Clock differences below this are normal drift; above it, signatures and tokens start failing. */
export const CLOCK_SKEW_LIMIT_S = 60;

/**
 * Every finding of the http stage (how the exchange itself went: timeouts, resets, redirects,
 * status, content; and the clock), with server-quoted text made safe to print.
 */
export const httpRules: StageRules = (view) => rawHttpRules(view).map((d) => ({ code: d.code, evidence: printableEvidence(d.evidence) }));

const rawHttpRules = (view: RunView): FindingDraft[] => {
  const r = view.result(PROBE_IDS.http);
  if (!r || r.status === 'skipped') return [];
  const d = r.data;
  // The runner cut the probe off at its budget: no data, but "no answer in time" is the finding.
  if (!d) return r.status === 'failed' ? [{ code: 'HTTP_HEADERS_TIMEOUT', evidence: { url: view.target.href, timeoutMs: view.request.timeoutMs, reason: sayText(r.reason, 'en') } }] : [];
  const out: FindingDraft[] = [];
  const e = d.error;
  if (e && !e.code) {
    // An error nothing classified must still fail the verdict, never read as "every check passed".
    out.push({ code: e.afterHeaders ? 'HTTP_CONNECTION_RESET' : 'HTTP_EMPTY_REPLY', evidence: { url: e.url, errno: e.errno, message: e.message.slice(0, 300), unclassified: true, ...(e.afterHeaders ? { afterHeaders: true, status: e.status } : {}) } });
  }
  if (e?.code) {
    const ev: Evidence = { url: e.url, errno: e.errno, message: e.message.slice(0, 300) };
    switch (e.code) {
      case 'HTTP_HEADERS_TIMEOUT':
        out.push({ code: e.code, evidence: { url: e.url, timeoutMs: e.timeoutMs } });
        break;
      case 'HTTP_BODY_TIMEOUT':
        out.push({ code: e.code, evidence: { url: e.url, status: e.status, timeoutMs: e.timeoutMs, receivedBytes: e.receivedBytes, ...(e.errno === 'BODY_BUDGET' ? { stillArriving: true } : {}) } });
        break;
      case 'HTTP_UNEXPECTED_CONTENT':
        out.push({ code: e.code, evidence: { url: e.url, status: e.status, contentType: null, title: null, protocolError: e.message.slice(0, 200) } });
        break;
      case 'HTTP_CONNECTION_RESET':
        out.push({ code: e.code, evidence: { ...ev, afterHeaders: e.afterHeaders, status: e.status } });
        break;
      default:
        // An earlier stage's failure met on this connection (refused, untrusted certificate, …): it is the cause.
        out.push({ code: e.code, evidence: ev });
    }
  }
  if (d.loop) out.push({ code: 'HTTP_REDIRECT_LOOP', evidence: { reason: d.loop.reason, chain: d.loop.chain.slice(0, 12), limit: 10 } });
  if (d.refused && d.answer) {
    out.push({ code: 'HTTP_UNEXPECTED_CONTENT', evidence: { url: d.answer.url, status: d.answer.status, contentType: d.answer.contentType, title: null, refusedRedirect: d.refused.location.slice(0, 200), scheme: d.refused.scheme } });
  }
  if (d.downgrade) out.push({ code: 'HTTP_HTTPS_DOWNGRADE', evidence: { from: d.downgrade.from, to: d.downgrade.to } });
  const changed = redirectChangedMethod(d);
  if (changed) out.push(changed);
  // The final 405 answers a GET the user never sent: the changed method already says why.
  if (d.verdict && CODES[d.verdict.code].stage === 'http' && !(changed && d.verdict.code === 'HTTP_METHOD_NOT_ALLOWED')) out.push(d.verdict);
  // An answer that means a tls-stage problem (nginx's "400 No required SSL certificate was sent"):
  // the tls rules ran before this answer existed, so it is reported from here, under its own stage.
  if (d.verdict && CODES[d.verdict.code].stage === 'tls') out.push(d.verdict);
  const skew = clockSkew(d);
  if (skew) out.push(skew);
  return out;
};

/** ENV_CLOCK_SKEW from the answer's Date header (second resolution, so only large gaps count). */
export function clockSkew(d: Pick<HttpProbeData, 'answer'>): FindingDraft | null {
  const a = d.answer;
  const date = a?.headers.date;
  if (!a || !date) return null;
  const server = Date.parse(date);
  if (!Number.isFinite(server)) return null;
  const skewSeconds = Math.round((a.receivedAt - server) / 1000);
  if (Math.abs(skewSeconds) <= CLOCK_SKEW_LIMIT_S) return null;
  return { code: 'ENV_CLOCK_SKEW', evidence: { skewSeconds, serverDate: date, localDate: new Date(a.receivedAt).toISOString() } };
}
