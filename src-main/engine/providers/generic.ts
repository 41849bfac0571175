import { anthropicMeaning, chatCompletion, chatStream, modelsAt, openaiMeaning, versionBase } from './common.js';
import type { ProviderProfile } from './types.js';

/** Any other HTTP API: assumed OpenAI-compatible where that matters (Bearer key, /v1/models), which most gateways are. */
export const generic: ProviderProfile = {
  id: 'generic',
  name: 'generic HTTP API',
  matches: () => true,
  auth: () => ({ kind: 'bearer' }),
  requiredHeaders: () => [],
  apiBase: (url) => versionBase(url),
  knownBases: () => [],
  modelsRequest: (url) => modelsAt(versionBase(url)),
  streamRequest: (url, model) => chatStream(versionBase(url), model),
  cheapModels: ['gpt-4o-mini', 'glm-4-flash'],
  meaning: (status, err) => openaiMeaning(status, err) ?? anthropicMeaning(status, err),
  completionRequest: (url, model) => chatCompletion(versionBase(url), model),
  basePaths: [],
};
