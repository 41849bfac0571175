import { readFile } from 'node:fs/promises';
import tls from 'node:tls';
import type { DiagnosisRequest } from '../../common/request.js';

/**
 * The CA set a request should trust: Node's bundled roots plus `--ca-file` (added, not replaced,
 * as the contract says). `undefined` means "Node's default", which keeps the default fast path.
 */
export async function trustedCAs(request: Pick<DiagnosisRequest, 'caFile'>): Promise<string[] | undefined> {
  if (!request.caFile) return undefined;
  const extra = await readFile(request.caFile, 'utf8');
  // Passing `ca` replaces Node's store, NODE_EXTRA_CA_CERTS included: keep those too.
  const fromEnv = process.env.NODE_EXTRA_CA_CERTS ? await readFile(process.env.NODE_EXTRA_CA_CERTS, 'utf8').catch(() => '') : '';
  return [...tls.rootCertificates, ...(fromEnv ? [fromEnv] : []), extra];
}

const nodeRootsCache = new Map<string, string[]>();

/**
 * Node's default store as PEM: its bundled roots plus NODE_EXTRA_CA_CERTS (read at start-up by
 * Node itself, so it counts as "Node's" store). Cached per NODE_EXTRA_CA_CERTS path.
 */
export async function nodeDefaultRoots(env: NodeJS.ProcessEnv): Promise<string[]> {
  const path = env.NODE_EXTRA_CA_CERTS ?? '';
  let roots = nodeRootsCache.get(path);
  if (!roots) {
    const extra = path ? [await readFile(path, 'utf8').catch(() => '')] : [];
    roots = [...tls.rootCertificates, ...extra];
    if (nodeRootsCache.size > 8) nodeRootsCache.clear();
    nodeRootsCache.set(path, roots);
  }
  return roots;
}

/**
 * The CA set of the run's own requests: trustedCAs, plus the anchors of the judged client's store
 * that Node's lacked (the TLS probe's addedAnchors: curl trusting a CA only the OS store has), so
 * the run goes on as that client would.
 */
export async function runCAs(request: Pick<DiagnosisRequest, 'caFile'>, env: NodeJS.ProcessEnv, added: readonly string[] | undefined): Promise<string[] | undefined> {
  const ca = await trustedCAs(request);
  if (!added || added.length === 0) return ca;
  return [...(ca ?? (await nodeDefaultRoots(env))), ...added];
}

/**
 * Building a context with --ca-file parses Node's ~140 roots again (~100 ms here): build it once
 * per CA set and share it between the TLS probe and every exchange, and before any clock starts,
 * so tlsMs measures the handshake and nothing else.
 */
const contexts = new Map<string, tls.SecureContext>();
export function secureContextFor(ca: string[]): tls.SecureContext {
  const key = ca.join('\n');
  let c = contexts.get(key);
  if (!c) {
    c = tls.createSecureContext({ ca });
    if (contexts.size > 8) contexts.clear();
    contexts.set(key, c);
  }
  return c;
}
