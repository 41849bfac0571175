import type { ProviderId } from '../../common/report.js';
import type { DiagnosisRequest } from '../../common/request.js';
import { anthropic } from './anthropic.js';
import { azureOpenai } from './azure-openai.js';
import { generic } from './generic.js';
import { openai } from './openai.js';
import type { ProviderProfile } from './types.js';
import { zhipu } from './zhipu.js';
import { deepseek } from './deepseek.js';
import { moonshot } from './moonshot.js';
import { dashscope } from './dashscope.js';
import { openrouter } from './openrouter.js';

export type { ProviderProfile } from './types.js';

/** Every profile; the first whose host matches wins, generic last. */
export const PROVIDERS: readonly ProviderProfile[] = [openai, zhipu, anthropic, azureOpenai, deepseek, moonshot, dashscope, openrouter, generic];

export const profileById = (id: ProviderId): ProviderProfile => PROVIDERS.find((p) => p.id === id) ?? generic;

/** `--provider auto` picks by host; an explicit choice wins. */
export function profileFor(request: Pick<DiagnosisRequest, 'provider'>, url: URL): ProviderProfile {
  if (request.provider !== 'auto') return profileById(request.provider);
  return PROVIDERS.find((p) => p.matches(url)) ?? generic;
}
