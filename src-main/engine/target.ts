import type { ProviderId } from '../common/report.js';
import type { DiagnosisRequest } from '../common/request.js';
import { profileFor } from './providers/index.js';

/** Which provider profile applies: the user's choice, else recognised from the host (engine/providers). */
export function resolveProvider(request: DiagnosisRequest, target: URL): ProviderId {
  return profileFor(request, target).id;
}
