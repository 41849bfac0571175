import { roundTo } from '../../common/round.js';
import type { ProbeText } from '../../report/text/probe-texts.js';
import { judgeAnswer } from '../http/answer-finding.js';
import { summarize } from '../http/call.js';
import { sendPlanned } from '../http/planned-call.js';
import type { HttpProbeData } from '../http/types.js';
import { PROBE_IDS } from '../probe-data.js';
import type { Probe, ProbeContext } from '../probe.js';
import { profileFor } from '../providers/index.js';
import { isSampleFailure, stopsSampling } from '../server/sample-class.js';
import { decideSampling, type SamplingReason } from '../server/sampling.js';
import { percentile } from '../server/stats.js';

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
  note: ProbeText | null;
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
    const done = ctx.result(PROBE_IDS.http);
    // The runner starts this probe only after http answered (dependsOn); say so if that ever changes.
    if (done?.status !== 'ok') return { status: 'failed', reason: { code: 'run.notRun' } };
    const http = done.data;
    const provider = profileFor(ctx.request, ctx.target);
    const first: Sample = { status: http.answer?.status ?? null, code: http.verdict?.code ?? null, ttfbMs: http.answer?.ttfbMs ?? null, totalMs: sumTiming(http) };
    const cheap = ctx.request.method === 'GET' || ctx.request.method === 'HEAD';
    // A known provider's model list stands in for an expensive call; for an unknown API we would only be guessing a URL.
    const alt = cheap || provider.id === 'generic' ? null : provider.modelsRequest(ctx.target);
    const sampled = alt ? { method: alt.method, url: alt.url.href } : { method: ctx.request.method, url: ctx.target.href };
    const samples: Sample[] = alt ? [] : [first];
    let note: ProbeText | null = null;
    let sampling: SamplingReason | undefined;
    if (stopsSampling(http.verdict?.code ?? null, http.answer?.status ?? null)) {
      note = { code: 'server.limited' };
    } else if (!cheap && !alt) {
      note = { code: 'server.noCheapCall' };
    } else {
      // Start a sample only if a slow one (three phases) still fits in the budget: the probe must return, not be cut off.
      const deadline = Date.now() + ctx.budgetMs - (3 * ctx.request.timeoutMs + 500);
      // Adaptive: one sample when the first answer is healthy and fast, unless the user set --samples.
      const decision = decideSampling({ requested: ctx.request.samples, explicit: ctx.request.samplesExplicit === true, slowMs: ctx.request.slowMs, first: { code: first.code, ttfbMs: first.ttfbMs } });
      sampling = decision.reason;
      // The stand-in call (model list) is sampled only when sampling is wanted at all.
      const want = alt ? (decision.total > 1 || decision.reason === 'explicit' ? decision.total : 0) : Math.max(0, decision.total - samples.length);
      if (want === 0 && decision.reason === 'healthy-and-fast') note = { code: 'server.healthyAndFast' };
      else if (want === 0) note = { code: 'server.sameEveryTime' };
      const planned = samples.length + want;
      for (let i = 0; i < want; i++) {
        if (ctx.signal.aborted || Date.now() > deadline) {
          note = { code: 'server.budgetSpent', values: { samples: samples.length } };
          break;
        }
        if (i > 0 || samples.length > 0) await sleep(PAUSE_MS, ctx.signal);
        // Numbered as the report counts them: the http probe's answer, when it counts, is sample 1.
        const n = samples.length + 1;
        ctx.sampleProgress?.({ n, of: planned, state: 'started' });
        const sample = await oneSample(ctx, alt ? alt.url : ctx.target, alt ? alt.method : ctx.request.method);
        samples.push(sample);
        ctx.sampleProgress?.({ n, of: planned, state: 'finished', status: sample.status, code: sample.code });
        if (stopsSampling(sample.code, sample.status)) {
          note = { code: 'server.limited' };
          break;
        }
      }
    }
    const ok = samples.filter((s) => !isSampleFailure(s.code, s.status));
    const ttfbs = ok.map((s) => s.ttfbMs).filter((x): x is number => x !== null);
    const data: ServerProbeData = {
      sampled,
      samples,
      note,
      p50TtfbMs: percentile(ttfbs, 50),
      p90TtfbMs: percentile(ttfbs, 90),
      maxTtfbMs: ttfbs.length ? Math.max(...ttfbs) : null,
      errorRate: samples.length ? roundTo((samples.length - ok.length) / samples.length, 2) : 0,
      ...(sampling ? { sampling } : {}),
    };
    // Why fewer samples were taken than planned, so a reader (and the wizard's "Re-run with 20 samples") knows.
    const early = note?.code === 'server.healthyAndFast' ? 'healthy-and-fast' : note?.code === 'server.budgetSpent' ? 'budget' : note?.code === 'server.limited' ? 'limited' : null;
    const summary = samples.length
      ? ({ code: 'server.sampled', values: { samples: samples.length, p50Ms: data.p50TtfbMs, errorPercent: Math.round(data.errorRate * 100), ...(early ? { early } : {}) } } as const)
      : (note ?? ({ code: 'server.notSampled' } as const));
    return { status: 'ok', data, summary };
  },
};

const sumTiming = (h: HttpProbeData) => Object.values(h.timing).reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0);

async function oneSample(ctx: ProbeContext, url: URL, method: string): Promise<Sample> {
  const provider = profileFor(ctx.request, ctx.target);
  const body = method === ctx.request.method && url.href === ctx.target.href ? ctx.request.body : undefined;
  const { planned, out } = await sendPlanned(ctx, provider, { method, url, ...(body !== undefined ? { body } : {}) });
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
