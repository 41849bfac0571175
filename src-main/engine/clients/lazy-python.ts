import type { ClientId } from '../../common/clients.js';
import { parsePems } from '../net/cert-chain.js';
import type { PlatformAdapters } from '../platform.js';
import { clientStores } from './judge.js';
import { discoverPython, socksConfigured, NO_MODULES, type PythonFacts } from './python.js';
import { resolvePython, type PythonPath } from './python-path.js';
import { storesAccept, type StoreFact, type StoreKey } from './stores.js';

/**
 * python3 only when a Python row needs a fact only python3 can tell (issue 13: its start-up was
 * the main cost of the matrix). Which interpreter, and whether there is one, the file system
 * tells (python-path.ts). Python asks itself for: the SOCKS modules (a SOCKS proxy configured:
 * known at the start, so asked then, alongside the probes) and where certifi is — which matters
 * only when the stores certifi can be disagree about the chain: pip's certifi is Mozilla's list
 * (as Node's bundled roots), Debian's is the OS bundle. When both accept, or both refuse, every
 * certifi does the same and python3 is not started. The TLS probe's chain is checked as soon as
 * it is seen (`prime`), so a needed python3 starts while the HTTP stages still run.
 */
export interface LazyPython {
  /** Starts python3 (once per process and PATH: python.ts caches) and returns its answer. */
  ask(): Promise<PythonFacts>;
  /** Started already (SOCKS, or a chain the stores disagree about)? */
  started(): boolean;
  /** The interpreter on PATH, from the file system. */
  where: Promise<PythonPath>;
  /** A chain was seen: start python3 now if certifi's verdict on it depends on which certifi. */
  prime(chainPem: readonly string[], stores: Map<StoreKey, StoreFact>): void;
}

const PYTHON_CLIENTS: readonly ClientId[] = ['python-requests', 'python-httpx', 'openai-python', 'anthropic-python'];

/** Does some Python client trust certifi here (no REQUESTS_CA_BUNDLE / SSL_CERT_FILE taking its place)? */
export const certifiInPlay = (env: NodeJS.ProcessEnv, nodeVersion: string): boolean => PYTHON_CLIENTS.some((id) => clientStores(id, env, nodeVersion).includes('certifi'));

/** Mozilla's list (Node's bundled roots) and the OS bundle disagree (or one is unknown): which certifi matters. */
export function certifiMatters(trust: Partial<Record<StoreKey, boolean | null>>): boolean {
  const moz = trust['node-bundled'];
  const os = trust.os;
  return moz === null || moz === undefined || os === null || os === undefined || moz !== os;
}

export function lazyPython(platform: Pick<PlatformAdapters, 'env'>, name = 'python3'): LazyPython {
  let asked: Promise<PythonFacts> | null = null;
  const ask = () => (asked ??= discoverPython(name, platform.env));
  if (socksConfigured(platform.env)) void ask();
  return {
    ask,
    started: () => asked !== null,
    where: resolvePython(name, platform.env),
    prime(chainPem, stores) {
      if (asked || chainPem.length === 0 || !certifiInPlay(platform.env, process.versions.node)) return;
      const chain = parsePems([...chainPem]);
      if (certifiMatters({ 'node-bundled': storesAccept(chain, [stores.get('node-bundled')]), os: storesAccept(chain, [stores.get('os')]) })) void ask();
    },
  };
}

/** What the rows know of python3 when it was not asked: whether it is there and which it is, nothing it alone could say. */
export function notAsked(name: string, where: PythonPath): PythonFacts {
  if (!where.found) return { python: name, found: false, version: null, certifi: null, modules: NO_MODULES, httpxSocks5h: null, reason: `${name} not found`, reasonRef: { code: 'client.python.notFound', values: { python: name } } };
  return { python: name, found: true, version: null, executable: where.file, certifi: null, modules: NO_MODULES, httpxSocks5h: null, reason: null, notAsked: true };
}
