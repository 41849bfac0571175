import type { Evidence } from '../../common/report.js';
import type { FindingDraft, ProbeContext } from '../probe.js';
import { closestModels, modelIds } from './models.js';
import { FOLLOW_UP_PHASE_MS, sendToProvider } from './send.js';
import type { ProviderProfile } from './types.js';

/** At most this many follow-up requests per run: one to confirm a corrected base, one to read the model list. */
export const FOLLOW_UP_BUDGET = (timeoutMs: number) => 3 * Math.min(timeoutMs, FOLLOW_UP_PHASE_MS) + 500;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * What one more bounded request of the provider's known layout can add to the http verdict:
 * - a 404 whose path does not fit the layout → GET `<corrected base>/models` confirms the corrected
 *   URL (an unknown API's guess becomes HTTP_WRONG_BASE_URL only when the server confirms it);
 * - MODEL_NOT_FOUND → the model list, when this key can read it, gives the closest models it can use.
 * Same origin and same credential rules as the user's call (sendToProvider). Never throws.
 */
export async function followUp(ctx: ProbeContext, provider: ProviderProfile, verdict: FindingDraft | null): Promise<FindingDraft | null> {
  if (!verdict || ctx.signal.aborted) return verdict;
  try {
    const e = verdict.evidence;
    if (e.status === 404 && (verdict.code === 'HTTP_WRONG_BASE_URL' || (verdict.code === 'HTTP_NOT_FOUND' && str(e.candidateUrl)))) {
      return await confirmBase(ctx, provider, verdict);
    }
    if (verdict.code === 'MODEL_NOT_FOUND') return await nearbyModels(ctx, provider, verdict);
  } catch {
    // A follow-up is a bonus: the verdict stands without it.
  }
  return verdict;
}

async function confirmBase(ctx: ProbeContext, provider: ProviderProfile, v: FindingDraft): Promise<FindingDraft> {
  const e = v.evidence;
  const corrected = str(e.correctedUrl) ?? str(e.candidateUrl);
  if (!corrected) return v;
  const base = str(e.correctedBase) ?? str(e.candidateBase);
  const req = provider.modelsRequest(new URL(corrected)) ?? (base ? { method: 'GET', url: new URL(`${base}/models`) } : null);
  if (!req) return v;
  const sent = await sendToProvider(ctx, provider, req);
  if (!sent) return v;
  const st = sent.outcome.status;
  const line = `${req.method} ${req.url.href} → ${st ?? sent.outcome.error?.code ?? 'no answer'}`;
  // 2xx, or an auth refusal, means the corrected base exists; a 404 there means it does not.
  const exists = st !== null && (st < 300 || st === 401 || st === 403);
  if (v.code === 'HTTP_WRONG_BASE_URL') return { code: v.code, evidence: { ...e, ...(exists ? { confirmedBy: line } : { checked: line, confirmed: false }) } };
  if (!exists) return { code: v.code, evidence: { ...e, candidateChecked: line } };
  const { candidateUrl: _u, candidateBase: _b, ...rest } = e;
  void _u;
  void _b;
  return { code: 'HTTP_WRONG_BASE_URL', evidence: { ...rest, provider: provider.name, problem: 'missing-base-path', correctedUrl: corrected, correctedBase: base, confirmedBy: line } };
}

async function nearbyModels(ctx: ProbeContext, provider: ProviderProfile, v: FindingDraft): Promise<FindingDraft> {
  const e = v.evidence;
  const wanted = str(e.model);
  // Azure lists base models, not the resource's deployments: no list to compare a deployment name with.
  if (provider.id === 'azure-openai') return { code: v.code, evidence: { ...e, modelList: 'not checked: Azure deployments are not listable with an API key' } };
  const req = provider.modelsRequest(ctx.target);
  if (!req) return { code: v.code, evidence: { ...e, modelList: 'not checked: no model list is known for this API' } };
  const sent = await sendToProvider(ctx, provider, req);
  if (!sent) return { code: v.code, evidence: { ...e, modelList: 'not checked: the model list is on another origin' } };
  const st = sent.outcome.status;
  const ids = st !== null && st < 300 ? modelIds(sent.answer?.bodyText ?? null) : [];
  if (ids.length === 0) return { code: v.code, evidence: { ...e, modelList: `not readable with this key: ${req.method} ${req.url.href} → ${st ?? 'no answer'}` } };
  const out: Evidence = { ...e, modelsListed: ids.length, modelList: `${req.method} ${req.url.href}` };
  if (wanted) out.closestModels = closestModels(wanted, ids);
  else out.someModels = ids.slice(0, 5);
  if (wanted && ids.includes(wanted)) out.listedButRefused = true;
  return { code: v.code, evidence: out };
}
