import { round1 } from '../common/round.js';
import type { FindingCode } from '../common/codes.js';
import type { Finding, Lang, Report, Timings, Verdict } from '../common/report.js';
import { stageIndex } from '../common/stages.js';
import { headline } from '../report/explain/index.js';

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
