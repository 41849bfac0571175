import type { JsonValue, Lang, StageStatus, Verdict } from '../../common/report.js';
import { OUTCOME_WORDS as CLIENT_OUTCOME, STATUS_WORDS, VERDICT_WORDS } from './status-words.js';

/**
 * A comparison's values worded for people (text/diff.ts; why each difference matters is in
 * diff-why.ts). The diff's values stay data (`failing`, `fail: …`, `present`) so `diff --json` is stable;
 * the CLI's text and the app show them through `diffValueText`, in the reader's language.
 */

const WORDS: Record<Lang, { present: string; none: string; empty: string; yes: string; no: string; colon: string; list: string; ms: string }> = {
  en: { present: 'found', none: '(none)', empty: '(empty)', yes: 'yes', no: 'no', colon: ': ', list: ', ', ms: 'ms' },
  'zh-CN': { present: '出现', none: '（无）', empty: '（空）', yes: '是', no: '否', colon: '：', list: '、', ms: '毫秒' },
};

const isStatus = (s: string): s is StageStatus => s === 'pass' || s === 'warn' || s === 'fail' || s === 'skipped';
const isVerdict = (s: string): s is Verdict => s === 'healthy' || s === 'degraded' || s === 'failing' || s === 'cancelled';

/** One value of a difference as a reader sees it: statuses, verdicts and marks in `lang`; codes, hosts and versions as they are. */
export function diffValueText(path: string, v: JsonValue, lang: Lang): string {
  const w = WORDS[lang];
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? w.yes : w.no;
  if (typeof v === 'number') return path.startsWith('timings.') ? `${v} ${w.ms}` : String(v);
  if (Array.isArray(v)) return v.length === 0 ? w.none : v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(w.list);
  if (typeof v !== 'string') return JSON.stringify(v);
  // Set but empty (NO_PROXY=) differs from unset (—): say so instead of printing nothing.
  if (v === '') return w.empty;
  if (path.startsWith('findings.') && v === 'present') return w.present;
  // The English report says "FAILING" to stand out in a terminal; in a table cell it is a word.
  if (path === 'summary.verdict' && isVerdict(v)) return lang === 'en' ? VERDICT_WORDS.en[v].toLowerCase() : VERDICT_WORDS[lang][v];
  if (/^clients\.[^.]+\.outcome$/.test(path) && Object.hasOwn(CLIENT_OUTCOME[lang], v)) return CLIENT_OUTCOME[lang][v as keyof (typeof CLIENT_OUTCOME)['en']];
  if (path.startsWith('stages.') || /^clients\.[^.]+\.status$/.test(path)) {
    const m = /^(pass|warn|fail|skipped)(?:: ([\s\S]*))?$/.exec(v);
    if (m && isStatus(m[1]!)) return m[2] ? `${STATUS_WORDS[lang][m[1]]}${w.colon}${m[2]}` : STATUS_WORDS[lang][m[1]];
  }
  return v;
}
