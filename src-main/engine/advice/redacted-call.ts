import { bodySecrets } from '../redact-request.js';
import { isSensitiveHeader, redactUrl } from '../redact-patterns.js';

/**
 * The snippets are built from the request with every secret already taken out: a secret becomes a
 * reference to an environment variable, marked in the text as NUL + NAME + NUL (a character no
 * header, URL or sane body carries), which each snippet language renders its own way
 * (`"${NAME}"` in a shell, `os.environ["NAME"]` in Python, `process.env.NAME` in TypeScript).
 */
const MARK = '\u0000';
export const envRef = (name: string): string => `${MARK}${name}${MARK}`;

/** `Ocp-Apim-Subscription-Key` → `OCP_APIM_SUBSCRIPTION_KEY`; `client_secret` → `CLIENT_SECRET`. */
export function envName(raw: string): string {
  const n = raw.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase();
  return !n ? 'SECRET' : /^[0-9]/.test(n) ? `_${n}` : n;
}

/** Literal text and environment-variable references, in order. */
export type Part = { text: string } | { env: string };
export function parts(s: string): Part[] {
  return s
    .split(MARK)
    .map((p, i): Part => (i % 2 === 1 ? { env: p } : { text: p }))
    .filter((p) => !('text' in p) || p.text !== '');
}

/** For prose lists (advice.headers): `<NAME>`, like the key's placeholder. */
export const placeholders = (s: string): string => parts(s).map((p) => ('env' in p ? `<${p.env}>` : p.text)).join('');

/** A sensitive header's value as a variable reference (the scheme of Authorization stays). */
export function redactedHeader(h: { name: string; value: string }): { name: string; value: string } {
  if (!isSensitiveHeader(h.name)) return h;
  const scheme = /^(authorization|proxy-authorization)$/i.test(h.name) ? /^\s*([A-Za-z][\w-]*)\s+\S/.exec(h.value)?.[1] : undefined;
  return { name: h.name, value: `${scheme ? `${scheme} ` : ''}${envRef(envName(h.name))}` };
}

/** The body with each secret field's value replaced by a variable reference named after the field. */
export function redactedBody(body: string): string {
  let out = body;
  for (const s of bodySecrets(body)) {
    const ref = envRef(envName(s.key));
    if (s.form === 'json') {
      // The value next to its own key, so two fields with one value get their own variables.
      const at = new RegExp(`("${reEscape(JSON.stringify(s.key).slice(1, -1))}"\\s*:\\s*")${reEscape(JSON.stringify(s.value).slice(1, -1))}"`, 'g');
      const before = out;
      out = out.replace(at, (_m, head: string) => `${head}${ref}"`);
      // Spelled another way (other escapes): replace the value wherever it is.
      if (out === before) out = out.split(JSON.stringify(s.value).slice(1, -1)).join(ref);
    }
    else {
      const forms = new Set([encodeURIComponent(s.value), encodeURIComponent(s.value).replace(/%20/g, '+'), s.value]);
      for (const f of forms) out = out.split(`=${f}`).join(`=${ref}`);
    }
  }
  return out;
}

const reEscape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A URL's user-info and key-like parameters redacted (the credential's own placement is added by the snippet). */
export const redactedUrl = (url: string): string => redactUrl(url);
