import { CODES } from '../../common/codes.js';
import { tlsTrustedFor } from '../auth/tls-trusted.js';
import { baseHeaders, exchangeInput, summarize } from '../http/call.js';
import { exchange } from '../http/exchange.js';
import { judgeAnswer } from '../http/judge.js';
import type { HttpProbeData } from '../http/types.js';
import { planCredential } from '../auth/plan.js';
import type { OAuthData } from '../auth/oauth.js';
import { PROBE_IDS } from '../probe-data.js';
import type { Probe, ProbeContext } from '../probe.js';
import { profileFor } from '../providers/index.js';
import { percentile } from '../server/stats.js';
import { decideSampling, type SamplingReason } from '../server/sampling.js';
import { say } from '../say.js';

export interface Sample {
  status: number | null;
  /** Contract code of a failed sample (network error or an error answer), null when it succeeded. */
  code: string | null;
  ttfbMs: number | null;
  totalMs: number;
}

export interface ServerProbeData {
  /** The call sampled: the user's, or the provider's model list when the user's call is not a cheap GET. */
  sampled: { method: string; url: string };
  samples: Sample[];
  /** Why sampling stopped early or did not happen. */
  note: string | null;
  p50TtfbMs: number | null;
  p90TtfbMs: number | null;
  maxTtfbMs: number | null;
  errorRate: number;
  /** Why this many samples were taken (adaptive sampling, engine/server/sampling.ts). */
  sampling?: SamplingReason;
}

/** Sampling must stay polite and bounded: a short pause between requests, and a ceiling on the whole. */
const PAUSE_MS = 200;
const SAMPLING_CEILING_MS = 120_000;

/** Budget: every sample may take its three phases; capped so a slow service cannot hold the run for long. */
const serverBudget = (r: { timeoutMs: number; samples: number }) => Math.min(SAMPLING_CEILING_MS, (r.timeoutMs * 3 + PAUSE_MS) * Math.max(1, r.samples - 1) + 1000);

/**
 * Server health: `--samples N` small sequential requests (the http probe's answer is the first)
 * → latency percentiles and error rate. Sampling is skipped after a 429: more requests would
 * only make a rate limit worse.
 */
export const serverProbe: Probe<ServerProbeData> = {
  id: PROBE_IDS.server,
  stage: 'server',
  dependsOn: [PROBE_IDS.http, PROBE_IDS.auth],
  budgetMs: serverBudget,
  async run(ctx) {
    const http = ctx.result<HttpProbeData>(PROBE_IDS.http)!.data!;
    const provider = profileFor(ctx.request, ctx.target);
    const first: Sample = { status: http.answer?.status ?? null, code: http.verdict?.code ?? null, ttfbMs: http.answer?.ttfbMs ?? null, totalMs: sumTiming(http) };
    const cheap = ctx.request.method === 'GET' || ctx.request.method === 'HEAD';
    // A known provider's model list stands in for an expensive call; for an unknown API we would only be guessing a URL.
    const alt = cheap || provider.id === 'generic' ? null : provider.modelsRequest(ctx.target);
    const sampled = alt ? { method: alt.method, url: alt.url.href } : { method: ctx.request.method, url: ctx.target.href };
    const samples: Sample[] = alt ? [] : [first];
    let note: string | null = null;
    let sampling: SamplingReason | undefined;
    const status = http.answer?.status;
    if (status === 429 || (http.verdict && CODES[http.verdict.code].stage === 'server' && /QUOTA|RATE/.test(http.verdict.code))) {
      note = 'not sampled: the service is limiting requests';
    } else if (!cheap && !alt) {
      note = 'not sampled: the call is not a cheap GET and no cheap call is known for this API';
    } else {
      // Start a sample only if a slow one (three phases) still fits in the budget: the probe must return, not be cut off.
      const deadline = Date.now() + ctx.budgetMs - (3 * ctx.request.timeoutMs + 500);
      // Adaptive: one sample when the first answer is healthy and fast, unless the user set --samples.
      const decision = decideSampling({ requested: ctx.request.samples, explicit: ctx.request.samplesExplicit === true, slowMs: ctx.request.slowMs, first: { code: first.code, ttfbMs: first.ttfbMs } });
      sampling = decision.reason;
      // The stand-in call (model list) is sampled only when sampling is wanted at all.
      const want = alt ? (decision.total > 1 || decision.reason === 'explicit' ? decision.total : 0) : Math.max(0, decision.total - samples.length);
      if (want === 0 && decision.reason === 'healthy-and-fast') note = 'one sample: the first answer was healthy and fast (--samples N takes N)';
      else if (want === 0) note = 'one sample: this answer would be the same every time';
      for (let i = 0; i < want; i++) {
        if (ctx.signal.aborted || Date.now() > deadline) {
          note = `stopped after ${samples.length} samples: time budget spent`;
          break;
        }
        if (i > 0 || samples.length > 0) await sleep(PAUSE_MS, ctx.signal);
        samples.push(await oneSample(ctx, alt ? alt.url : ctx.target, alt ? alt.method : ctx.request.method));
      }
    }
    const ok = samples.filter((s) => s.code === null || !isFailure(s.code));
    const ttfbs = ok.map((s) => s.ttfbMs).filter((x): x is number => x !== null);
    const data: ServerProbeData = {
      sampled,
      samples,
      note,
      p50TtfbMs: percentile(ttfbs, 50),
      p90TtfbMs: percentile(ttfbs, 90),
      maxTtfbMs: ttfbs.length ? Math.max(...ttfbs) : null,
      errorRate: samples.length ? Math.round(((samples.length - ok.length) / samples.length) * 100) / 100 : 0,
      ...(sampling ? { sampling } : {}),
    };
    const summary = samples.length
      ? say(ctx.request.lang, `${samples.length} sample(s): p50 TTFB ${data.p50TtfbMs ?? '–'} ms, errors ${Math.round(data.errorRate * 100)}%`, `${samples.length} 次采样：首字节 p50 ${data.p50TtfbMs ?? '–'} 毫秒，错误率 ${Math.round(data.errorRate * 100)}%`)
      : (note ?? say(ctx.request.lang, 'not sampled', '未采样'));
    return { status: 'ok', data, summary };
  },
};

/** A sample fails on a network error or a server-side error answer; auth or 4xx answers are the same every time. */
const isFailure = (code: string) => code.startsWith('SERVER_') || code.startsWith('HTTP_') || code.startsWith('TCP_') || code.startsWith('TLS_') || code.startsWith('DNS_');

const sumTiming = (h: HttpProbeData) => Object.values(h.timing).reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0);

async function oneSample(ctx: ProbeContext, url: URL, method: string): Promise<Sample> {
  const provider = profileFor(ctx.request, ctx.target);
  const oauth = ctx.result<OAuthData>(PROBE_IDS.oauth);
  const oauthToken = oauth?.status === 'ok' ? (oauth.data?.token ?? null) : null;
  const planned = planCredential({ request: ctx.request, url, provider, credential: ctx.credential, oauthToken, redactor: ctx.redactor, tlsTrusted: tlsTrustedFor(ctx, url), now: ctx.platform.now() });
  const body = method === ctx.request.method && url.href === ctx.target.href ? ctx.request.body : undefined;
  const headers = baseHeaders(ctx.request.headers, [...provider.requiredHeaders(url), ...planned.headers], body);
  const out = await exchange(await exchangeInput(ctx, { method, url: planned.url, headers, ...(body !== undefined ? { body } : {}) }));
  ctx.recordExchange(out.record);
  if (out.error) return { status: out.status, code: out.error.code ?? 'HTTP_EMPTY_REPLY', ttfbMs: null, totalMs: out.totalMs };
  const a = summarize(out, 0)!;
  const v = judgeAnswer(a, planned.plan, provider);
  return { status: out.status, code: v?.code ?? null, ttfbMs: out.ttfbMs, totalMs: out.totalMs };
}

/** A pause between samples; its abort listener goes when the pause ends (one per sample would pile up on the signal). */
export const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const onAbort = () => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
