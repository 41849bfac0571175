import { err, ok } from '../common/result.js';
import { LANGS, type Lang } from '../common/report.js';
import type { HandlerTable } from './handlers.js';

export interface MenuDeps {
  /** Rebuilds the application menu in this language; absent without a menu (tests, headless). */
  setMenuLanguage?: (lang: Lang) => void;
}

/**
 * The menu follows the page's language switch: the renderer names the language it now shows and
 * main builds the menu again in it. The argument is untrusted: only a known language is accepted.
 */
export function menuHandlers(deps: MenuDeps): Pick<HandlerTable, 'setMenuLanguage'> {
  return {
    async setMenuLanguage(_ctx, lang) {
      if (typeof lang !== 'string' || !(LANGS as readonly string[]).includes(lang)) return err('bad-input', 'Unknown language');
      try {
        deps.setMenuLanguage?.(lang as Lang);
      } catch {
        // A menu that cannot be rebuilt keeps its old labels: never an exception across IPC.
        return err('internal', 'Cannot rebuild the menu');
      }
      return ok({ lang: lang as Lang });
    },
  };
}
