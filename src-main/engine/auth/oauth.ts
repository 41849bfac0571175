import type { Secret } from '../secret.js';

/** What the OAuth 2.0 client-credentials token request gave. The token is a Secret: it never prints. */
export interface OAuthData {
  tokenUrl: string;
  token: Secret | null;
  status: number | null;
  /** RFC 6749 §5.2 `error` and `error_description`, when the endpoint refused. */
  error: string | null;
  errorDescription: string | null;
  /** A network failure before any answer (classified code or errno). */
  networkError: string | null;
  tokenType: string | null;
  expiresIn: number | null;
}

/** Reads a token endpoint's JSON answer (success or RFC 6749 error) without trusting its shape. */
export function readTokenAnswer(text: string): { accessToken: string | null; tokenType: string | null; expiresIn: number | null; error: string | null; errorDescription: string | null } {
  let j: Record<string, unknown> = {};
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) j = v as Record<string, unknown>;
  } catch {
    // Not JSON: some endpoints answer form-encoded; fall through with what URLSearchParams finds.
    const p = new URLSearchParams(text);
    for (const [k, val] of p) j[k] = val;
  }
  const s = (x: unknown) => (typeof x === 'string' && x !== '' ? x : null);
  const n = (x: unknown) => (typeof x === 'number' ? x : typeof x === 'string' && /^\d+$/.test(x) ? Number(x) : null);
  return { accessToken: s(j.access_token), tokenType: s(j.token_type), expiresIn: n(j.expires_in), error: s(j.error), errorDescription: s(j.error_description) };
}
