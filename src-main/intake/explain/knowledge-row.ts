import type { FindingCode } from '../../common/codes.js';
import type { Lang } from '../../common/report.js';

/** Which run confirms a guess: a stage of the diagnosis (and its wizard step), or a special case. */
export type Confirm = 'proxy' | 'dns' | 'tcp' | 'tls' | 'http' | 'auth' | 'server' | 'stream' | 'cause' | 'timeout' | 'clients';

export interface KnowledgeRow {
  id: string;
  re: RegExp;
  codes: readonly (readonly [FindingCode, number])[];
  why: Record<Lang, string>;
  confirm: Confirm;
  source: string;
  example: string;
}

export const row = (id: string, re: RegExp, codes: KnowledgeRow['codes'], en: string, zh: string, confirm: Confirm, source: string, example: string): KnowledgeRow => ({
  id,
  re,
  codes,
  why: { en, 'zh-CN': zh },
  confirm,
  source,
  example,
});
