import { round1 } from '../common/round.js';
import type { FindingCode } from '../common/codes.js';
import type { Finding, Lang, Report, StageResult, Timings, Verdict } from '../common/report.js';
import { stageIndex } from '../common/stages.js';
import { caFileHeadline, headline, notCheckedHeadline } from '../report/explain/index.js';
import { notCheckedList } from '../report/text/say.js';

const severityRank = (s: Finding['severity']) => (s === 'error' ? 0 : s === 'warn' ? 1 : 2);

/** Report order: by stage (contract section 1), errors before warnings before information. */
export const byStageThenSeverity = (a: Finding, b: Finding): number => stageIndex(a.stage) - stageIndex(b.stage) || severityRank(a.severity) - severityRank(b.severity);

/**
 * Verdict, root cause and headline from findings sorted by `byStageThenSeverity` (contract
 * section 3): the root cause is the error of the earliest stage. Shared by a run and by the
 * app's merge of a re-run into an earlier report.
 */
export function summarise(findings: readonly Finding[], lang: Lang): Report['summary'] {
  const verdict: Verdict = findings.some((f) => f.severity === 'error') ? 'failing' : findings.some((f) => f.severity === 'warn') ? 'degraded' : 'healthy';
  const root = findings.find((f) => f.severity === 'error') ?? null;
  const title = root?.title ?? findings.find((f) => f.severity === 'warn')?.title ?? null;
  return { verdict, rootCause: (root?.code ?? null) as FindingCode | null, headline: headline(verdict, title, lang) };
}

/** The phases of one request add up to its total. */
export const phaseTotalMs = (t: Omit<Timings, 'totalMs'>): number =>
  round1([t.dnsMs, t.connectMs, t.tlsMs, t.ttfbMs, t.downloadMs].reduce<number>((a, v) => a + (v ?? 0), 0));

/**
 * A cancelled run: its own verdict, no root cause (what was not finished was not judged). Errors
 * found before the cancel still show in the headline and decide the exit code.
 */
export function summariseCancelled(findings: readonly Finding[], lang: Lang): Report['summary'] {
  const title = findings.find((f) => f.severity === 'error')?.title ?? findings.find((f) => f.severity === 'warn')?.title ?? null;
  return { verdict: 'cancelled', rootCause: null, headline: headline('cancelled', title, lang) };
}

/**
 * "Every check passed" is only true when every check ran: a healthy verdict with a probe that
 * could not run says what was not checked, and why, in the headline.
 */
export function withNotChecked(summary: Report['summary'], stages: readonly StageResult[], lang: Lang): Report['summary'] {
  if (summary.verdict !== 'healthy') return summary;
  const missing = notCheckedList(stages, lang);
  return missing === null ? summary : { ...summary, headline: notCheckedHeadline(missing, lang) };
}

/**
 * Trusted only through --ca-file: the judged client (and the matrix rows) lack that CA, so a
 * healthy headline says it was judged with it. `client`: the judged client, null when the
 * client's own store accepted the chain.
 */
export function withCaFileOnly(summary: Report['summary'], client: string | null, clients: Report['clients'], lang: Lang): Report['summary'] {
  if (client === null) return summary;
  return { ...summary, caFileOnly: { client }, ...(summary.verdict === 'healthy' ? { headline: caFileHeadline(client, clients, lang) } : {}) };
}
