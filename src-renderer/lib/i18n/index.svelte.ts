import type { Lang } from '../../../src-main/common/report.js';
import type { MessageKey } from './en.js';
import { detectLang, format } from './format.js';
import { catalogue } from '../texts.js';

export type { MessageKey };
const STORAGE_KEY = 'api-doctor.lang';

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

class I18n {
  lang: Lang = $state(detectLang(readStored(), typeof navigator === 'undefined' ? [] : navigator.languages));

  t = (key: MessageKey, params?: Record<string, string | number>): string => format(catalogue(this.lang)[key], params);

  /** For keys built at run time (a probe id): the key's text if the catalogue has it, else the fallback. */
  maybe = (key: string, fallback: string): string => {
    const cat = catalogue(this.lang) as Record<string, string>;
    return Object.hasOwn(cat, key) ? cat[key]! : fallback;
  };

  /** Flips the language; its texts must be loaded (lib/texts.ts switchTexts does that first). */
  set(lang: Lang): void {
    this.lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Storage can be unavailable (private mode); the choice then lasts for this session.
    }
  }
}

export const i18n = new I18n();
