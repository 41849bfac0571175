import type { ProviderId } from '../common/report.js';
import type { DiagnosisRequest } from '../common/request.js';

/** Which provider profile applies: the user's choice, else recognised from the host. */
export function resolveProvider(request: DiagnosisRequest, target: URL): ProviderId {
  if (request.provider !== 'auto') return request.provider;
  const host = target.hostname.toLowerCase();
  if (host === 'open.bigmodel.cn' || host === 'api.z.ai' || host.endsWith('.bigmodel.cn')) return 'zhipu';
  if (host === 'api.anthropic.com') return 'anthropic';
  if (host.endsWith('.openai.azure.com')) return 'azure-openai';
  if (host === 'api.openai.com') return 'openai';
  return 'generic';
}
