import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ALL_CODES } from '../../../src-main/common/codes.js';
import { renderCodesDoc } from '../../../scripts/codes-doc-render.js';
import { reportSchema } from '../../report-schema.js';

describe('docs', () => {
  it('docs/codes.md is generated from the code table and texts, and is up to date (node scripts/codes-doc.mjs)', () => {
    const doc = renderCodesDoc();
    expect(readFileSync('docs/codes.md', 'utf8')).toBe(doc);
    for (const c of ALL_CODES) expect(doc).toContain(`### ${c}`);
  });

  it('docs/report.schema.json lists exactly the contract codes', () => {
    const codes = (reportSchema as { definitions: { code: { enum: string[] } } }).definitions.code.enum;
    expect([...codes].sort()).toEqual([...ALL_CODES].sort());
  });
});
