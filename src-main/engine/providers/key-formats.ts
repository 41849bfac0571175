/**
 * Key formats we can recognise with confidence. A key that clearly belongs to one provider
 * and is sent to another is a mistake we can name before any request (AUTH_KEY_PROVIDER_MISMATCH).
 * Only distinctive prefixes and shapes are listed: many OpenAI-compatible services use plain
 * `sk-` keys, so a bare `sk-` says nothing.
 */
export const KEY_FORMATS: readonly { owner: string; label: string; re: RegExp }[] = [
  { owner: 'anthropic', label: 'Anthropic (sk-ant-…)', re: /^sk-ant-[a-z]+\d\d-/ },
  { owner: 'openrouter', label: 'OpenRouter (sk-or-v1-…)', re: /^sk-or-v1-/ },
  { owner: 'openai', label: 'OpenAI (sk-proj-… / sk-svcacct-…)', re: /^sk-(proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}$/ },
  { owner: 'openai', label: 'OpenAI (legacy sk-…)', re: /^sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}$/ },
  { owner: 'zhipu', label: 'Zhipu ({id}.{secret})', re: /^[0-9a-f]{32}\.[A-Za-z0-9]{16}$/ },
  { owner: 'google', label: 'Google AI (AIza…)', re: /^AIza[0-9A-Za-z_-]{35}$/ },
  { owner: 'groq', label: 'Groq (gsk_…)', re: /^gsk_[A-Za-z0-9]{20,}$/ },
  { owner: 'xai', label: 'xAI (xai-…)', re: /^xai-[A-Za-z0-9]{20,}$/ },
];

/** Who issued this key, when its format says so unambiguously. */
export function keyOwner(key: string): { owner: string; label: string } | null {
  const k = key.trim().replace(/^Bearer\s+/i, '');
  const hit = KEY_FORMATS.find((f) => f.re.test(k));
  return hit ? { owner: hit.owner, label: hit.label } : null;
}

/** The providers whose endpoints accept only their own keys (a generic gateway may take anything). */
const STRICT: Record<string, readonly string[]> = {
  openai: ['openai'],
  anthropic: ['anthropic'],
  zhipu: ['zhipu'],
  // These accept only their own keys, none of which has a distinctive prefix except OpenRouter's.
  deepseek: [],
  moonshot: [],
  dashscope: [],
  openrouter: ['openrouter'],
  // Azure keys are 32 hex characters or 84 characters, never a known prefix; Entra tokens are JWTs.
  'azure-openai': [],
};

/** A key of another provider than the endpoint's: the owner's label, else null. */
export function keyMismatch(providerId: string, key: string): { owner: string; label: string } | null {
  const owner = keyOwner(key);
  if (!owner || !(providerId in STRICT)) return null;
  return STRICT[providerId]!.includes(owner.owner) ? null : owner;
}
