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

let nodeRootsCache: string[] | null = null;

/**
 * Node's default store as PEM: its bundled roots plus NODE_EXTRA_CA_CERTS (read at start-up by
 * Node itself, so it counts as "Node's" store).
 */
export async function nodeDefaultRoots(env: NodeJS.ProcessEnv): Promise<string[]> {
  if (nodeRootsCache === null) {
    let extra: string[] = [];
    if (env.NODE_EXTRA_CA_CERTS) extra = [await readFile(env.NODE_EXTRA_CA_CERTS, 'utf8').catch(() => '')];
    nodeRootsCache = [...tls.rootCertificates, ...extra];
  }
  return nodeRootsCache;
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
