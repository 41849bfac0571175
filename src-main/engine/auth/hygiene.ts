/** Something wrong with a credential's text that makes every server refuse it. */
export type HygieneProblem = 'empty' | 'whitespace' | 'newline' | 'quotes' | 'non-ascii' | 'doubled-prefix' | 'missing-prefix';

export interface HygieneReport {
  problems: HygieneProblem[];
  /** For non-ASCII: the first offending character, as U+XXXX, and its position. */
  firstBadChar: string | null;
}

const SCHEMES = /^(Bearer|Basic|Token|Digest|ApiKey|Key|Api-Key)\s/i;

/**
 * Checks a credential before it is sent. `raw` is a key we place ourselves (we add `Bearer `);
 * `authorization` is a whole Authorization header value the user wrote (it needs its scheme).
 */
export function checkHygiene(value: string, kind: 'raw-bearer' | 'raw' | 'authorization'): HygieneReport {
  const problems: HygieneProblem[] = [];
  let firstBadChar: string | null = null;
  if (value.trim() === '') return { problems: ['empty'], firstBadChar };
  if (/[\r\n]/.test(value)) problems.push('newline');
  // A trailing line break alone is "newline", not also "spaces around it": each problem its own fix.
  const flat = value.replace(/[\r\n]/g, '');
  if (flat !== flat.trim()) problems.push('whitespace');
  const core = value.trim().replace(SCHEMES, '');
  if (/^["'`].*["'`]$/s.test(core) || /^["'`]|["'`]$/.test(core)) problems.push('quotes');
  for (let i = 0; i < value.length; i++) {
    const c = value.codePointAt(i)!;
    if ((c > 0x7e || (c < 0x20 && c !== 0x0a && c !== 0x0d)) && !firstBadChar) {
      firstBadChar = `U+${c.toString(16).toUpperCase().padStart(4, '0')} at position ${i + 1}`;
      problems.push('non-ascii');
    }
  }
  if (kind === 'raw-bearer' && /^\s*bearer\s/i.test(value)) problems.push('doubled-prefix');
  if (kind === 'authorization') {
    if (/^\s*bearer\s+bearer\s/i.test(value)) problems.push('doubled-prefix');
    else if (!SCHEMES.test(value.trim())) problems.push('missing-prefix');
  }
  return { problems, firstBadChar };
}
