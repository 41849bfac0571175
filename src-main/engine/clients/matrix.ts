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
import type { PythonFacts } from './python.js';
import { certifiInPlay, certifiMatters, lazyPython, notAsked, type LazyPython } from './lazy-python.js';
import { readStore, readStores, storesAccept, type StoreFact, type StoreKey } from './stores.js';

/** What the matrix reads besides the probes, started with the run so it costs no wall time. */
export interface MatrixInputs {
  python: LazyPython;
  /** Every store but certifi's (read only when python3 is asked). */
  stores: Promise<Map<StoreKey, StoreFact>>;
  name: string;
  /** The TLS probe saw a chain: start python3 now if certifi's verdict depends on which certifi. */
  sawChain(chainPem: readonly string[]): void;
}

/**
 * Started with the run, alongside the probes: python3 (resolved on PATH without a process, asked
 * once per process and PATH, bounded) and the stores, each read at once — only certifi's bundle
 * waits for python3 to say where it is.
 */
export function startMatrixInputs(platform: PlatformAdapters, python = 'python3'): MatrixInputs {
  const py = lazyPython(platform, python);
  const stores = readStores(platform, null);
  return { python: py, stores, name: python, sawChain: (chainPem) => void stores.then((s) => py.prime(chainPem, s)).catch(() => undefined) };
}

/**
 * python3's facts when a Python row needs one (a SOCKS proxy, or a chain the stores certifi can be
 * disagree about), with certifi's store added; else what PATH tells, and certifi's verdict on each
 * chain is the one both its forms share.
 */
async function pythonFor(inputs: MatrixInputs, platform: PlatformAdapters, stores: Map<StoreKey, StoreFact>, outcomes: Record<string, PathOutcome>, chains: Record<string, string[]>): Promise<PythonFacts> {
  const needed = inputs.python.started() || (certifiInPlay(platform.env, process.versions.node) && Object.values(outcomes).some((o) => o.chainSeen && certifiMatters(o.trust)));
  if (!needed) {
    for (const o of Object.values(outcomes)) if (o.chainSeen) o.trust.certifi = o.trust['node-bundled'] ?? null;
    return notAsked(inputs.name, await inputs.python.where);
  }
  const python = await inputs.python.ask();
  const certifi = await readStore('certifi', platform, async () => python);
  stores.set('certifi', certifi);
  for (const [k, o] of Object.entries(outcomes)) if (o.chainSeen) o.trust.certifi = storesAccept(parsePems(chains[k] ?? []), [certifi]);
  return python;
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
  const stores = new Map(await inputs.stores);
  const proxy = view.result(PROBE_IDS.proxy);
  const mainKey = proxy?.status !== 'skipped' && proxy?.data?.proxyUrl ? proxy.data.proxyUrl : 'direct';
  const outcomes: Record<string, PathOutcome> = {};
  for (const [k, p] of Object.entries(paths.data.paths)) outcomes[k] = fromPath(p, stores);
  // The engine's own probes went further (and with the request's --resolve / --dns-servers): they win for its route.
  const chains: Record<string, string[]> = Object.fromEntries(Object.entries(paths.data.paths).map(([k, p]) => [k, p.chainPem]));
  const main = mainPath(view, findings, stores);
  if (main.ok !== null || !outcomes[mainKey]) {
    outcomes[mainKey] = main;
    chains[mainKey] = view.result(PROBE_IDS.tls)?.data?.chainPem ?? [];
  }
  const python = await pythonFor(inputs, platform, stores, outcomes, chains);
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
