import type { Lang } from '../common/report.js';

/** A probe's one-line summary in the run's language (the wizard shows it next to each check). */
export const say = (lang: Lang, en: string, zh: string): string => (lang === 'zh-CN' ? zh : en);
