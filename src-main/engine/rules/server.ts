import { CODES } from '../../common/codes.js';
import { PROBE_IDS } from '../probe-data.js';
import type { FindingDraft, RunView, StageRules } from '../probe.js';
import { printableEvidence } from '../http/printable.js';
import { isSampleFailure } from '../server/sample-class.js';
import { completionFinding, rateBudgetFindings } from './provider-findings.js';
import { streamBuffered } from '../server/stream-buffering.js';

/**
 * Every finding of the server stage (the answer's 429/5xx meaning, latency and error rate over the samples, and the stream), with server-quoted text made safe to
 * print.
 */
export const serverRules: StageRules = (view) => rawServerRules(view).map((d) => ({ code: d.code, evidence: printableEvidence(d.evidence) }));

const rawServerRules = (view: RunView): FindingDraft[] => {
  const out: FindingDraft[] = [];
  const h = view.result(PROBE_IDS.http)?.data;
  if (h?.verdict && CODES[h.verdict.code].stage === 'server') out.push(h.verdict);
  out.push(...completionFinding(view), ...rateBudgetFindings(view));

  const s = view.result(PROBE_IDS.server);
  if (s?.status === 'ok' && s.data) {
    const d = s.data;
    const slowMs = view.request.slowMs;
    const ttfbs = d.samples.map((x) => x.ttfbMs).filter((x): x is number => x !== null);
    if (d.p50TtfbMs !== null && d.p50TtfbMs > slowMs) {
      out.push({ code: 'SERVER_SLOW', evidence: { p50TtfbMs: d.p50TtfbMs, p90TtfbMs: d.p90TtfbMs, maxTtfbMs: d.maxTtfbMs, slowMs, samples: ttfbs.length, url: d.sampled.url } });
    }
    const failed = d.samples.filter((x) => isSampleFailure(x.code, x.status));
    if (failed.length > 0 && failed.length < d.samples.length && d.samples.length >= 2) {
      out.push({
        code: 'SERVER_FLAKY',
        evidence: { samples: d.samples.length, failures: failed.length, errorRate: d.errorRate, outcomes: d.samples.map((x) => (x.code && isSampleFailure(x.code, x.status) ? `${x.status ?? 'no answer'} ${x.code}` : String(x.status))), url: d.sampled.url },
      });
    }
  }

  const st = view.result(PROBE_IDS.stream);
  if (st?.status === 'ok' && st.data && !st.data.refused) {
    const d = st.data;
    if (d.error) out.push({ code: 'STREAM_ERROR_EVENT', evidence: { url: d.url, status: d.status, events: d.events, firstEventMs: d.firstEventMs, message: d.error } });
    else if (!d.ended) out.push({ code: 'STREAM_INTERRUPTED', evidence: { url: d.url, events: d.events, firstEventMs: d.firstEventMs, totalMs: d.totalMs, cut: d.cut } });
    const buffered = streamBuffered(d);
    if (buffered) out.push(buffered);
  }
  return out;
};

