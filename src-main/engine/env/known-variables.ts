/**
 * The environment variables HTTP clients and LLM SDKs read, so a near miss (`HTTPS_PORXY`) can
 * be recognised. Sources: curl(1) ENVIRONMENT (http_proxy, HTTPS_PROXY, ALL_PROXY, NO_PROXY,
 * CURL_CA_BUNDLE, SSL_CERT_FILE/DIR); Node's CLI docs (NODE_EXTRA_CA_CERTS, NODE_USE_ENV_PROXY,
 * NODE_TLS_REJECT_UNAUTHORIZED); requests' docs "SSL Cert Verification" (REQUESTS_CA_BUNDLE,
 * CURL_CA_BUNDLE); httpx "Environment Variables" (SSL_CERT_FILE, SSL_CERT_DIR); Python's PEP 493
 * (PYTHONHTTPSVERIFY); the READMEs of openai-python / openai-node (OPENAI_API_KEY,
 * OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_PROJECT_ID), anthropic-sdk (ANTHROPIC_API_KEY,
 * ANTHROPIC_AUTH_TOKEN, ANTHROPIC_BASE_URL), the Azure OpenAI client (AZURE_OPENAI_API_KEY,
 * AZURE_OPENAI_ENDPOINT, OPENAI_API_VERSION) and the other providers' quick-starts.
 */
export const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY'] as const;

export const CA_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE'] as const;
/** A directory of CA files (OpenSSL's c_rehash layout), not a bundle. */
export const CA_DIR_VARIABLES = ['SSL_CERT_DIR'] as const;

/** Variables that hold a credential: their values are secrets (never in evidence, only a fingerprint). */
export const KEY_VARIABLES = [
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_AUTH_TOKEN',
  'AZURE_OPENAI_API_KEY',
  'ZHIPUAI_API_KEY',
  'ZAI_API_KEY',
  'DEEPSEEK_API_KEY',
  'DASHSCOPE_API_KEY',
  'MOONSHOT_API_KEY',
  'GEMINI_API_KEY',
  'GOOGLE_API_KEY',
  'OPENROUTER_API_KEY',
  'MISTRAL_API_KEY',
  'GROQ_API_KEY',
] as const;

export const SDK_VARIABLES = [
  'OPENAI_BASE_URL',
  'OPENAI_ORG_ID',
  'OPENAI_PROJECT_ID',
  'ANTHROPIC_BASE_URL',
  'AZURE_OPENAI_ENDPOINT',
  'OPENAI_API_VERSION',
  'NODE_USE_ENV_PROXY',
  'NODE_TLS_REJECT_UNAUTHORIZED',
  'PYTHONHTTPSVERIFY',
] as const;

/** Names a typo check compares against. */
export const KNOWN_VARIABLES: readonly string[] = [...PROXY_VARIABLES, ...CA_VARIABLES, ...CA_DIR_VARIABLES, ...KEY_VARIABLES, ...SDK_VARIABLES];

/**
 * Real variables of other tools that sit within a typo's distance of a known name: never
 * reported as misspellings (FTP_PROXY is one letter-pair from HTTP_PROXY; GOOGLE_API_KEY from
 * GROQ_API_KEY…).
 */
export const NOT_TYPOS = new Set([
  'FTP_PROXY', 'RSYNC_PROXY', 'SOCKS_PROXY', 'SOCKS5_PROXY', 'WSS_PROXY', 'WS_PROXY', 'GIT_PROXY', 'NPM_CONFIG_PROXY', 'NPM_CONFIG_HTTPS_PROXY',
  'SSL_CERT_DIR', 'SSL_KEY_FILE', 'NODE_EXTRA_CA_CERT', 'OPENAI_API_TYPE', 'OPENAI_ORGANIZATION', 'OPENAI_API_BASE',
]);

/**
 * Names an SDK no longer reads, and the one it reads instead.
 *  - OPENAI_API_BASE: openai-python < 1.0 read it; ≥ 1.0 reads OPENAI_BASE_URL only (openai-python
 *    v1 migration guide, "api_base → base_url"; openinterpreter/openinterpreter#261).
 *  - OPENAI_API_HOST: a few early wrappers; no official SDK reads it.
 *  - CLAUDE_API_KEY: never read by anthropic-sdk (it reads ANTHROPIC_API_KEY).
 *  - ZHIPU_API_KEY: zhipuai's SDK reads ZHIPUAI_API_KEY.
 */
export const LEGACY_VARIABLES: Record<string, { use: string; who: string }> = {
  OPENAI_API_BASE: { use: 'OPENAI_BASE_URL', who: 'openai ≥ 1.0 (Python and Node)' },
  OPENAI_API_HOST: { use: 'OPENAI_BASE_URL', who: 'the official openai SDKs' },
  CLAUDE_API_KEY: { use: 'ANTHROPIC_API_KEY', who: 'the anthropic SDKs' },
  ZHIPU_API_KEY: { use: 'ZHIPUAI_API_KEY', who: 'the zhipuai SDK' },
};
