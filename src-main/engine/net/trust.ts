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
  return [...tls.rootCertificates, extra];
}
