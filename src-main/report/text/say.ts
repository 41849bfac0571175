import type { Lang } from '../../common/report.js';
import { isTextRef, type TextRef, type TextValue } from '../../common/text-ref.js';
import { PROBE_TEXTS, type SentenceText, type Vals } from './probe-texts.js';

const TABLE: Record<string, SentenceText> = PROBE_TEXTS;

function valueText(v: TextValue | undefined, lang: Lang): string | undefined {
  if (v === undefined || v === null || v === false) return undefined;
  if (isTextRef(v)) return sayText(v, lang);
  return String(v);
}

/**
 * A sentence in `lang`. A plain string (a report written before sentences were data, or a value
 * from outside) is shown as it is; an unknown code shows the code rather than nothing.
 */
export function sayText(ref: TextRef | string | null | undefined, lang: Lang): string {
  if (ref === null || ref === undefined) return '';
  if (typeof ref === 'string') return ref;
  const entry = TABLE[ref.code];
  if (!entry) return ref.code;
  const vals: Vals = {};
  for (const [k, v] of Object.entries(ref.values ?? {})) vals[k] = valueText(v, lang);
  return entry[lang](vals);
}

const SKIPPED: Record<Lang, string> = { en: 'skipped', 'zh-CN': '跳过' };
const SEP: Record<Lang, string> = { en: ': ', 'zh-CN': '：' };

/** A stage's skip line: "skipped: <why>", or "not yet checked" on its own. */
export function skipReason(reason: TextRef | string | null | undefined, lang: Lang): string {
  if (reason === null || reason === undefined || reason === '') return SKIPPED[lang];
  if (typeof reason !== 'string' && reason.code === 'run.notYetChecked') return sayText(reason, lang);
  if (reason === 'not yet checked') return sayText({ code: 'run.notYetChecked' }, lang);
  return `${SKIPPED[lang]}${SEP[lang]}${sayText(reason, lang)}`;
}
