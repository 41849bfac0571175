import { Redactor } from '../engine/redact.js';
import { wellFormed } from './well-formed.js';

/**
 * An error about a command must not repeat its secrets. The parse failed, so the secrets are not
 * known by value: learn what the command's words look like (header values, -u, URLs) and scrub
 * those, then scrub by shape.
 */
export function scrubCommandError(message: string, command: string): string {
  const r = new Redactor();
  const words = wellFormed(command).split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/^['"]|['"]$/g, '');
    const prev = words[i - 1] ?? '';
    if (/^(-u|--user|-U|--proxy-user|--oauth2-bearer)$/.test(prev)) r.add(w);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(w)) {
      r.addUrlCredentials(w);
      try {
        for (const [, v] of new URL(w).searchParams) if (v.length >= 8) r.add(v);
      } catch {
        // not a URL after all
      }
    }
    if (w.length >= 16 && /[A-Za-z]/.test(w) && /\d/.test(w) && !w.includes('/')) r.add(w);
  }
  return r.scrub(wellFormed(message));
}
