// The English texts: built with English words only (scripts/vite-lang-split.ts) into their own
// lazily loaded chunk. Only lib/texts.ts imports this file; keep it the same as texts-zh-CN.ts.
export { explain } from '../../src-main/report/explain/index.js';
export { evidenceLabel } from '../../src-main/report/text/evidence-labels.js';
export { retryItem, retryNote, timeoutReason } from '../../src-main/report/text/advice-texts.js';
export { redactionLabel } from '../../src-main/report/text/redaction-labels.js';
export { localizeReport } from '../../src-main/report/text/localize.js';
export { isBlockedReason, isCancelledReason, isNotYetCheckedReason, notCheckedItems, sayText } from '../../src-main/report/text/say.js';
export { diffBundles } from '../../src-main/report/text/diff.js';
export { diffValueText } from '../../src-main/report/text/diff-texts.js';
export { en as catalogue } from './i18n/en.js';
