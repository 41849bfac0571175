import type { FindingCode } from '../../common/codes.js';
import type { Evidence } from '../../common/report.js';
import type { AnswerSummary } from '../http/types.js';
import { fixBaseUrl } from './base-url.js';
import { modelOfBody } from './models.js';
import { modelNamedIn, relayMeaning } from './signals.js';
import type { ErrorMeaning, ProviderError, ProviderProfile } from './types.js';

const quote = (s: string | null | undefined, n = 300): string | null => (s ? s.replace(/\s+/g, ' ').trim().slice(0, n) : null);

const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

function json(text: string): Record<string, unknown> | null {
  try {
    return obj(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * A 2xx whose body is an error: a top-level `error` (object or text), or `success: false` with a
 * code (Zhipu's older shape). A normal completion or model list has neither.
 */
export function errorInSuccess(text: string): boolean {
  if (!text || !/^\s*\{/.test(text)) return false;
  const j = json(text);
  if (!j) return false;
  if (obj(j.error) || (typeof j.error === 'string' && j.error !== '')) return true;
  return j.success === false && (j.code !== undefined || j.msg !== undefined || j.message !== undefined);
}

/** The model this call is about: the request body's, else the one the error names, else an Azure deployment. */
export function modelOf(a: Pick<AnswerSummary, 'url'>, err: ProviderError | null, requestBody?: string): string | null {
  return modelOfBody(requestBody) ?? modelNamedIn(err?.message ?? null) ?? /\/openai\/deployments\/([^/?]+)/.exec(a.url)?.[1] ?? null;
}

export interface Extra {
  code: FindingCode;
  evidence: Evidence;
}

/** HTTP_WRONG_BASE_URL with the corrected URL, when the layout (or the server's own words) says the path is wrong. */
export function wrongBaseUrl(a: Pick<AnswerSummary, 'url'>, provider: ProviderProfile, serverSays: boolean): Extra | null {
  const url = new URL(a.url);
  const fix = fixBaseUrl(url, provider, serverSays);
  if (fix && (fix.certain || serverSays)) return { code: 'HTTP_WRONG_BASE_URL', evidence: { provider: provider.name, problem: fix.problem, correctedUrl: fix.correctedUrl, correctedBase: fix.correctedBase } };
  if (!serverSays) return null;
  const known = provider.knownBases(url)[0] ?? null;
  return { code: 'HTTP_WRONG_BASE_URL', evidence: { provider: provider.name, problem: 'server-says', correctedUrl: null, correctedBase: known } };
}

/** OpenRouter passes the upstream's failure on in error.metadata (provider_name, raw). */
function upstreamOf(bodyText: string): Evidence {
  const e = obj(json(bodyText)?.error);
  const md = obj(e?.metadata);
  const name = typeof md?.provider_name === 'string' ? md.provider_name : null;
  const raw = typeof md?.raw === 'string' ? md.raw : null;
  return { ...(name ? { upstreamProvider: name.slice(0, 100) } : {}), ...(raw ? { upstreamMessage: quote(raw, 300) } : {}) };
}

/** Evidence for the codes that need more than status and message: the model, the relay, the corrected URL. */
export function providerExtras(meaning: ErrorMeaning | null, err: ProviderError | null, a: AnswerSummary, provider: ProviderProfile, requestBody?: string): Extra | null {
  if (!meaning) return null;
  const model = modelOf(a, err, requestBody);
  const m: Evidence = model ? { model } : {};
  switch (meaning.code) {
    case 'MODEL_NOT_FOUND':
      return { code: meaning.code, evidence: { ...m, provider: provider.name } };
    case 'REQUEST_TOO_LARGE_FOR_MODEL':
      return { code: meaning.code, evidence: { ...m, requestBytes: a.requestBytes, ...(/tokens per min/i.test(err?.message ?? '') ? { perMinuteLimit: true } : {}) } };
    case 'CONTENT_FILTERED':
      return { code: meaning.code, evidence: { ...m, provider: provider.name } };
    case 'RELAY_UPSTREAM_UNAVAILABLE':
      return { code: meaning.code, evidence: { ...m, relay: relayMeaning(err)?.relay ?? provider.name, ...upstreamOf(a.bodyText) } };
    case 'HTTP_WRONG_BASE_URL':
      return wrongBaseUrl(a, provider, true);
    default:
      return null;
  }
}
