import type { RedactionKind as BundleRedactionKind } from '../common/bundle.js';

/**
 * Redaction by shape: what looks like a secret wherever it appears, even when no one told the
 * redactor its value (a token the server set in a cookie, a key in a redirect's query string, a
 * proxy password in an environment variable). The Redactor (redact.ts) combines these with the
 * values it knows.
 */

export const REDACTED = '[REDACTED]';
/** Inside a URL: brackets are not allowed outside the host (RFC 3986), so encode them. */
export const REDACTED_IN_URL = '%5BREDACTED%5D';

/** What a redacted value was: the ids the bundle preview shows (common/bundle.ts), minus report.md's `text`. */
export type RedactionKind = Exclude<BundleRedactionKind, 'text'>;

export type OnHit = (kind: RedactionKind) => void;
const none: OnHit = () => {};

const SENSITIVE_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'apikey',
  'api-key',
  'x-goog-api-key',
  'ocp-apim-subscription-key',
  'private-token',
  'x-auth-token',
  'x-access-token',
  'x-amz-security-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-vault-token',
  'x-auth',
  'x-auth-key',
  'x-auth-user',
  'x-functions-key',
  'x-upstream-key',
  'authentication',
  'x-authentication',
]);

/**
 * Header names that carry secrets: the ONE predicate for the redactor (headers in reports, HAR,
 * bundles), the cross-origin redirect (engine/http/redirects.ts drops every such header), the
 * run's known secrets (engine/redact-request.ts) and the advice snippets. Generous on purpose:
 * redacting or dropping a harmless header costs a little detail, missing a key costs the key.
 * Anything ending in `-key`/`-token`, containing `secret`, `password`, `credential`, `auth-`,
 * `api-key`/`apikey`, every `x-api-*`, and the known names above.
 */
export function isSensitiveHeader(name: string): boolean {
  const n = name.trim().toLowerCase();
  if (SENSITIVE_HEADERS.has(n)) return true;
  if (/^x-api-/.test(n) && !/-version$/.test(n)) return true;
  if (/(secret|passw|passwd|credential|api[-_]?key|apikey|access[-_]?key|session[-_]?id)/.test(n)) return true;
  return /(^|[-_])(key|token|signature|auth|sig|jwt|pat|cookie)$/.test(n);
}

const SENSITIVE_PARAMS = new Set([
  'key',
  'api_key',
  'api-key',
  'apikey',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'auth',
  'sig',
  'signature',
  'client_secret',
  'code',
  'password',
  'passwd',
  'pwd',
  'secret',
  'session',
  'sessionid',
  'jwt',
  'subscription-key',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
  'x-goog-signature',
  'x-goog-credential',
]);

/** Query (or form) parameter names that carry secrets. */
export function isSensitiveParam(name: string): boolean {
  const n = name.trim().toLowerCase();
  return SENSITIVE_PARAMS.has(n) || /(^|[-_])(api[-_]?key|apikey|token|secret|password|signature)$/.test(n);
}

/** JSON / object field names whose string value is a secret (OAuth responses and requests, configs). */
const SENSITIVE_FIELDS = /^(access_?token|refresh_?token|id_?token|client_?secret|password|passwd|secret|api_?key|apikey|token|authorization|proxy_?authorization|cookie|set_?cookie|private_?key|session_?token|bearer)$/i;
export const isSensitiveField = (key: string): boolean => SENSITIVE_FIELDS.test(key);

/** A fingerprint (`sk-…9f2c`) or an already redacted value: safe to keep as is. */
export const isAlreadySafe = (v: string): boolean => v.includes('REDACTED') || /^[\w .-]{0,16}…[\w+/=~.?-]{0,4}$/.test(v.trim()) || v.trim() === '';

/** One header value, by name: keeps the scheme and the cookie names, drops the secrets. */
export function redactHeaderValue(name: string, value: string, onHit: OnHit = none): string {
  const n = name.trim().toLowerCase();
  if (isAlreadySafe(value)) return value;
  if (n === 'authorization' || n === 'proxy-authorization') {
    const m = /^\s*([A-Za-z][\w-]*)\s+\S/.exec(value);
    onHit(m && m[1]!.toLowerCase() === 'basic' ? 'basic credentials' : 'authorization header');
    return m ? `${m[1]} ${REDACTED}` : REDACTED;
  }
  if (n === 'cookie') {
    onHit('cookie');
    return value
      .split(';')
      .map((part) => {
        const i = part.indexOf('=');
        return i < 0 ? REDACTED : `${part.slice(0, i).trim()}=${REDACTED}`;
      })
      .join('; ');
  }
  if (n === 'set-cookie') {
    onHit('cookie');
    const [first = '', ...attrs] = value.split(';');
    const i = first.indexOf('=');
    const head = i < 0 ? REDACTED : `${first.slice(0, i).trim()}=${REDACTED}`;
    return [head, ...attrs.map((a) => a.trim())].join('; ');
  }
  if (isSensitiveHeader(n)) {
    onHit('api key header');
    return REDACTED;
  }
  // Location, Referer, Link and the rest: a URL or text that may carry a key.
  return scrubPatterns(value, onHit);
}

export function redactHeaders<T extends { name: string; value: string }>(headers: readonly T[], onHit: OnHit = none): T[] {
  return headers.map((h) => ({ ...h, value: redactHeaderValue(h.name, h.value, onHit) }));
}

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
};

/** `a=1&key=…` → `a=1&key=%5BREDACTED%5D` (query strings, fragments, form bodies). */
export function redactParams(params: string, onHit: OnHit = none, replacement = REDACTED_IN_URL): string {
  return params
    .split('&')
    .map((pair) => {
      const i = pair.indexOf('=');
      if (i < 0) return pair;
      const name = safeDecode(pair.slice(0, i));
      const value = pair.slice(i + 1);
      if (!isSensitiveParam(name) || value === '' || isAlreadySafe(safeDecode(value))) return pair;
      onHit('query param');
      return `${pair.slice(0, i)}=${replacement}`;
    })
    .join('&');
}

/**
 * A URL with its user-info and key-like query/fragment parameters redacted. Works on the
 * string (absolute or relative) so the rest of the URL stays exactly as it was.
 */
export function redactUrl(url: string, onHit: OnHit = none): string {
  let out = url;
  const auth = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@\s]*)@/i.exec(out);
  // `user:****` is the proxy probe's own masking (probes/proxy.ts redactUserinfo): already safe, and
  // "http://%5BREDACTED%5D@host" in a human sentence hid which account was refused.
  if (auth && auth[2] && !isAlreadySafe(safeDecode(auth[2])) && !/^[^:]*:\*{4}$/.test(auth[2])) {
    onHit('url credentials');
    out = `${auth[1]}${REDACTED_IN_URL}@${out.slice(auth[0].length)}`;
  }
  const hash = out.indexOf('#');
  let fragment = '';
  if (hash >= 0) {
    fragment = out.slice(hash + 1);
    out = out.slice(0, hash);
  }
  const q = out.indexOf('?');
  if (q >= 0) out = `${out.slice(0, q)}?${redactParams(out.slice(q + 1), onHit)}`;
  if (hash >= 0) out += `#${redactParams(fragment, onHit)}`;
  return out;
}

type Rule = { re: RegExp; kind: RedactionKind; replace: (m: RegExpExecArray, onHit: OnHit) => string };

/** Real tokens mix cases or carry digits/padding; English words ("Bearer tokens", "Basic authentication") do not. */
const looksLikeToken = (v: string): boolean => /[0-9+/=_~.-]/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v.slice(1)));
/**
 * A challenge's parameters (`WWW-Authenticate: Basic realm="peer-lab"`, `Bearer error="invalid_token"`,
 * RFC 9110 §11.2 auth-param) are not a credential. A token68 credential never has `name="` with a
 * quoted value, nor a `=` followed by more token characters; a padded base64 token closing a JSON
 * string (`"Basic YWI6Y2Q="`, then `,` `}` or a space) still counts as a credential.
 */
const NOT_AUTH_PARAM = String.raw`(?![A-Za-z][\w-]*=(?:"[^",}\s]|[A-Za-z0-9_.-]))`;
/**
 * Placeholders in docs and in servers' own messages (OpenAI: "Authorization: Bearer YOUR_KEY"), and
 * shell variables: upper-case words joined by underscores without a digit, or `$NAME`. No issued
 * key has that shape; redacting them made the server's hint unreadable.
 */
const isPlaceholder = (v: string): boolean => /^[A-Z]+(?:_[A-Z]+)+$/.test(v) || /^\$[A-Za-z_]\w*$/.test(v);
/** In prose, `code=` and `session=` are usually not secrets (a status code); in URLs they are. */
const PROSE_SAFE_PARAMS = new Set(['code', 'session', 'auth']);
const RULES: Rule[] = [
  // URLs anywhere in text (error messages, evidence, curl snippets).
  { re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi, kind: 'query param', replace: (m, onHit) => redactUrl(m[0], onHit) },
  // "Authorization: Bearer x", "x-api-key: x" as header lines or curl -H arguments.
  {
    re: /\b(authorization|proxy-authorization|x-api-key|api-key|x-goog-api-key|cookie|set-cookie|ocp-apim-subscription-key)(\s*:\s*)([^\r\n"']+)/gi,
    kind: 'authorization header',
    // Placeholders in advice text ("Authorization: Bearer <key>") are not secrets.
    replace: (m, onHit) => (/[<…{]/.test(m[3]!) || isPlaceholder(m[3]!.trim().split(/\s+/).at(-1)!.replace(/[).,;:]+$/, '')) ? m[0] : `${m[1]}${m[2]}${redactHeaderValue(m[1]!, m[3]!, onHit)}`),
  },
  { re: new RegExp(`\\b(Bearer)(\\s+)${NOT_AUTH_PARAM}([A-Za-z0-9._~+/=-]{8,})`, 'g'), kind: 'bearer token', replace: (m) => (looksLikeToken(m[3]!) && !isPlaceholder(m[3]!) ? `${m[1]}${m[2]}${REDACTED}` : m[0]) },
  { re: new RegExp(`\\b(Basic)(\\s+)${NOT_AUTH_PARAM}([A-Za-z0-9+/=]{6,})`, 'g'), kind: 'basic credentials', replace: (m) => (looksLikeToken(m[3]!) ? `${m[1]}${m[2]}${REDACTED}` : m[0]) },
  // JSON fields: "access_token": "…"
  {
    re: /"([A-Za-z_-]+)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g,
    kind: 'secret field',
    replace: (m, onHit) => {
      if (!isSensitiveField(m[1]!) || isAlreadySafe(m[3]!)) return m[0];
      onHit('secret field');
      return `"${m[1]}"${m[2]}"${REDACTED}"`;
    },
  },
  // Form bodies and loose key=value text: client_secret=…&grant_type=…
  {
    re: /(^|[?&;\s,(])([A-Za-z_][\w.-]*)=([^&\s;,"'<>)]+)/g,
    kind: 'query param',
    replace: (m, onHit) => {
      const name = m[2]!.toLowerCase();
      if (PROSE_SAFE_PARAMS.has(name) || !isSensitiveParam(name) || isAlreadySafe(safeDecode(m[3]!))) return m[0];
      onHit('query param');
      return `${m[1]}${m[2]}=${REDACTED}`;
    },
  },
  // Servers echo keys in prose: "Incorrect API key provided: sk-…", "invalid token abc123…".
  {
    re: /\b(api[ _-]?key|key|token|secret|password|credential)(s?\b[^\w\n]{0,3}(?:provided|given|is|was|of)?[:=\s'"]{1,3})([A-Za-z0-9._~+/-]{16,})/gi,
    kind: 'key pattern',
    // A word or an expression (process.env.API_KEY) is not a key; a long run mixing digits and
    // letters is, and so is a pure run of mixed-case letters: random keys without a single digit
    // happen (28 base62 characters lack one 0.7 % of the time).
    replace: (m) => {
      const v = m[3]!;
      const key = (/[A-Za-z]/.test(v) && /[0-9]/.test(v)) || (/^[A-Za-z]+$/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v));
      return key ? `${m[1]}${m[2]}${REDACTED}` : m[0];
    },
  },
  // Well-known key formats, even when nothing else marks them.
  { re: /\bsk-(?:ant-|proj-|or-v1-)?[A-Za-z0-9_-]{16,}/g, kind: 'key pattern', replace: () => REDACTED },
  { re: /\beyJ[A-Za-z0-9_-]{6,}\.eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*/g, kind: 'key pattern', replace: () => REDACTED },
  { re: /\b[0-9a-f]{32}\.[A-Za-z0-9]{16}\b/g, kind: 'key pattern', replace: () => REDACTED },
  { re: /\b(?:AIza[0-9A-Za-z_-]{35}|ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,}|xox[bp]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16})\b/g, kind: 'key pattern', replace: () => REDACTED },
];

/** Every shape rule over free text. Idempotent: already redacted values are left alone. */
export function scrubPatterns(text: string, onHit: OnHit = none): string {
  if (!text) return text;
  let out = text;
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    out = out.replace(rule.re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      let hit = false;
      const local: OnHit = (k) => {
        hit = true;
        onHit(k);
      };
      const replaced = rule.replace(m, local);
      if (!hit && replaced !== m[0]) onHit(rule.kind);
      return replaced;
    });
  }
  return out;
}
