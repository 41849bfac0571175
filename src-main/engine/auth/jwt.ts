/** The time claims of a JWT, decoded locally (no signature check: only whether it can still be valid). */
export interface JwtTimes {
  exp: number | null;
  nbf: number | null;
}

function b64json(part: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Null unless the value is a JWS compact JWT (three parts, a header with `alg`). */
export function decodeJwt(value: string): JwtTimes | null {
  const v = value.trim().replace(/^Bearer\s+/i, '');
  const parts = v.split('.');
  if (parts.length !== 3 || !parts.every((p) => /^[A-Za-z0-9_-]*$/.test(p))) return null;
  const header = b64json(parts[0]!);
  const payload = b64json(parts[1]!);
  if (!header || typeof header.alg !== 'string' || !payload) return null;
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  return { exp: num(payload.exp), nbf: num(payload.nbf) };
}

/** Tolerance for nbf, like most verifiers: a minute of clock difference is normal. */
const LEEWAY_S = 60;

/** Why the token cannot be valid now, or null. */
export function jwtProblem(value: string, nowMs: number): null | { reason: 'expired' | 'not-yet-valid'; at: string } {
  const t = decodeJwt(value);
  if (!t) return null;
  const now = nowMs / 1000;
  if (t.exp !== null && t.exp < now) return { reason: 'expired', at: new Date(t.exp * 1000).toISOString() };
  if (t.nbf !== null && t.nbf > now + LEEWAY_S) return { reason: 'not-yet-valid', at: new Date(t.nbf * 1000).toISOString() };
  return null;
}
