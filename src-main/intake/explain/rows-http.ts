import { row, type KnowledgeRow } from './knowledge-row.js';

/** HTTP statuses and relay/CDN bodies as printed by SDKs. */
export const HTTP_STATUS_ROWS: readonly KnowledgeRow[] = [
  // ── HTTP statuses as printed by SDKs and relays (the provider body, when present, is read separately)
  row('status-407', /\b407\b[^\n]*Proxy Authentication Required|Proxy Authentication Required/i, [['PROXY_AUTH_REQUIRED', 0.9]],
    'The proxy wants credentials (often NTLM/Kerberos in companies).',
    '代理要求认证（公司中常见 NTLM/Kerberos）。',
    'proxy', 'https://github.com/npm/npm/issues/14421', '407 Proxy Authentication Required'),
  row('status-524', /\b524\b[^\n]*A timeout occurred|Error 524/, [['SERVER_BAD_GATEWAY', 0.8], ['SERVER_SLOW', 0.2]],
    'Cloudflare waited ~100–125 s for the origin (a relay) and gave up: the model call is slower than the CDN allows; stream it.',
    'Cloudflare 等待源站（中转）约 100–125 秒后放弃：模型调用比 CDN 允许的更慢；请使用流式。',
    'server', 'https://github.com/QuantumNous/new-api/issues/4972', '"title":"Error 524: A timeout occurred","status":524'),
  row('relay-no-channel', /无可用渠道|one_api_error|new_api_error/, [['RELAY_UPSTREAM_UNAVAILABLE', 0.75], ['SERVER_UNAVAILABLE', 0.2]],
    'A one-api/new-api relay has no upstream channel for this model or group: the relay’s configuration, not your network.',
    'one-api/new-api 中转没有可用于该模型或分组的上游渠道：是中转的配置问题，不是你的网络。',
    'server', 'https://github.com/songquanpeng/one-api/issues/2340', '{"error":{"message":"当前分组 default 下对于模型  无可用渠道 (request id: …)","type":"one_api_error"}}'),
  row('relay-saturated', /上游负载已饱和/, [['SERVER_RATE_LIMITED', 0.6], ['SERVER_OVERLOADED', 0.35]],
    'The relay’s upstream pool is saturated: transient, on the relay’s side.',
    '中转的上游负载已饱和：暂时性的，问题在中转一侧。',
    'server', 'https://github.com/popjane/free_chatgpt_api/issues/7', '{"error":{"message":"当前分组上游负载已饱和，请稍后再试 (request id: …)","type":"requests","param":"","code":"rate_limit_exceeded"}}'),
  row('cloudflare-challenge', /Just a moment\.\.\.|cf-mitigated|Attention Required! \| Cloudflare|Sorry, you have been blocked/, [['HTTP_BLOCKED_BY_WAF', 0.8], ['HTTP_UNEXPECTED_CONTENT', 0.15]],
    'A Cloudflare challenge or block page came instead of the API: the client or its exit IP looks like a bot to the CDN.',
    '收到的是 Cloudflare 质询或拦截页而不是 API：在 CDN 看来客户端或其出口 IP 像机器人。',
    'http', 'https://github.com/cloudflare/cloudflare-docs/pull/8590', 'the challenge page response ... will have the cf-mitigated header present and set to challenge'),
];
