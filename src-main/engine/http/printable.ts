import type { Evidence, JsonValue } from '../../common/report.js';

/**
 * C0/C1 controls (ESC sequences retitle, clear or recolour a terminal), and the Unicode bidi
 * overrides that make text read differently than it is. Server text quoted in a finding must
 * carry none of them: the human report prints it to a terminal.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print: unsafe characters become U+FFFD, line breaks a space. */
export const printable = (s: string): string => s.replace(/\r\n|\r|\n/g, ' ').replace(UNSAFE, '\uFFFD');

function walk(v: JsonValue): JsonValue {
  if (typeof v === 'string') return printable(v);
  if (Array.isArray(v)) return v.map(walk);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [printable(k), walk(x)]));
  return v;
}

/** Every string of a finding's evidence made printable (what servers said is quoted there). */
export const printableEvidence = (e: Evidence): Evidence => walk(e) as Evidence;
