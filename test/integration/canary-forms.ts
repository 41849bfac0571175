import { randomBytes } from 'node:crypto';

/** A random secret nobody could guess or find by accident: letters and digits, 32 characters. */
export function randomCanary(prefix = 'cnry'): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(28);
  return prefix + [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Like randomCanary, with the characters JSON and URLs escape (`/`, `+`, `=`) inside it. */
export function randomSymbolCanary(prefix = 'sym'): string {
  const a = randomCanary(prefix);
  return `${a.slice(0, 12)}/${a.slice(12, 20)}+${a.slice(20)}=`;
}

/** The forms a leaked canary could take in output: raw, URL-encoded, base64, base64url, hex. */
export function canaryForms(secret: string): string[] {
  const forms = new Set<string>();
  const t = secret.trim();
  if (t.length >= 8) forms.add(t);
  const enc = encodeURIComponent(secret);
  if (enc.length >= 8) {
    forms.add(enc);
    forms.add(enc.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
    forms.add(enc.replace(/%20/g, '+'));
  }
  const b = Buffer.from(secret);
  // Unpadded, so a padded or embedded occurrence matches too.
  for (const f of [b.toString('base64').replace(/=+$/, ''), b.toString('base64url')]) if (f.length >= 8) forms.add(f);
  forms.add(b.toString('hex'));
  forms.add(b.toString('hex').toUpperCase());
  forms.add([...t].reverse().join(''));
  return [...forms];
}

/** JSON string escapes decoded (`\/`, `\u002B`, `\n`, `\\`…). */
const unescapeJson = (text: string): string =>
  text.replace(/\\(u[0-9a-fA-F]{4}|["\\/nrtbf])/g, (m, e: string) => (e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : ({ '/': '/', '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? m));

/** The text as a reader could reassemble it: JSON escapes decoded (twice: a JSON string inside a JSON file), line breaks removed. */
function views(text: string): string[] {
  const once = unescapeJson(text);
  const twice = unescapeJson(once);
  const out = new Set([text, once, twice]);
  for (const v of [...out]) out.add(v.replace(/[\r\n]/g, ''));
  return [...out];
}

/**
 * The first leak of any canary in `text`, or null. Besides the direct forms it decodes every
 * base64/base64url run in the text and looks inside: that is how a `Basic user:secret` header,
 * or a token wrapped in a larger base64 blob, would leak.
 */
export function findLeak(text: string, canaries: string[]): string | null {
  for (const view of views(text)) {
    const lower = view.toLowerCase();
    for (const c of canaries) {
      for (const f of canaryForms(c)) if (view.includes(f)) return `canary form "${f}"`;
      // Case-folded echoes: docs/security.md says these are redacted too.
      if (c.length >= 12 && lower.includes(c.toLowerCase())) return `case-folded canary "${c.slice(0, 8)}…"`;
    }
  }
  for (const run of text.match(/[A-Za-z0-9+/_-]{12,}={0,2}/g) ?? []) {
    for (const shift of [0, 1, 2, 3]) {
      const piece = run.slice(shift);
      for (const alphabet of ['base64', 'base64url'] as const) {
        const decoded = Buffer.from(piece, alphabet).toString('latin1');
        for (const c of canaries) if (decoded.includes(c)) return `base64-wrapped canary in "${run.slice(0, 40)}…"`;
      }
    }
  }
  return null;
}
