import { CLIENT_IDS, type ClientRow } from '../../common/clients.js';
import type { FindingCode } from '../../common/codes.js';
import type { Finding, Lang } from '../../common/report.js';
import type { RunView } from '../probe.js';
import { PROBE_IDS } from '../probe-data.js';
import { parsePems } from '../net/cert-chain.js';
import type { PlatformAdapters } from '../platform.js';
import { PATHS_PROBE_ID, type PathFact } from '../probes/paths.js';
import { clientRow } from '../../report/client-rows.js';
import { judgeClients, type MatrixFacts, type PathOutcome, type RowDraft } from './judge.js';
import { discoverPython, type PythonFacts } from './python.js';
import { readStores, storesAccept, type StoreFact, type StoreKey } from './stores.js';

/** What the matrix reads besides the probes, started with the run so it costs no wall time. */
export interface MatrixInputs {
  python: Promise<PythonFacts>;
  stores: Promise<Map<StoreKey, StoreFact>>;
}

/**
 * Started with the run, alongside the probes: python3 (resolved on PATH without a process, asked
 * once per process and PATH, bounded) and the stores, each read at once — only certifi's bundle
 * waits for python3 to say where it is.
 */
export function startMatrixInputs(platform: PlatformAdapters, python?: string): MatrixInputs {
  const py = discoverPython(python, platform.env);
  return { python: py, stores: readStores(platform, () => py) };
}

function trustOf(chainPem: string[], stores: Map<StoreKey, StoreFact>): PathOutcome['trust'] {
  const chain = parsePems(chainPem);
  const out: PathOutcome['trust'] = {};
  for (const [k, s] of stores) out[k] = chain.length === 0 ? null : storesAccept(chain, [s]);
  return out;
}

const fromPath = (p: PathFact, stores: Map<StoreKey, StoreFact>): PathOutcome => ({
  ok: p.ok,
  code: p.code,
  errno: p.errno,
  trust: trustOf(p.chainPem, stores),
  hostnameError: p.hostnameError,
  chainSeen: p.chainPem.length > 0,
});

const EARLY = new Set(['proxy', 'dns', 'tcp']);

/** The engine's own way out, from its probes: did it get through TCP and the TLS handshake? */
function mainPath(view: RunView, findings: readonly Finding[], stores: Map<StoreKey, StoreFact>): PathOutcome {
  const early = findings.find((f) => EARLY.has(f.stage) && f.severity === 'error' && f.code !== 'CLIENT_PROXY_IGNORED');
  const tls = view.result(PROBE_IDS.tls);
  const tcp = view.result(PROBE_IDS.tcp);
  if (early || tcp?.status === 'failed') return { ok: false, code: early?.code ?? null, errno: null, trust: {}, hostnameError: null, chainSeen: false };
  if (tls && tls.status !== 'skipped' && tls.data?.error) return { ok: false, code: tls.data.error.code, errno: tls.data.error.errno, trust: {}, hostnameError: null, chainSeen: false };
  const chainPem = tls?.data?.chainPem ?? [];
  const reached = tls?.status === 'ok' || (tls?.status === 'failed' && chainPem.length > 0) || (tls?.status === 'skipped' && tls.notApplicable === true);
  if (!reached) return { ok: null, code: null, errno: null, trust: {}, hostnameError: null, chainSeen: false };
  return { ok: true, code: null, errno: null, trust: trustOf(chainPem, stores), hostnameError: tls?.data?.hostnameError ?? null, chainSeen: chainPem.length > 0 };
}

/** Gathers the facts and judges every client; never throws (the matrix is a bonus to the report). */
export async function buildClientMatrix(view: RunView, findings: readonly Finding[], inputs: MatrixInputs, platform: PlatformAdapters, lang: Lang): Promise<{ rows: ClientRow[]; drafts: RowDraft[]; facts: MatrixFacts } | null> {
  const paths = view.result(PATHS_PROBE_ID);
  if (!paths || paths.status !== 'ok') return null;
  const [python, stores] = await Promise.all([inputs.python, inputs.stores]);
  const proxy = view.result(PROBE_IDS.proxy);
  const mainKey = proxy?.status !== 'skipped' && proxy?.data?.proxyUrl ? proxy.data.proxyUrl : 'direct';
  const outcomes: Record<string, PathOutcome> = {};
  for (const [k, p] of Object.entries(paths.data.paths)) outcomes[k] = fromPath(p, stores);
  // The engine's own probes went further (and with the request's --resolve / --dns-servers): they win for its route.
  const main = mainPath(view, findings, stores);
  if (main.ok !== null || !outcomes[mainKey]) outcomes[mainKey] = main;
  const http = view.result(PROBE_IDS.http);
  const facts: MatrixFacts = {
    https: view.target.protocol === 'https:',
    routes: paths.data.routes,
    paths: outcomes,
    mainKey,
    stores: Object.fromEntries([...stores].map(([k, s]) => [k, { source: s.source, reason: s.reason, ...(s.reasonRef ? { reasonRef: s.reasonRef } : {}) }])),
    env: platform.env,
    nodeVersion: process.versions.node,
    python,
    findings: findings.map((f) => ({ code: f.code as FindingCode, stage: f.stage, severity: f.severity })),
    requestSent: http !== undefined && http.status !== 'skipped',
    ttfbMs: http && http.status !== 'skipped' && 'timing' in http && http.timing && typeof http.timing.ttfbMs === 'number' ? http.timing.ttfbMs : null,
  };
  const drafts = judgeClients(CLIENT_IDS, facts);
  return { rows: drafts.map((d) => clientRow(d, facts, lang)), drafts, facts };
}
