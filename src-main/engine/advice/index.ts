import type { FindingCode } from '../../common/codes.js';
import { round1 } from '../../common/round.js';
import type { Advice } from '../../common/advice.js';
import { retryNote, timeoutReason } from '../../report/text/advice-texts.js';
import { CREDENTIAL_HEADERS } from '../auth/plan.js';
import { PROBE_IDS } from '../probe-data.js';
import type { RunView } from '../probe.js';
import { profileById } from '../providers/index.js';
import { adviseRetry } from './retry.js';
import { placeholders, redactedBody, redactedHeader, redactedUrl } from './redacted-call.js';
import { curlSnippet, pythonHttpxSnippet, pythonRequestsSnippet, typescriptSnippet, type CallSpec } from './snippets.js';
import { moreSnippets } from './snippets-more.js';
import { adviseTimeouts } from './timeouts.js';

/** The environment variable each provider's SDK reads, so the snippets match the docs people follow. */
const ENV_VARS: Record<string, string> = { openai: 'OPENAI_API_KEY', zhipu: 'ZHIPU_API_KEY', anthropic: 'ANTHROPIC_API_KEY', 'azure-openai': 'AZURE_OPENAI_API_KEY', generic: 'API_KEY', deepseek: 'DEEPSEEK_API_KEY', moonshot: 'MOONSHOT_API_KEY', dashscope: 'DASHSCOPE_API_KEY', openrouter: 'OPENROUTER_API_KEY' };

/** Headers our probes add for themselves, not ones the user's client needs. */
const OWN_HEADERS = new Set(['user-agent', 'accept-encoding']);

/**
 * Client advice from what this run measured: timeouts, retry policy, the headers to send, and
 * ready-to-paste snippets with the secret as an environment variable. Undefined when no HTTP
 * exchange happened (nothing to base it on).
 */
export function adviseFrom(view: RunView, codes: readonly FindingCode[]): Advice | undefined {
  const http = view.result(PROBE_IDS.http)?.data;
  if (!http) return undefined;
  const req = view.request;
  const server = view.result(PROBE_IDS.server)?.data;
  const stream = view.result(PROBE_IDS.stream)?.data;
  const t = http.timing;
  const connectPhaseMs = t.connectMs != null ? round1((t.dnsMs ?? 0) + t.connectMs + (t.tlsMs ?? 0)) : null;
  const p90 = server?.p90TtfbMs ?? http.answer?.ttfbMs ?? null;
  const p90Ms = p90 === null ? null : Math.round(p90);
  const timeouts = adviseTimeouts({ connectPhaseMs, p90TtfbMs: p90Ms, samples: server?.samples.length ?? 1, streamTotalMs: stream?.ended ? stream.totalMs : null });
  const retry = adviseRetry(codes);
  const basedOn = { connectPhaseMs, p90TtfbMs: p90Ms, samples: server?.samples.length ?? 1, streamFirstEventMs: stream?.firstEventMs ?? null };
  const provider = profileById(http.provider);
  const plan = http.plan;
  const envVar = req.credential.kind === 'env' ? req.credential.variable : plan.source === 'oauth' ? 'ACCESS_TOKEN' : (ENV_VARS[provider.id] ?? 'API_KEY');
  const auth = plan.placement ?? (plan.source === 'header' && plan.headerName ? (plan.headerName === 'authorization' ? ({ kind: 'bearer' } as const) : ({ kind: 'header', name: plan.headerName } as const)) : null);
  const headers = [
    ...req.headers.filter((h) => !CREDENTIAL_HEADERS.includes(h.name.toLowerCase()) && h.name.toLowerCase() !== plan.headerName && !OWN_HEADERS.has(h.name.toLowerCase())),
    ...provider.requiredHeaders(view.target).filter((h) => !req.headers.some((u) => u.name.toLowerCase() === h.name)),
  ].map(redactedHeader);
  if (req.body !== undefined && !headers.some((h) => h.name.toLowerCase() === 'content-type')) headers.push({ name: 'content-type', value: /^\s*[[{]/.test(req.body) ? 'application/json' : 'application/x-www-form-urlencoded' });
  const spec: CallSpec = {
    method: req.method,
    // Built from the redacted request: no secret of the run reaches a snippet, only variable names.
    url: redactedUrl(view.target.href),
    headers,
    ...(req.body !== undefined ? { body: redactedBody(req.body) } : {}),
    auth: plan.source === 'none' ? null : auth,
    envVar,
    connectMs: timeouts.connectMs,
    readMs: timeouts.readMs,
    ...(req.caFile ? { caFile: req.caFile } : {}),
    resolve: req.resolve,
    ...(req.proxy !== undefined ? { proxy: typeof req.proxy === 'string' ? redactedUrl(req.proxy) : null } : osProxyOfRun(view)),
  };
  const sendHeaders = [...(spec.auth ? [placementHeader(spec)] : []), ...headers.map((h) => placeholders(`${h.name}: ${h.value}`))];
  return {
    provider: provider.id,
    basedOn,
    // Words in the run's language for the report's readers; a viewer re-renders them from the data.
    timeouts: { connectMs: timeouts.connectMs, readMs: timeouts.readMs, reason: timeoutReason(basedOn, req.lang) },
    retry: { ...retry, note: retryNote(retry.noteCode, req.lang) },
    headers: sendHeaders,
    secretEnvVar: envVar,
    snippets: { curl: curlSnippet(spec), pythonRequests: pythonRequestsSnippet(spec), pythonHttpx: pythonHttpxSnippet(spec), typescript: typescriptSnippet(spec), ...moreSnippets(spec) },
  };
}

function placementHeader(s: CallSpec): string {
  const a = s.auth!;
  if (a.kind === 'bearer') return `Authorization: Bearer <${s.envVar}>`;
  if (a.kind === 'basic') return `Authorization: Basic <base64 of ${s.envVar}>`;
  if (a.kind === 'header') return `${a.name}: <${s.envVar}>`;
  return `(query parameter ${a.param}=<${s.envVar}>)`;
}

/** A run that took the OS proxy (--client browser): curl and the SDKs do not read it, so the snippets name it to take the same way. */
function osProxyOfRun(view: RunView): { proxy: string } | Record<string, never> {
  const p = view.result(PROBE_IDS.proxy);
  return p?.status === 'ok' && p.data?.source === 'system' && p.data.proxyUrl ? { proxy: redactedUrl(p.data.proxyUrl) } : {};
}
