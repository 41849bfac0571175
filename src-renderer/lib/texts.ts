import { createSubscriber } from 'svelte/reactivity';
import type { FindingCode } from '../../src-main/common/codes.js';
import type { AdviceBasis, RetryNoteCode } from '../../src-main/common/advice.js';
import type { Evidence, JsonValue, Lang, Report } from '../../src-main/common/report.js';
import type { TextRef } from '../../src-main/common/text-ref.js';
import type { Explanation } from '../../src-main/report/explain/types.js';
import type { BundleView, Difference } from '../../src-main/report/text/diff.js';
import type { MessageKey } from './i18n/en.js';
import type * as EnTexts from './texts-en.js';

/**
 * The renderer's only door to the text module (an ESLint rule keeps it so). Every text entry
 * holds both languages, and both together are more than the renderer's size budget, so each
 * language is its own lazily loaded chunk (texts-en.ts, texts-zh-CN.ts, split by
 * scripts/vite-lang-split.ts) and a user loads the one they read. main.ts awaits the start
 * language before mounting; a language switch awaits the new one before flipping (switchTexts).
 * A component that asks for a language not loaded yet (a report made in the other language) gets
 * the loaded language's words meanwhile and re-renders when the asked one arrives: never a blank.
 *
 * (test/integration/renderer-size.test.ts checks the budget and that the entry carries no texts.)
 */

/** What each language's chunk exports (the English catalogue's type is its literal words). */
type Texts = Omit<typeof EnTexts, 'catalogue'> & { catalogue: Readonly<Record<MessageKey, string>> };
const LOAD: Record<Lang, () => Promise<Texts>> = { en: () => import('./texts-en.js'), 'zh-CN': () => import('./texts-zh-CN.js') };
const ORDER: readonly Lang[] = ['en', 'zh-CN'];

const loaded: Partial<Record<Lang, Texts>> = {};
const loading = new Map<Lang, Promise<void>>();
const arrived = new Set<() => void>();
/** Reading texts inside an effect (a template, a $derived) subscribes it to a language arriving. */
const track = createSubscriber((update) => {
  arrived.add(update);
  return () => arrived.delete(update);
});

/** Loads `lang`'s texts (once); resolves when they can be used. */
export function ensureTexts(lang: Lang): Promise<void> {
  if (loaded[lang]) return Promise.resolve();
  let p = loading.get(lang);
  if (!p) {
    p = LOAD[lang]().then(
      (m) => {
        loaded[lang] = m;
        for (const update of arrived) update();
      },
      (e: unknown) => {
        loading.delete(lang); // a later call may try again
        throw e;
      },
    );
    loading.set(lang, p);
  }
  return p;
}

export const textsLoaded = (lang: Lang): boolean => loaded[lang] !== undefined;

let latest = 0;
/**
 * A language switch: loads `lang`, then runs `apply` (flip i18n.lang, re-word the report), so the
 * screen never shows a language it has no words for. Only the last switch asked for applies.
 */
export function switchTexts(lang: Lang, apply: () => void): void {
  const n = ++latest;
  ensureTexts(lang).then(
    () => {
      if (n === latest) apply();
    },
    (e: unknown) => console.error(`texts for ${lang} could not be loaded; staying in the current language`, e),
  );
}

/** Any loaded language's texts, for questions whose answer is the same in every language. */
function anyLoaded(): { t: Texts; lang: Lang } {
  for (const lang of ORDER) {
    const t = loaded[lang];
    if (t) return { t, lang };
  }
  throw new Error('no texts loaded: await ensureTexts(lang) before rendering');
}

/** The texts for `lang`, or until they arrive another loaded language's (and `lang` starts loading). */
function use(lang: Lang): { t: Texts; lang: Lang } {
  track();
  const own = loaded[lang];
  if (own) return { t: own, lang };
  ensureTexts(lang).catch((e: unknown) => console.error(`texts for ${lang} could not be loaded`, e));
  return anyLoaded();
}

export const explain = (code: FindingCode, evidence: Evidence, lang: Lang): Explanation => {
  const u = use(lang);
  return u.t.explain(code, evidence, u.lang);
};
export const evidenceLabel = (key: string, lang: Lang): string => {
  const u = use(lang);
  return u.t.evidenceLabel(key, u.lang);
};
export const sayText = (ref: TextRef | string | null | undefined, lang: Lang): string => {
  const u = use(lang);
  return u.t.sayText(ref, u.lang);
};
export const notCheckedItems = (reason: TextRef | string | null | undefined, lang: Lang): string | null => {
  const u = use(lang);
  return u.t.notCheckedItems(reason, u.lang);
};
// Questions about a reason whose answer is the same in every language: asked of whichever
// language is loaded, so they never load another. (Importing say.ts here for them would pull
// every sentence into the entry chunk: its sentence table is built with a spread.)
type Reason = TextRef | string | null | undefined;
export const isBlockedReason = (reason: Reason): boolean => anyLoaded().t.isBlockedReason(reason);
export const isCancelledReason = (reason: Reason): boolean => anyLoaded().t.isCancelledReason(reason);
export const isNotYetCheckedReason = (reason: Reason): boolean => anyLoaded().t.isNotYetCheckedReason(reason);
/** Whether a reason is "not checked: …". */
export const isNotCheckedReason = (reason: TextRef | string | null | undefined): boolean => {
  const u = anyLoaded();
  return u.t.notCheckedItems(reason, u.lang) !== null;
};
export const retryItem = (item: string, lang: Lang): string => {
  const u = use(lang);
  return u.t.retryItem(item, u.lang);
};
export const retryNote = (code: RetryNoteCode | null | undefined, lang: Lang): string | null => {
  const u = use(lang);
  return u.t.retryNote(code, u.lang);
};
export const timeoutReason = (basis: AdviceBasis, lang: Lang): string => {
  const u = use(lang);
  return u.t.timeoutReason(basis, u.lang);
};
export const redactionLabel = (kind: string, lang: Lang): string => {
  const u = use(lang);
  return u.t.redactionLabel(kind, u.lang);
};
/** The report in `lang`; until `lang` is loaded, in the loaded language (its `lang` says which). */
export const localizeReport = (report: Report, lang: Lang): Report => {
  const u = use(lang);
  return u.t.localizeReport(report, u.lang);
};
/** What differs between two runs, worded in `lang` (history compare). */
export const diffBundles = (a: BundleView, b: BundleView, lang: Lang): { differences: Difference[] } => {
  const u = use(lang);
  return u.t.diffBundles(a, b, u.lang);
};
export const diffValueText = (path: string, v: JsonValue, lang: Lang): string => {
  const u = use(lang);
  return u.t.diffValueText(path, v, u.lang);
};
/** The wizard's own strings (lib/i18n) in `lang`. */
export const catalogue = (lang: Lang): Readonly<Record<MessageKey, string>> => use(lang).t.catalogue;
