/** Replacement text for a secret: says that something was there, never what. */
export const REDACTED = '[REDACTED]';

/**
 * One redactor per run. It learns every secret of the run and scrubs every string that leaves
 * the engine: report, HAR, logs, errors. It also catches the URL-encoded and base64 forms.
 */
export class Redactor {
  readonly #needles = new Set<string>();

  /** Registers a secret value (and its encodings). Values shorter than 4 characters are ignored: they would scrub ordinary text. */
  add(value: string | undefined | null): void {
    if (!value || value.length < 4) return;
    for (const form of encodings(value)) if (form.length >= 4) this.#needles.add(form);
  }

  get size(): number {
    return this.#needles.size;
  }

  scrub(text: string): string {
    if (this.#needles.size === 0 || !text) return text;
    let out = text;
    // Longest first, so a secret containing another is replaced whole.
    for (const n of [...this.#needles].sort((a, b) => b.length - a.length)) {
      if (out.includes(n)) out = out.split(n).join(REDACTED);
    }
    return out;
  }

  /** Scrubs every string inside a JSON-like value (keys too). */
  scrubDeep<T>(value: T): T {
    return this.#walk(value) as T;
  }

  #walk(v: unknown): unknown {
    if (typeof v === 'string') return this.scrub(v);
    if (Array.isArray(v)) return v.map((x) => this.#walk(x));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[this.scrub(k)] = this.#walk(x);
      return out;
    }
    return v;
  }
}

function encodings(value: string): string[] {
  const forms = new Set([value, value.trim()]);
  forms.add(encodeURIComponent(value));
  forms.add(encodeURIComponent(value).replace(/%20/g, '+'));
  forms.add(Buffer.from(value).toString('base64'));
  forms.add(Buffer.from(value).toString('base64url'));
  return [...forms];
}
