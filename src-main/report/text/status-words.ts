import type { ClientOutcome } from '../../common/clients.js';
import type { Lang, StageStatus, Verdict } from '../../common/report.js';

/**
 * The one-word names of a verdict, a stage status and a client's outcome: the terminal report
 * (render-strings.ts, render-clients.ts) and the comparison (diff-texts.ts) share them. Small and
 * on their own so the page can use them without the terminal report's other words.
 */
export const VERDICT_WORDS: Record<Lang, Record<Verdict, string>> = {
  en: { healthy: 'HEALTHY', degraded: 'DEGRADED', failing: 'FAILING', cancelled: 'CANCELLED' },
  'zh-CN': { healthy: '正常', degraded: '部分异常', failing: '失败', cancelled: '已取消' },
};

export const STATUS_WORDS: Record<Lang, Record<StageStatus, string>> = {
  en: { pass: 'passed', warn: 'warning', fail: 'failed', skipped: 'skipped' },
  'zh-CN': { pass: '通过', warn: '警告', fail: '失败', skipped: '跳过' },
};

export const OUTCOME_WORDS: Record<Lang, Record<ClientOutcome, string>> = {
  en: { ok: 'ok', fail: 'fails', 'at-risk': 'at risk', unknown: 'unknown' },
  'zh-CN': { ok: '可用', fail: '失败', 'at-risk': '有风险', unknown: '未知' },
};
