const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * A credential value that cannot leak by accident: printing, JSON-encoding, string-coercing or
 * inspecting it shows only a fingerprint (`sk-…9f2c`). `reveal()` is the one deliberate way to
 * the value, used only where it is placed on the wire (and by the redactor, to learn it).
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    if (typeof value !== 'string') throw new TypeError('Secret needs a string');
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  get fingerprint(): string {
    return fingerprint(this.#value);
  }
  get length(): number {
    return this.#value.length;
  }
  toString(): string {
    return this.fingerprint;
  }
  toJSON(): string {
    return this.fingerprint;
  }
  /** Template literals and `+` go through here, not through toString. */
  [Symbol.toPrimitive](): string {
    return this.fingerprint;
  }
  [INSPECT](): string {
    return `Secret(${this.fingerprint})`;
  }
}

/** Known key prefixes worth showing: they tell a user which key it is without weakening it. */
const PREFIX = /^(sk-ant-api\d\d-|sk-ant-|sk-proj-|sk-or-v1-|sk-|Bearer |eyJ|ghp_|github_pat_|xox[bp]-|AKIA|AIza)/;

/** What wraps a key by accident (quotes from a shell or a .env file, zero-width characters from a web page). */
const WRAPPING = /^[\s"'`\u200b-\u200d\u2060\ufeff]+|[\s"'`\u200b-\u200d\u2060\ufeff]+$/g;
/** A fingerprint's tail characters beyond these show as "?": they could read as markup or as a different key. */
const TAIL_SAFE = /[^\w+/=~.-]/g;

/**
 * `sk-…9f2c`: a known prefix (if any) and the last four characters. Values under 12 characters
 * show nothing at all: four characters of an eight-character secret is half of it.
 * It is the fingerprint of the key as its owner knows it: quotes, spaces and line breaks around
 * it and a doubled "Bearer " are left out, so `"sk-…9f2c"` pasted with quotes reads `sk-…9f2c`
 * like the clean key (a user recognises it) and stays in the shape the redactor keeps.
 */
export function fingerprint(value: string): string {
  const v = value.replace(WRAPPING, '').replace(/^Bearer\s+(?=\S{12})/i, '').replace(WRAPPING, '');
  if (v.length < 12) return '…';
  const prefix = PREFIX.exec(v)?.[0] ?? '';
  return `${prefix}…${v.slice(-4).replace(TAIL_SAFE, '?')}`;
}
