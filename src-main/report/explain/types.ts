import type { Evidence, Lang } from '../../common/report.js';

export interface Explanation {
  title: string;
  detail: string;
  fixes: string[];
}

/** Puts one finding into words, from its evidence, in one language. */
export type Explainer = (evidence: Evidence) => Explanation;

/**
 * A code's text in both languages (every code must read well in English and Simplified Chinese),
 * plus a realistic example of its evidence: docs/codes.md is generated from it.
 */
export type CodeText = Record<Lang, Explainer> & { example: Evidence };

/** Reads a value out of evidence for use in text; a missing value shows as "?" rather than "undefined". */
export const ev = (e: Evidence, key: string): string => {
  const v = e[key];
  if (v === undefined || v === null) return '?';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

/** "1 request", "3 requests": an English count with its noun (Chinese needs no plural). */
export const plural = (n: unknown, one: string, other = `${one}s`): string => `${n === undefined || n === null ? '?' : String(n)} ${Number(n) === 1 ? one : other}`;
/** A count read out of evidence, with its English noun. */
export const evCount = (e: Evidence, key: string, one: string, other?: string): string => plural(e[key], one, other);
