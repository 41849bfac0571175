import type { Lang } from '../../../src-main/common/report.js';

/** The OS locale decides, unless the user picked a language before. */
export function detectLang(stored: string | null, languages: readonly string[]): Lang {
  if (stored === 'en' || stored === 'zh-CN') return stored;
  for (const l of languages) {
    const low = l.toLowerCase();
    if (low.startsWith('zh')) return 'zh-CN';
    if (low.startsWith('en')) return 'en';
  }
  return 'en';
}

/**
 * Fills `{name}` parameters. `{n|sample|samples}` is the English word for the count `n` (one
 * when n is 1, the other otherwise); Chinese needs no plural and simply does not use it.
 */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, k: string, one: string, other: string) => (k in params ? (Number(params[k]) === 1 ? one : other) : m))
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
