const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * A credential value that cannot leak by accident: printing, JSON-encoding or inspecting it
 * shows only a fingerprint (`sk-…9f2c`). `reveal()` is the one deliberate way to the value,
 * used only where it is placed on the wire.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  get fingerprint(): string {
    return fingerprint(this.#value);
  }
  toString(): string {
    return this.fingerprint;
  }
  toJSON(): string {
    return this.fingerprint;
  }
  [INSPECT](): string {
    return `Secret(${this.fingerprint})`;
  }
}

/** `sk-…9f2c`: a known prefix (if any) and the last four characters; short values show nothing. */
export function fingerprint(value: string): string {
  const v = value.trim();
  if (v.length < 12) return '…';
  const prefix = /^(sk-ant-|sk-proj-|sk-|Bearer |eyJ)/.exec(v)?.[0] ?? '';
  return `${prefix}…${v.slice(-4)}`;
}
