import { sendPlanned } from '../http/planned-call.js';
import type { ProbeText } from '../../report/text/probe-texts.js';
import { summarize } from '../http/call.js';
import { judgeAnswer } from '../http/answer-finding.js';
import { PROBE_IDS } from '../probe-data.js';
import type { Probe, ProbeContext } from '../probe.js';
import { profileFor } from '../providers/index.js';
import type { ProbeRequest, ProviderProfile } from '../providers/types.js';
import { isEndEvent, SseParser, streamError } from '../server/sse.js';

export interface StreamProbeData {
  url: string;
  status: number | null;
  contentType: string | null;
  events: number;
  firstEventMs: number | null;
  /** When the last event arrived and when the response headers did (ms from the start, like firstEventMs). */
  lastEventMs?: number | null;
  headersMs?: number | null;
  /** The Server header of the answer: the gateway that may buffer it. */
  server?: string | null;
  totalMs: number;
  ended: boolean;
  error: string | null;
  /** Why the stream stopped without its end marker: 'closed' by the server, 'stalled', or our 'budget'. */
  cut: null | 'closed' | 'stalled' | 'budget';
  /** The streamed request was answered with an error instead of a stream (its finding, if any). */
  refused: { code: string | null; message: string | null } | null;
}

/** An endless stream ends here: long enough for a slow first token, bounded like every phase. */
const streamBudget = (r: { timeoutMs: number }) => r.timeoutMs * 3 + 1000;

/** `--stream`: one minimal streamed (SSE) request; time to first event, total, and what broke it. */
export const streamProbe: Probe<StreamProbeData> = {
  id: PROBE_IDS.stream,
  stage: 'server',
  dependsOn: [PROBE_IDS.http, PROBE_IDS.auth],
  budgetMs: streamBudget,
  notApplicable: (r) => (r.stream ? null : { code: 'stream.notApplicable' }),
  async run(ctx) {
    const provider = profileFor(ctx.request, ctx.target);
    const http = ctx.result(PROBE_IDS.http)?.data;
    const req = streamRequestFor(ctx, provider, http?.answer?.bodyText ?? null);
    if (!req) return { status: 'failed', data: emptyData(ctx.target.href), reason: { code: 'stream.noEndpoint' } };
    const parser = new SseParser();
    let events = 0;
    let firstEventMs: number | null = null;
    let lastEventMs: number | null = null;
    let ended = false;
    let error: string | null = null;
    const t0 = performance.now();
    const own = AbortSignal.timeout(Math.max(500, ctx.budgetMs - 500));
    const onEvents = (list: ReturnType<SseParser['feed']>): 'stop' | void => {
      for (const e of list) {
        events++;
        firstEventMs ??= Math.round(performance.now() - t0);
        lastEventMs = Math.round(performance.now() - t0);
        const err = streamError(e);
        if (err && !error) error = err;
        if (isEndEvent(e)) ended = true;
      }
      if (ended || error) return 'stop';
    };
    const { planned, out } = await sendPlanned(ctx, provider, {
      method: req.method,
      url: req.url,
      ...(req.body !== undefined ? { body: req.body } : {}),
      userHeaders: ctx.request.headers.filter((h) => h.name.toLowerCase() !== 'accept'),
      accept: 'text/event-stream',
      // The stream may run until our own budget (its end is what we wait for); the http probe's body budget would cut it short.
      over: { signal: AbortSignal.any([ctx.signal, own]), bodyBudgetMs: ctx.budgetMs, onText: (t) => onEvents(parser.feed(t)) },
    });
    if (!ended && !error) onEvents(parser.flush());
    const totalMs = Math.round(performance.now() - t0);
    const headersMs = out.headersAt != null ? Math.round(out.headersAt - t0) : null;
    const data: StreamProbeData = { url: out.url, status: out.status, contentType: out.contentType, events, firstEventMs, lastEventMs, headersMs, server: out.headers.server ?? null, totalMs, ended, error, cut: null, refused: null };
    if (out.status !== null && (out.status < 200 || out.status >= 300)) {
      const a = summarize(out, req.body ? Buffer.byteLength(req.body) : 0)!;
      const v = judgeAnswer(a, planned.plan, provider);
      data.refused = { code: v?.code ?? null, message: typeof v?.evidence.providerMessage === 'string' ? v.evidence.providerMessage : null };
      return { status: 'ok', data, summary: { code: 'stream.answered', values: { status: out.status, code: v?.code ?? null } } };
    }
    if (!ended && !error) data.cut = own.aborted ? 'budget' : out.error?.code === 'HTTP_BODY_TIMEOUT' ? 'stalled' : 'closed';
    if (out.status === null && events === 0) return { status: 'failed', data, reason: { code: 'stream.failed', values: { error: out.error?.message ?? null } } };
    const summary: ProbeText = { code: 'stream.summary', values: { events, firstMs: firstEventMs, end: ended ? 'clean' : error ? 'error' : 'cut', cut: data.cut ?? null, ms: totalMs } };
    return { status: 'ok', data, summary };
  },
};

const emptyData = (url: string): StreamProbeData => ({ url, status: null, contentType: null, events: 0, firstEventMs: null, totalMs: 0, ended: false, error: null, cut: null, refused: null });

/** The user's own POST body with `stream: true` when they gave one, else the provider's smallest streamed call. */
export function streamRequestFor(ctx: Pick<ProbeContext, 'request' | 'target'>, provider: ProviderProfile, modelList: string | null): ProbeRequest | null {
  const { request, target } = ctx;
  if (request.method === 'POST' && request.body) {
    try {
      const j: unknown = JSON.parse(request.body);
      if (j && typeof j === 'object' && !Array.isArray(j)) return { method: 'POST', url: target, body: JSON.stringify({ ...(j as object), stream: true }) };
    } catch {
      // Not JSON: fall back to the provider's request.
    }
  }
  return provider.streamRequest(target, pickModel(modelList, provider.cheapModels));
}

/** The cheapest model the list offers (by the provider's preference), else its first, else null. */
export function pickModel(modelList: string | null, prefer: readonly string[]): string | null {
  if (!modelList) return null;
  let ids: string[] = [];
  try {
    const j = JSON.parse(modelList) as { data?: unknown };
    if (Array.isArray(j.data)) ids = j.data.map((m: unknown) => (m && typeof m === 'object' && typeof (m as { id?: unknown }).id === 'string' ? (m as { id: string }).id : '')).filter(Boolean);
  } catch {
    return null;
  }
  return prefer.find((p) => ids.includes(p)) ?? ids[0] ?? null;
}
