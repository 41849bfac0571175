import { hostIsProvider } from '../../common/providers.js';
import { chatCompletion, chatStream, modelsAt, openaiMeaning, versionBase } from './common.js';
import type { ProviderProfile } from './types.js';

export const openai: ProviderProfile = {
  id: 'openai',
  name: 'OpenAI',
  matches: (url) => hostIsProvider('openai', url.hostname),
  auth: () => ({ kind: 'bearer' }),
  requiredHeaders: () => [],
  apiBase: (url) => versionBase(url) ?? `${url.origin}/v1`,
  knownBases: () => ['https://api.openai.com/v1'],
  modelsRequest: (url) => modelsAt(openai.apiBase(url)),
  streamRequest: (url, model) => chatStream(openai.apiBase(url), model),
  cheapModels: ['gpt-4o-mini', 'gpt-4.1-nano', 'gpt-3.5-turbo'],
  meaning: openaiMeaning,
  completionRequest: (url, model) => chatCompletion(openai.apiBase(url), model ?? 'gpt-4o-mini'),
  basePaths: ['/v1'],
};
