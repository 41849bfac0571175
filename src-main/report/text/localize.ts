import type { Lang, Report } from '../../common/report.js';
import { caFileHeadline, explain, headline, notCheckedHeadline } from '../explain/index.js';
import { retryNote, timeoutReason } from './advice-texts.js';
import { notCheckedList, sayText } from './say.js';

/**
 * The same report in another language: every text is made again from data (finding codes and
 * evidence, stage reasons, the advice's measurements); the data never changes, only the words.
 * Pure, so the renderer does it locally on a language switch and report.md can be written in any
 * language. A report from an older version without reason data keeps its reason words.
 */
export function localizeReport(report: Report, lang: Lang): Report {
  if (report.lang === lang) return report;
  const findings = report.findings.map((f) => ({ ...f, ...explain(f.code, f.evidence, lang) }));
  const stages = report.stages.map((s) => (s.reasonRef ? { ...s, reason: sayText(s.reasonRef, lang) } : s));
  const firstTitle = (severity: 'error' | 'warn') => findings.find((f) => f.severity === severity)?.title ?? null;
  const verdict = report.summary.verdict;
  // A cancelled run names what it found before the cancel; a healthy one with unchecked probes says which.
  const root = findings.find((f) => f.code === report.summary.rootCause && f.severity === 'error');
  const missing = verdict === 'healthy' ? notCheckedList(stages, lang) : null;
  const caFile = report.summary.caFileOnly;
  const words =
    verdict === 'cancelled'
      ? headline(verdict, firstTitle('error') ?? firstTitle('warn'), lang)
      : verdict === 'healthy' && caFile
        ? caFileHeadline(caFile.client, report.clients, lang)
        : missing !== null
          ? notCheckedHeadline(missing, lang)
          : headline(verdict, root?.title ?? firstTitle('warn'), lang);
  const a = report.advice;
  const advice = a?.basedOn && a.timeouts && a.retry
    ? { advice: { ...a, timeouts: { ...a.timeouts, reason: timeoutReason(a.basedOn, lang) }, retry: { ...a.retry, note: retryNote(a.retry.noteCode, lang) } } }
    : {};
  // Matrix rows carry their label and reason as data (a report from before that keeps its words).
  const clients = report.clients?.map((c) => ({ ...c, ...(c.labelRef ? { label: sayText(c.labelRef, lang) } : {}), ...(c.reasonRef ? { reason: sayText(c.reasonRef, lang) } : {}) }));
  return { ...report, lang, findings, stages, ...advice, ...(clients ? { clients } : {}), summary: { ...report.summary, headline: words } };
}
