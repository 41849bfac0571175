import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { KNOWLEDGE } from '../../../src-main/intake/explain/table.js';
import { UNDERSTOOD } from '../../../src-main/intake/curl/options.js';
import { DIFF_FIELDS } from '../../../src-main/report/text/diff.js';

/** docs/intake.md lists what the code covers; a row, option or field added without the doc fails here. */
describe('docs/intake.md is fresh', () => {
  const doc = readFileSync('docs/intake.md', 'utf8');
  it('every knowledge row, with its source', () => {
    for (const r of KNOWLEDGE) {
      expect(doc).toContain(`\`${r.id}\``);
      expect(doc).toContain(r.source);
    }
  });
  it('every understood curl option and every diff field', () => {
    for (const n of UNDERSTOOD) expect(doc).toContain(`--${n}\``);
    for (const f of DIFF_FIELDS) expect(doc).toContain(`\`${f}\``);
  });
});
