import { scrubPatterns } from '../engine/redact-patterns.js';

/**
 * What the user typed, fit to echo in a usage error: user-info (`user:pass@`, with or without a
 * scheme), header lines, Bearer/Basic tokens, key-like parameters and known key formats redacted.
 */
export function redactTyped(text: string): string {
  const noUserinfo = text.replace(/(^|\/\/|[\s"'=])([^\s"'/@]*):([^\s"'/@]+)@/g, (_m, lead: string, user: string) => `${lead}${user}:[REDACTED]@`);
  return scrubPatterns(noUserinfo);
}
