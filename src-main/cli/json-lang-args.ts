import { parseArgs } from 'node:util';
import type { Lang } from '../common/report.js';
import { UsageError } from './io.js';

/** `[--json] [--lang en|zh-CN]` and the positionals: the whole grammar of `explain` and `diff`. */
export function parseJsonLangArgs(args: string[]): { json: boolean; lang: Lang; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { json: { type: 'boolean' }, lang: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  const { values, positionals } = parsed;
  const lang = (values.lang ?? 'en') as Lang;
  if (lang !== 'en' && lang !== 'zh-CN') throw new UsageError(`--lang "${String(values.lang).slice(0, 20)}": use en or zh-CN`);
  return { json: values.json ?? false, lang, positionals };
}
