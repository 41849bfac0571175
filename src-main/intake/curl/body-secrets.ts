import { isSensitiveField, isSensitiveParam } from '../../engine/redact-patterns.js';

/** The secret values in a request body (a JSON object's or a form's sensitive fields), for the run's redactor. */
export function bodySecrets(body: string, secret: (v: string) => void): void {
  const t = body.trim();
  if (t.startsWith('{')) {
    try {
      const json = JSON.parse(t) as unknown;
      if (json && typeof json === 'object' && !Array.isArray(json)) {
        for (const [k, v] of Object.entries(json as Record<string, unknown>)) if (isSensitiveField(k) && typeof v === 'string') secret(v);
      }
    } catch {
      // Not JSON after all: nothing to learn.
    }
    return;
  }
  for (const pair of t.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    let v = pair.slice(eq + 1);
    try {
      v = decodeURIComponent(v.replace(/\+/g, ' '));
    } catch {
      // Keep it encoded.
    }
    if (isSensitiveParam(pair.slice(0, eq)) && v) secret(v);
  }
}
