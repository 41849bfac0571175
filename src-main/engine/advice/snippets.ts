import type { AuthPlacement } from '../../common/request.js';
import { parts as refParts } from './redacted-call.js';

/**
 * Everything a snippet needs; the secret appears only as the name of an environment variable.
 * Built from the redacted request (advice/redacted-call.ts): header values and the body may carry
 * variable references, which each language below renders.
 */
export interface CallSpec {
  method: string;
  url: string;
  /** Headers without the credential. */
  headers: { name: string; value: string }[];
  body?: string;
  /** Where the credential goes, or null when the call needs none. */
  auth: AuthPlacement | null;
  envVar: string;
  connectMs: number;
  readMs: number;
  caFile?: string;
  resolve: { host: string; port: number; address: string }[];
  proxy?: string | null;
}

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const js = (s: string) => JSON.stringify(s);
/** A shell word: literal parts single-quoted, variable references double-quoted, side by side. */
const sh = (s: string) => refParts(s).map((p) => ('env' in p ? `"\${${p.env}}"` : sq(p.text))).join('') || "''";
/** A Python expression. */
const py = (s: string) => refParts(s).map((p) => ('env' in p ? `os.environ[${js(p.env)}]` : js(p.text))).join(' + ') || '""';
/** A TypeScript expression. */
const ts = (s: string) => refParts(s).map((p) => ('env' in p ? `(process.env.${p.env} ?? '')` : js(p.text))).join(' + ') || '""';
const secs = (ms: number) => Math.round(ms / 100) / 10;

function urlWithQueryKey(spec: CallSpec, param: string): { base: string; sep: string } {
  const u = new URL(spec.url);
  u.searchParams.delete(param);
  const base = u.href;
  return { base, sep: `${base.includes('?') ? '&' : '?'}${encodeURIComponent(param)}=` };
}

/** curl, as the user would paste it in a POSIX shell. */
export function curlSnippet(s: CallSpec): string {
  const parts = ['curl', '-sS'];
  if (s.method !== 'GET' || s.body !== undefined) parts.push('-X', s.method);
  if (s.auth?.kind === 'query') {
    const { base, sep } = urlWithQueryKey(s, s.auth.param);
    // The key is a variable reference: `${VAR}` keeps it out of the command line you paste.
    parts.push(`${sq(base + sep)}"\${${s.envVar}}"`);
  } else parts.push(sq(s.url));
  if (s.auth?.kind === 'bearer') parts.push('-H', `"Authorization: Bearer \${${s.envVar}}"`);
  if (s.auth?.kind === 'basic') parts.push('-u', `"\${${s.envVar}}"`);
  if (s.auth?.kind === 'header') parts.push('-H', `"${s.auth.name}: \${${s.envVar}}"`);
  for (const h of s.headers) parts.push('-H', sh(`${h.name}: ${h.value}`));
  if (s.body !== undefined) parts.push('--data-raw', sh(s.body));
  parts.push('--connect-timeout', String(secs(s.connectMs)), '--max-time', String(secs(s.readMs + s.connectMs)));
  if (s.caFile) parts.push('--cacert', sq(s.caFile));
  for (const r of s.resolve) parts.push('--resolve', sq(`${r.host}:${r.port}:${r.address.includes(':') ? `[${r.address}]` : r.address}`));
  if (s.proxy === null) parts.push('--noproxy', "'*'");
  else if (typeof s.proxy === 'string') parts.push('--proxy', sq(s.proxy));
  return parts.join(' ');
}

function pyHeaders(s: CallSpec): string {
  const lines = s.headers.map((h) => `    ${js(h.name)}: ${py(h.value)},`);
  if (s.auth?.kind === 'bearer') lines.unshift(`    "Authorization": f"Bearer {os.environ['${s.envVar}']}",`);
  if (s.auth?.kind === 'header') lines.unshift(`    ${js(s.auth.name)}: os.environ[${js(s.envVar)}],`);
  return `{\n${lines.join('\n')}\n}`;
}

const pyUrl = (s: CallSpec) => {
  if (s.auth?.kind !== 'query') return js(s.url);
  const { base, sep } = urlWithQueryKey(s, s.auth.param);
  return `${js(base + sep)} + os.environ[${js(s.envVar)}]`;
};
const pyBasic = (s: CallSpec) => (s.auth?.kind === 'basic' ? `, auth=tuple(os.environ[${js(s.envVar)}].split(":", 1))` : '');
const pyVerify = (s: CallSpec) => (s.caFile ? `, verify=${js(s.caFile)}` : '');

/** Python requests with urllib3's Retry: backoff, Retry-After honoured, only retryable statuses. */
export function pythonRequestsSnippet(s: CallSpec): string {
  return [
    'import os',
    'import requests',
    'from requests.adapters import HTTPAdapter',
    'from urllib3.util.retry import Retry',
    '',
    '# Retries transient failures with exponential backoff and honours Retry-After.',
    '# A 429 that means "quota exhausted" (insufficient_quota, Zhipu 1113) is not transient: check the body.',
    'retry = Retry(total=3, backoff_factor=0.5, status_forcelist=[429, 500, 502, 503, 504, 529], allowed_methods=None, respect_retry_after_header=True)',
    'session = requests.Session()',
    'session.mount("https://", HTTPAdapter(max_retries=retry))',
    'session.mount("http://", HTTPAdapter(max_retries=retry))',
    `resp = session.request(${js(s.method)}, ${pyUrl(s)}, headers=${pyHeaders(s)}${s.body !== undefined ? `, data=(${py(s.body)}).encode()` : ''}${pyBasic(s)}, timeout=(${secs(s.connectMs)}, ${secs(s.readMs)})${pyVerify(s)})`,
    'print(resp.status_code, resp.headers.get("x-request-id") or resp.headers.get("request-id"))',
    'print(resp.text[:2000])',
  ].join('\n');
}

/** Python httpx with separate connect and read timeouts. */
export function pythonHttpxSnippet(s: CallSpec): string {
  return [
    'import os',
    'import httpx',
    '',
    `timeout = httpx.Timeout(${secs(s.readMs)}, connect=${secs(s.connectMs)})`,
    '# retries=2 re-tries failed connects only; retry 429/5xx yourself with backoff (see advice.retry).',
    `with httpx.Client(timeout=timeout, transport=httpx.HTTPTransport(retries=2${s.caFile ? `, verify=${js(s.caFile)}` : ''})) as client:`,
    `    resp = client.request(${js(s.method)}, ${pyUrl(s)}, headers=${pyHeaders(s).replace(/\n/g, '\n    ')}${s.body !== undefined ? `, content=(${py(s.body)}).encode()` : ''}${pyBasic(s)})`,
    '    print(resp.status_code, resp.text[:2000])',
  ].join('\n');
}

/** TypeScript with undici: separate connect, headers and body timeouts. */
export function typescriptSnippet(s: CallSpec): string {
  const h = s.headers.map((x) => `    ${js(x.name)}: ${ts(x.value)},`);
  if (s.auth?.kind === 'bearer') h.unshift(`    Authorization: \`Bearer \${process.env.${s.envVar}}\`,`);
  if (s.auth?.kind === 'basic') h.unshift(`    Authorization: \`Basic \${Buffer.from(process.env.${s.envVar} ?? '').toString('base64')}\`,`);
  if (s.auth?.kind === 'header') h.unshift(`    ${js(s.auth.name)}: process.env.${s.envVar} ?? '',`);
  let url = js(s.url);
  if (s.auth?.kind === 'query') {
    const { base, sep } = urlWithQueryKey(s, s.auth.param);
    url = `${js(base + sep)} + encodeURIComponent(process.env.${s.envVar} ?? '')`;
  }
  return [
    "import { Agent, request } from 'undici';",
    s.caFile ? "import { readFileSync } from 'node:fs';" : '',
    '',
    `const dispatcher = new Agent({ connect: { timeout: ${s.connectMs}${s.caFile ? `, ca: readFileSync(${js(s.caFile)}, 'utf8')` : ''} }, headersTimeout: ${s.readMs}, bodyTimeout: ${s.readMs} });`,
    `const res = await request(${url}, {`,
    `  method: ${js(s.method)},`,
    '  headers: {',
    ...h,
    '  },',
    ...(s.body !== undefined ? [`  body: ${ts(s.body)},`] : []),
    '  dispatcher,',
    '});',
    "console.log(res.statusCode, res.headers['x-request-id'] ?? res.headers['request-id']);",
    'console.log((await res.body.text()).slice(0, 2000));',
  ]
    .filter((l, i) => l !== '' || i > 1)
    .join('\n');
}
