import type { ClientRow } from '../../common/clients.js';
import type { FindingCode } from '../../common/codes.js';
import type { Finding, Lang } from '../../common/report.js';
import type { FindingDraft, RunView } from '../probe.js';
import type { PlatformAdapters } from '../platform.js';
import { buildClientMatrix, type MatrixInputs } from './matrix.js';
import { PROBE_IDS } from '../probe-data.js';

/** Codes a client meets on its own trust store that the engine's (Node's) store may not show. */
const TRUST_CODES: readonly FindingCode[] = ['TLS_OS_TRUST_ONLY', 'TLS_UNTRUSTED_CERT'];

/**
 * The matrix for the report, plus what `--client X` adds to the findings: when X's own trust store
 * refuses the chain the engine's store accepted, X meets that error, so it becomes a finding (and
 * may be the root cause). Proxy differences come from the proxy stage's rule. Never throws.
 */
export async function withClientMatrix(view: RunView, findings: readonly Finding[], inputs: MatrixInputs, platform: PlatformAdapters, lang: Lang): Promise<{ rows: ClientRow[] | null; extra: FindingDraft[] }> {
  try {
    const m = await buildClientMatrix(view, findings, inputs, platform, lang);
    if (!m) return { rows: null, extra: [] };
    const extra: FindingDraft[] = [];
    const client = view.request.client;
    const mine = client === undefined ? undefined : m.drafts.find((d) => d.id === client);
    if (mine && mine.outcome === 'fail' && mine.code !== null && TRUST_CODES.includes(mine.code) && !findings.some((f) => TRUST_CODES.includes(f.code))) {
      const stores = String(mine.reason.params.stores ?? '');
      const tls = view.result(PROBE_IDS.tls)?.data;
      const chain = tls?.chain ?? [];
      extra.push({
        code: mine.code,
        evidence: {
          client: mine.id,
          host: view.target.hostname,
          address: tls?.address ?? null,
          viaProxy: mine.reason.params.route !== 'direct',
          store: stores.replace(/file:/g, ''),
          osStore: m.facts.stores.os?.source ?? null,
          issuer: chain.at(-1)?.issuer ?? null,
          chain: chain.map((c) => c.subject),
          interceptor: null,
        },
      });
    }
    return { rows: m.rows, extra };
  } catch {
    // The matrix is a bonus: its failure must not cost the report.
    return { rows: null, extra: [] };
  }
}
