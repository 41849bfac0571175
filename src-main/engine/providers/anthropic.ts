import { hostIsProvider } from '../../common/providers.js';
import { anthropicMeaning, messagesCompletion, messagesStream } from './common.js';
import type { ProviderProfile } from './types.js';

/** Anthropic's API refuses requests without a version header; this is the stable one. */
export const ANTHROPIC_VERSION = '2023-06-01';

export const anthropic: ProviderProfile = {
  id: 'anthropic',
  name: 'Anthropic',
  matches: (url) => hostIsProvider('anthropic', url.hostname),
  auth: () => ({ kind: 'header', name: 'x-api-key' }),
  requiredHeaders: () => [{ name: 'anthropic-version', value: ANTHROPIC_VERSION }],
  apiBase: (url) => `${url.origin}/v1`,
  knownBases: () => ['https://api.anthropic.com/v1'],
  modelsRequest: (url) => ({ method: 'GET', url: new URL(`${url.origin}/v1/models`) }),
  streamRequest: (url, model) => messagesStream(url.origin, model, 'claude-3-5-haiku-latest'),
  cheapModels: ['claude-3-5-haiku-latest', 'claude-3-haiku-20240307'],
  meaning: anthropicMeaning,
  completionRequest: (url, model) => messagesCompletion(url.origin, model, 'claude-3-5-haiku-latest'),
  basePaths: ['/v1'],
};
