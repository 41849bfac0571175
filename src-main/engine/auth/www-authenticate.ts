/** One challenge of a WWW-Authenticate header (RFC 9110 §11.6.1). */
export interface Challenge {
  scheme: string;
  /** Lower-case parameter names: realm, error, error_description, scope, … */
  params: Record<string, string>;
  token68: string | null;
}

/**
 * Parses `WWW-Authenticate` into its challenges. The grammar lets commas separate both
 * challenges and parameters, so a token followed by a space (not `=`) starts a new challenge.
 * Lenient: a malformed tail is dropped rather than failing the whole header.
 */
export function parseWwwAuthenticate(header: string | null | undefined): Challenge[] {
  if (!header) return [];
  const out: Challenge[] = [];
  let i = 0;
  const s = header;
  const skipWs = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  };
  const token = (): string => {
    const m = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/.exec(s.slice(i));
    if (!m) return '';
    i += m[0].length;
    return m[0];
  };
  const quoted = (): string => {
    let v = '';
    i++; // opening quote
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\' && i + 1 < s.length) i++;
      v += s[i];
      i++;
    }
    i++; // closing quote
    return v;
  };
  let current: Challenge | null = null;
  let guard = 0;
  while (i < s.length && guard++ < 1000) {
    skipWs();
    if (s[i] === ',') {
      i++;
      continue;
    }
    const name = token();
    if (!name) break;
    skipWs();
    if (s[i] === '=' && current) {
      // name=value: a parameter of the current challenge (unless it is token68 padding).
      i++;
      skipWs();
      const value = s[i] === '"' ? quoted() : token();
      // defineProperty: a parameter named __proto__ is data like any other, never the object's prototype.
      Object.defineProperty(current.params, name.toLowerCase(), { value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    // A new challenge: scheme, then token68 or parameters.
    current = { scheme: name, params: {}, token68: null };
    out.push(current);
    // token68 is followed by a comma or the end. `name=` before a comma is token68 with one `=` of
    // padding too: a parameter's value is never empty (RFC 9110: token or quoted-string).
    const t68 = /^[A-Za-z0-9\-._~+/]+=*(?=\s*(,|$))/.exec(s.slice(i));
    if (t68) {
      current.token68 = t68[0];
      i += t68[0].length;
    }
  }
  return out;
}
