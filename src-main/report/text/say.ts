import type { Lang, StageResult } from '../../common/report.js';
import { isTextRef, type TextRef, type TextValue } from '../../common/text-ref.js';
import { PROBE_TEXTS, type SentenceText, type Vals } from './probe-texts.js';
import { CLIENT_TEXTS } from './client-texts.js';

/** Every sentence the engine refers to by code: probes and the runner, and the client matrix's rows. */
const TABLE: Record<string, SentenceText> = { ...PROBE_TEXTS, ...CLIENT_TEXTS };

const LIST_SEP: Record<Lang, string> = { en: '; ', 'zh-CN': '；' };

function valueText(v: TextValue | undefined, lang: Lang): string | undefined {
  if (v === undefined || v === null || v === false) return undefined;
  if (Array.isArray(v)) return v.map((x) => valueText(x, lang) ?? '').join(LIST_SEP[lang]);
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

/**
 * What a report's stages say was not checked, as one line in `lang` ("tcp: …; tls: …"), or null
 * when everything asked for ran. Reads the reason data, or the words of an older report.
 */
export function notCheckedList(stages: readonly StageResult[], lang: Lang): string | null {
  const parts = stages.flatMap((s) => {
    if (s.reasonRef?.code === 'run.notChecked') return [`${s.id}${SEP[lang]}${valueText(s.reasonRef.values?.items, lang) ?? ''}`];
    if (!s.reasonRef && s.reason?.startsWith('not checked: ')) return [`${s.id}: ${s.reason.slice('not checked: '.length)}`];
    return [];
  });
  return parts.length === 0 ? null : parts.join(LIST_SEP[lang]);
}

/** A stage that ran, with a probe that could not: "not checked: stream: no streaming endpoint known". */
export function stageNote(reason: TextRef | string, lang: Lang): string {
  if (typeof reason !== 'string') return sayText(reason, lang);
  const r = reason.replace(/^not checked: /, '');
  return lang === 'zh-CN' ? `未检查：${r}` : `not checked: ${r}`;
}

/** The probes a "not checked" reason lists (words in `lang`), or null when the reason is another. */
export function notCheckedItems(reason: TextRef | string | null | undefined, lang: Lang): string | null {
  if (typeof reason === 'string') return reason.startsWith('not checked: ') ? reason.slice('not checked: '.length) : null;
  return reason?.code === 'run.notChecked' ? (valueText(reason.values?.items, lang) ?? '') : null;
}

/** Whether a reason is the runner's "not yet checked": no probe of this build covers the stage. */
export const isNotYetCheckedReason = (reason: TextRef | string | null | undefined): boolean =>
  typeof reason === 'string' ? reason === 'not yet checked' : reason?.code === 'run.notYetChecked';

/** Whether a reason says an earlier probe blocked this one ("dns failed: …", "not run"). */
export const isBlockedReason = (reason: TextRef | string | null | undefined): boolean =>
  typeof reason === 'string' ? / failed: /.test(reason) || reason === 'not run' : reason?.code === 'run.depFailed' || reason?.code === 'run.notRun';

/** Whether a reason says the run was cancelled. */
export const isCancelledReason = (reason: TextRef | string | null | undefined): boolean =>
  typeof reason === 'string' ? reason.startsWith('cancelled') : (reason?.code.startsWith('run.cancelled') ?? false);
