import type { DiagnosisRequest } from '../common/request.js';
import type { Redactor } from './redact.js';
import { isSensitiveField, isSensitiveHeader, isSensitiveParam } from './redact-patterns.js';

/**
 * Teaches the run's redactor every secret the user handed us with the request itself, before any
 * probe runs: values of sensitive `-H` headers (the token after an Authorization scheme, the
 * `user:pass` inside Basic, each cookie value), the URL's user-info and key-like query parameters,
 * the proxy URL's user-info (flag and environment) and secret fields of a JSON or form body. A
 * server echoing one of them back, in any encoding the Redactor knows, is then scrubbed.
 */
export function learnRequestSecrets(redactor: Redactor, request: DiagnosisRequest, env: NodeJS.ProcessEnv = {}): void {
  for (const h of request.headers) {
    if (!isSensitiveHeader(h.name)) continue;
    learnHeaderValue(redactor, h.name, h.value);
  }
  redactor.addUrlCredentials(request.url);
  learnUrlParams(redactor, request.url);
  if (typeof request.proxy === 'string') redactor.addUrlCredentials(request.proxy);
  // The proxy the run may take from the environment (the bundle lists these variables too).
  for (const name of ['http_proxy', 'https_proxy', 'all_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY']) {
    const v = env[name];
    if (v) redactor.addUrlCredentials(/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `http://${v}`);
  }
  if (request.oauth) learnUrlParams(redactor, request.oauth.tokenUrl);
  if (request.body !== undefined) for (const { value } of bodySecrets(request.body)) redactor.add(value);
}

export function learnHeaderValue(redactor: Redactor, name: string, value: string): void {
  const n = name.trim().toLowerCase();
  redactor.add(value);
  if (n === 'authorization' || n === 'proxy-authorization') {
    const m = /^\s*(\S+)\s+(.+)$/.exec(value);
    if (m) {
      redactor.add(m[2]!.trim());
      if (m[1]!.toLowerCase() === 'basic') {
        const decoded = Buffer.from(m[2]!.trim(), 'base64').toString('utf8');
        // Only a plausible `user:pass` (printable text): arbitrary bytes would scrub noise.
        if (/^[\x20-\x7e]+$/.test(decoded)) redactor.add(decoded);
      }
    }
  } else if (n === 'cookie') {
    for (const part of value.split(';')) {
      const i = part.indexOf('=');
      if (i > 0) redactor.add(part.slice(i + 1).trim());
    }
  }
}

function learnUrlParams(redactor: Redactor, raw: string): void {
  try {
    const u = new URL(raw);
    for (const [k, v] of u.searchParams) if (isSensitiveParam(k)) redactor.add(v);
    for (const [k, v] of new URLSearchParams(u.hash.slice(1))) if (isSensitiveParam(k)) redactor.add(v);
  } catch {
    // Not a URL: nothing to learn.
  }
}

/** The secret fields of a JSON body (fields named like secrets, at any depth) or a form body (parameters named like secrets). */
export function bodySecrets(body: string): { key: string; value: string; form: 'json' | 'form' }[] {
  const out: { key: string; value: string; form: 'json' | 'form' }[] = [];
  const t = body.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      const walk = (v: unknown, key: string | null): void => {
        if (typeof v === 'string') {
          if (key !== null && v !== '' && (isSensitiveField(key) || isSensitiveParam(key))) out.push({ key, value: v, form: 'json' });
        } else if (Array.isArray(v)) for (const x of v) walk(x, key);
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
      };
      walk(JSON.parse(t), null);
      return out;
    } catch {
      // Not JSON after all: try it as a form.
    }
  }
  if (/^[^=&\s]+=/.test(t)) {
    for (const [k, v] of new URLSearchParams(t)) if (v !== '' && (isSensitiveParam(k) || isSensitiveField(k))) out.push({ key: k, value: v, form: 'form' });
  }
  return out;
}
