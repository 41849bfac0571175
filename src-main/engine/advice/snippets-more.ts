import { versionBase } from '../providers/common.js';
import type { CallSpec } from './snippets.js';

/**
 * "Copy as" for the clients people actually use besides curl/requests/httpx/undici: Node's own
 * fetch, HTTPie, and the OpenAI SDKs (Python and Node), which most OpenAI-compatible services
 * document. The secret is always an environment variable reference, never a value.
 */

const js = (s: string) => JSON.stringify(s);
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const secs = (ms: number) => Math.round(ms / 100) / 10;

function queryBase(s: CallSpec, param: string): string {
  const u = new URL(s.url);
  u.searchParams.delete(param);
  return `${u.href}${u.href.includes('?') ? '&' : '?'}${encodeURIComponent(param)}=`;
}

/** Node ≥ 18 fetch: no extra package, AbortSignal for the overall budget. */
export function nodeFetchSnippet(s: CallSpec): string {
  const h = s.headers.map((x) => `    ${js(x.name)}: ${js(x.value)},`);
  if (s.auth?.kind === 'bearer') h.unshift(`    Authorization: \`Bearer \${process.env.${s.envVar}}\`,`);
  if (s.auth?.kind === 'basic') h.unshift(`    Authorization: \`Basic \${Buffer.from(process.env.${s.envVar} ?? '').toString('base64')}\`,`);
  if (s.auth?.kind === 'header') h.unshift(`    ${js(s.auth.name)}: process.env.${s.envVar} ?? '',`);
  const url = s.auth?.kind === 'query' ? `${js(queryBase(s, s.auth.param))} + encodeURIComponent(process.env.${s.envVar} ?? '')` : js(s.url);
  return [
    '// Node’s fetch ignores HTTPS_PROXY unless NODE_USE_ENV_PROXY=1 (Node ≥ 24) — set it if you need the proxy.',
    `const res = await fetch(${url}, {`,
    `  method: ${js(s.method)},`,
    '  headers: {',
    ...h,
    '  },',
    ...(s.body !== undefined ? [`  body: ${js(s.body)},`] : []),
    `  signal: AbortSignal.timeout(${s.connectMs + s.readMs}),`,
    '});',
    "console.log(res.status, res.headers.get('x-request-id') ?? res.headers.get('request-id'));",
    'console.log((await res.text()).slice(0, 2000));',
  ].join('\n');
}

/** HTTPie (`http`): headers as Name:value items, the body raw. */
export function httpieSnippet(s: CallSpec): string {
  const parts = ['http', `--timeout=${secs(s.connectMs + s.readMs)}`];
  if (s.caFile) parts.push(`--verify=${sq(s.caFile)}`);
  if (typeof s.proxy === 'string') {
    const scheme = new URL(s.url).protocol.replace(':', '');
    parts.push(`--proxy=${sq(`${scheme}:${s.proxy}`)}`);
  }
  if (s.auth?.kind === 'basic') parts.push('-a', `"\${${s.envVar}}"`);
  if (s.body !== undefined) parts.push(`--raw=${sq(s.body)}`);
  parts.push(s.method);
  if (s.auth?.kind === 'query') parts.push(`${sq(queryBase(s, s.auth.param))}"\${${s.envVar}}"`);
  else parts.push(sq(s.url));
  if (s.auth?.kind === 'bearer') parts.push(`"Authorization:Bearer \${${s.envVar}}"`);
  if (s.auth?.kind === 'header') parts.push(`"${s.auth.name}:\${${s.envVar}}"`);
  for (const h of s.headers) parts.push(sq(`${h.name}:${h.value}`));
  return parts.join(' ');
}

/** What an OpenAI SDK call for this URL is: chat completions with this body, or the model list. Null otherwise. */
function sdkCall(s: CallSpec): { base: string; kind: 'chat' | 'models'; body: Record<string, unknown> | null } | null {
  if (s.auth !== null && s.auth.kind !== 'bearer') return null;
  const url = new URL(s.url);
  const base = versionBase(url) ?? (url.pathname.endsWith('/chat/completions') ? `${url.origin}${url.pathname.slice(0, -'/chat/completions'.length)}` : null);
  if (!base) return null;
  if (url.pathname.endsWith('/chat/completions') && s.method === 'POST') {
    try {
      const body = JSON.parse(s.body ?? '{}') as unknown;
      if (body && typeof body === 'object' && !Array.isArray(body)) return { base, kind: 'chat', body: body as Record<string, unknown> };
    } catch {
      return null;
    }
    return null;
  }
  if (url.pathname.endsWith('/models') && s.method === 'GET') return { base, kind: 'models', body: null };
  return null;
}

/** Python openai SDK (v1): base_url, key from the environment, timeout and retries explicit. */
export function pythonOpenAiSnippet(s: CallSpec): string | null {
  const c = sdkCall(s);
  if (!c) return null;
  // The SDK reads OPENAI_API_KEY itself; point it at the variable the key lives in.
  const lines = [
    'import os',
    'from openai import OpenAI',
    '',
    ...(s.envVar === 'OPENAI_API_KEY' ? [] : [`os.environ.setdefault("OPENAI_API_KEY", os.environ[${js(s.envVar)}])`]),
    `client = OpenAI(base_url=${js(c.base)}, timeout=${secs(s.readMs)}, max_retries=2)`,
  ];
  if (c.kind === 'models') lines.push('print([m.id for m in client.models.list()])');
  else lines.push(`resp = client.chat.completions.create(**${JSON.stringify(c.body)})`, 'print(resp)');
  return lines.join('\n');
}

/** Node openai SDK (v4+): the same call. */
export function nodeOpenAiSnippet(s: CallSpec): string | null {
  const c = sdkCall(s);
  if (!c) return null;
  const lines = [
    "import OpenAI from 'openai';",
    '',
    `const client = new OpenAI({ baseURL: ${js(c.base)}, apiKey: process.env.${s.envVar}, timeout: ${s.readMs}, maxRetries: 2 });`,
  ];
  if (c.kind === 'models') lines.push('for await (const m of client.models.list()) console.log(m.id);');
  else lines.push(`const resp = await client.chat.completions.create(${JSON.stringify(c.body)});`, 'console.log(resp);');
  return lines.join('\n');
}

/** The extra snippets, only those that apply (the SDK ones need an OpenAI-shaped endpoint). */
export function moreSnippets(s: CallSpec): Record<string, string> {
  const out: Record<string, string> = { nodeFetch: nodeFetchSnippet(s), httpie: httpieSnippet(s) };
  const py = pythonOpenAiSnippet(s);
  const node = nodeOpenAiSnippet(s);
  if (py) out.pythonOpenai = py;
  if (node) out.nodeOpenai = node;
  return out;
}
