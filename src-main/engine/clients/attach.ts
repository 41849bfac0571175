import type { ClientRow } from '../../common/clients.js';
import type { Finding, Lang } from '../../common/report.js';
import type { RunView } from '../probe.js';
import type { PlatformAdapters } from '../platform.js';
import { buildClientMatrix, type MatrixInputs } from './matrix.js';

/**
 * The matrix for the report. What `--client X` meets is judged by the probes themselves (the TLS
 * probe trusts X's stores, the proxy stage's rule follows X's proxy sources), so the verdict and
 * X's row rest on the same facts; the matrix adds no findings. Never throws.
 */
export async function withClientMatrix(view: RunView, findings: readonly Finding[], inputs: MatrixInputs, platform: PlatformAdapters, lang: Lang): Promise<ClientRow[] | null> {
  try {
    return (await buildClientMatrix(view, findings, inputs, platform, lang))?.rows ?? null;
  } catch {
    // The matrix is a bonus: its failure must not cost the report.
    return null;
  }
}
