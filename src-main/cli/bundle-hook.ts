import type { Report } from '../common/report.js';
import type { DiagnosisRequest } from '../common/request.js';

export interface BundleHookInput {
  file: string;
  report: Report;
  request: DiagnosisRequest;
  /** Every secret of the run (credential, proxy password) for the bundle's own redaction pass. */
  secrets: string[];
}

/**
 * `--bundle FILE`: the diagnostic bundle (src-main/bundle/) plugs in here. Returns null when
 * written, else the reason it was not (printed on stderr; the diagnosis itself still counts).
 */
export async function writeBundleHook(input: BundleHookInput): Promise<string | null> {
  void input;
  return 'diagnostic bundles are not available in this build yet';
}
