import { Secret } from './secret.js';
import {
  REDACTED,
  isAlreadySafe,
  isSensitiveField,
  isSensitiveHeader,
  isSensitiveParam,
  redactHeaderValue,
  redactUrl,
  scrubPatterns,
  type OnHit,
  type RedactionKind,
} from './redact-patterns.js';

export { REDACTED, REDACTED_IN_URL, redactHeaders, redactHeaderValue, redactUrl, redactParams, isSensitiveHeader, isSensitiveParam } from './redact-patterns.js';
export type { RedactionKind } from './redact-patterns.js';

/** Where a value was replaced: a JSON path inside the scrubbed value, and what kind of secret it was. */
export interface RedactionHit {
  path: string;
  kind: RedactionKind;
}

/**
 * One redactor per run (and one per bundle). It learns every secret of the run and scrubs every
 * string that leaves the engine — report, HAR, logs, errors — in three layers:
 *  1. the values it was told (credentials, OAuth client secrets, proxy passwords) and their
 *     encodings: URL-encoded, base64/base64url at every byte alignment (so a Basic `user:pass`
 *     header or a token inside a larger base64 blob is caught too), JSON-escaped;
 *  2. structure: `{ name, value }` pairs whose name is a sensitive header or parameter, and
 *     object fields named like secrets (`client_secret`, `access_token`…);
 *  3. shape: URLs (user-info, key-like query parameters), `Authorization:` lines, Bearer/Basic
 *     tokens, well-known key formats — even when nobody told it the value.
 */
export class Redactor {
  readonly #needles = new Set<string>();
  #sorted: string[] | null = null;

  /** Registers a secret value (and its encodings). Values shorter than 4 characters are ignored: they would scrub ordinary text. */
  add(value: string | Secret | undefined | null): void {
    const v = value instanceof Secret ? value.reveal() : value;
    if (!v || v.length < 4) return;
    for (const form of encodings(v)) if (form.length >= 4) this.#needles.add(form);
    // `user:password` (Basic, proxy URLs): the password alone is a secret too.
    const colon = v.indexOf(':');
    if (colon > 0 && v.length - colon - 1 >= 4) for (const form of encodings(v.slice(colon + 1))) if (form.length >= 4) this.#needles.add(form);
    this.#sorted = null;
  }

  /** Registers the credentials inside a URL (a proxy URL with user:pass@). */
  addUrlCredentials(url: string | null | undefined): void {
    if (!url) return;
    try {
      const u = new URL(url);
      if (u.password) this.add(decodeURIComponent(u.password));
      if (u.username && u.password) this.add(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`);
      else if (u.username) this.add(decodeURIComponent(u.username));
    } catch {
      // Not a URL: nothing to learn.
    }
  }

  get size(): number {
    return this.#needles.size;
  }

  /**
   * Scrubs one string: known values first (longest first, so a secret containing another goes
   * whole), then shapes. Known values are also looked for through JSON string escapes (`\/`,
   * `\u002B`) and across line breaks (a base64 blob wrapped at 76 columns, a key split by a
   * log line): when one is found that way the text is returned decoded / re-joined around it.
   */
  scrub(text: string, onHit?: OnHit): string {
    if (!text) return text;
    let out = text;
    if (this.#needles.size > 0) {
      this.#sorted ??= [...this.#needles].sort((a, b) => b.length - a.length);
      out = this.#replaceKnown(out, onHit);
      if (out.includes('\\')) {
        const decoded = unescapeJson(out);
        const flat = /[\r\n]/.test(decoded) ? decoded.replace(/[\r\n]/g, '') : decoded;
        if (decoded !== out && this.#sorted.some((n) => flat.includes(n))) out = this.#replaceKnown(decoded, onHit);
      }
      if (/[\r\n]/.test(out)) out = this.#replaceAcrossLines(out, onHit);
    }
    return scrubPatterns(out, onHit);
  }

  #replaceKnown(text: string, onHit?: OnHit): string {
    let out = text;
    for (const n of this.#sorted!) {
      if (out.includes(n)) {
        out = out.split(n).join(REDACTED);
        onHit?.('known secret');
      }
    }
    return out;
  }

  /** A known value split by line breaks: found in the text with the breaks removed, then cut out of the original. */
  #replaceAcrossLines(text: string, onHit?: OnHit): string {
    // Cheap test first (native replace); the index map is built only when a value is really split.
    const flat = text.replace(/[\r\n]/g, '');
    if (!this.#sorted!.some((n) => flat.includes(n))) return text;
    const { text: joined, map } = joinLines(text);
    const cuts: [number, number][] = [];
    for (const n of this.#sorted!) {
      let i = joined.indexOf(n);
      while (i >= 0) {
        cuts.push([map[i]!, map[i + n.length - 1]! + 1]);
        i = joined.indexOf(n, i + n.length);
      }
    }
    if (cuts.length === 0) return text;
    onHit?.('known secret');
    cuts.sort((a, b) => a[0] - b[0]);
    let out = '';
    let at = 0;
    for (const [from, to] of cuts) {
      if (to <= at) continue;
      out += text.slice(at, Math.max(at, from)) + REDACTED;
      at = to;
    }
    return out + text.slice(at);
  }

  /** Scrubs every string inside a JSON-like value (keys too). */
  scrubDeep<T>(value: T): T {
    return this.#walk(value, '$', null) as T;
  }

  /** Like scrubDeep, and says where each replacement happened (for the bundle's redaction preview). */
  scrubDeepWithHits<T>(value: T, root = '$'): { value: T; hits: RedactionHit[] } {
    const hits: RedactionHit[] = [];
    const out = this.#walk(value, root, hits) as T;
    return { value: out, hits };
  }

  #walk(v: unknown, path: string, hits: RedactionHit[] | null): unknown {
    const hit = (p: string): OnHit | undefined => (hits ? (kind) => hits.push({ path: p, kind }) : undefined);
    if (typeof v === 'string') return this.scrub(v, hit(path));
    if (v instanceof Secret) {
      hits?.push({ path, kind: 'known secret' });
      return v.fingerprint;
    }
    if (Array.isArray(v)) return v.map((x, i) => this.#walk(x, `${path}[${i}]`, hits));
    if (v && typeof v === 'object') {
      const rec = v as Record<string, unknown>;
      // `{ name, value }`: a header, a query parameter, a cookie (HAR and HttpExchange shapes).
      const pairName = typeof rec.name === 'string' && typeof rec.value === 'string' ? rec.name : null;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(rec)) {
        const p = `${path}.${k}`;
        const key = this.scrub(k, hit(p));
        if (k === 'value' && pairName !== null && typeof x === 'string') {
          out[key] = this.#pairValue(pairName, x, hit(p));
        } else if (typeof x === 'string' && isSensitiveField(k) && !isHeaderLike(k) && !isAlreadySafe(x)) {
          hits?.push({ path: p, kind: 'secret field' });
          out[key] = REDACTED;
        } else if (typeof x === 'string' && isSensitiveHeader(k) && !isOwnField(k) && !isAlreadySafe(x)) {
          // Structure first, so the preview names the header rather than the token shape inside it.
          out[key] = this.scrub(redactHeaderValue(k, x, hit(p) ?? noop), hit(p));
        } else {
          out[key] = this.#walk(x, p, hits);
        }
      }
      return out;
    }
    return v;
  }

  #pairValue(name: string, value: string, onHit: OnHit | undefined): string {
    if (isSensitiveHeader(name)) return this.scrub(redactHeaderValue(name, value, onHit ?? noop), onHit);
    if (isSensitiveParam(name) && !isAlreadySafe(value)) {
      onHit?.('query param');
      return REDACTED;
    }
    return this.scrub(value, onHit);
  }
}

const noop: OnHit = () => {};
/** Our own camelCase fields (`secretEnvVar`, `tokenUrl`) are not header names: HTTP header names are never camelCase. */
const isOwnField = (k: string): boolean => /^[a-z]+[A-Z]/.test(k);
/** Header-ish field names (`authorization`, `cookie`) keep their scheme / cookie names; other secret fields go whole. */
const isHeaderLike = (k: string): boolean => /^(authorization|proxy[-_]?authorization|cookie|set[-_]?cookie)$/i.test(k);

/** JSON string escapes decoded (`\/`, `\"`, `\\`, `\n`, `\uXXXX`); anything else left as it is. */
export function unescapeJson(text: string): string {
  const simple: Record<string, string> = { '/': '/', '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  return text.replace(/\\(u[0-9a-fA-F]{4}|["\\/nrtbf])/g, (m, e: string) => (e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : (simple[e] ?? m)));
}

/** The text without its line breaks, and for each kept character its index in the original. */
function joinLines(text: string): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') continue;
    out += c;
    map.push(i);
  }
  return { text: out, map };
}

/** Redacts a URL by shape and by the given redactor's known values; for the HTTP engine and the HAR. */
export function redactUrlWith(redactor: Redactor | null, url: string): string {
  return redactUrl(redactor ? redactor.scrub(url).split(REDACTED).join('%5BREDACTED%5D') : url);
}

/** Lone surrogates replaced by U+FFFD, as `String.prototype.toWellFormed` does (ES2024, not in our lib). */
const wellFormed = (s: string): string => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/**
 * Every form a secret may take in output. For base64 the secret can sit at any byte offset of a
 * larger encoded blob (`user:` before it in a Basic header); the characters fully determined by
 * the secret's own bits are the same at a given offset mod 3, so redacting those "cores" removes
 * the secret from any base64 text that contains it.
 */
export function encodings(value: string): string[] {
  const forms = new Set([value, value.trim()]);
  // encodeURI(Component) throws on a lone UTF-16 surrogate; URL serializers and UTF-8 encoders
  // write U+FFFD for it (%EF%BF%BD), so the encoded forms are those of the well-formed string.
  const enc = encodeURIComponent(wellFormed(value));
  forms.add(enc);
  forms.add(enc.replace(/%20/g, '+'));
  forms.add(enc.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
  forms.add(encodeURI(wellFormed(value)));
  forms.add(JSON.stringify(value).slice(1, -1));
  const bytes = Buffer.from(value, 'utf8');
  for (const k of [0, 1, 2]) {
    const padded = Buffer.concat([Buffer.alloc(k), bytes]);
    const start = Math.ceil((8 * k) / 6);
    const end = Math.floor((8 * (k + bytes.length)) / 6);
    for (const alphabet of ['base64', 'base64url'] as const) {
      const core = padded.toString(alphabet).slice(start, end);
      // Shorter cores would match ordinary base64 by chance.
      if (core.length >= 6) forms.add(core);
    }
  }
  forms.add(bytes.toString('base64'));
  forms.add(bytes.toString('base64url'));
  // Hex dumps (debug echoes), both cases; from six bytes on, so short hex never matches by chance.
  if (bytes.length >= 6) {
    forms.add(bytes.toString('hex'));
    forms.add(bytes.toString('hex').toUpperCase());
  }
  // JSON's other legal escapes of the same string: `\/` and `\uXXXX` for every non-alphanumeric.
  forms.add(value.replace(/\//g, '\\/'));
  forms.add(value.replace(/[^A-Za-z0-9]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  forms.add(value.replace(/[^A-Za-z0-9]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`));
  // Upper- and lower-cased and reversed echoes (docs/security.md): a server or a log that
  // normalises case still shows most of a key; only for values long enough not to match prose.
  if (value.length >= 8) {
    forms.add(value.toUpperCase());
    forms.add(value.toLowerCase());
    forms.add([...value].reverse().join(''));
  }
  return [...forms];
}
