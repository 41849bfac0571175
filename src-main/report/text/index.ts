/**
 * THE text module: every word the product shows about a run, in en and zh-CN, rendered from data.
 * Pure (no Node, no Electron), so the CLI, report.md, the bundle viewer and the renderer all call
 * the same functions, and a language switch re-renders locally.
 *   - findings: explain() / headline() (report/explain, one file per stage)
 *   - probe summaries, failure and skip reasons: sayText() over PROBE_TEXTS
 *   - evidence labels, advice prose, redaction labels: the files beside this one
 */
export { caFileHeadline, explain, headline, TEXTS } from '../explain/index.js';
export { EVIDENCE_LABELS, evidenceLabel } from './evidence-labels.js';
export { RETRY_ITEMS, RETRY_NOTES, retryItem, retryNote, timeoutReason } from './advice-texts.js';
export { REDACTION_LABELS, redactionLabel } from './redaction-labels.js';
export { PROBE_TEXTS, type ProbeText, type ProbeTextCode } from './probe-texts.js';
export { CLIENT_TEXTS } from './client-texts.js';
export { localizeReport } from './localize.js';
export { diffBundles, DIFF_FIELDS, type BundleView, type Difference } from './diff.js';
export { diffValueText } from './diff-texts.js';
export { isBlockedReason, isCancelledReason, isNotYetCheckedReason, notCheckedItems, notCheckedList, sayText, skipReason, stageNote } from './say.js';
