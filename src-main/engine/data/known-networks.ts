/**
 * Networks the dns and tcp stages judge answers against, offline. Every entry says where it
 * comes from and when it was compiled; nothing here is fetched at run time.
 *
 * Compiled 2026-11-29 for API Doctor from the sources named on each entry. Ranges move: a
 * provider's own list is "authoritative" only where the provider publishes it and promises
 * notice before changing it; elsewhere we only check for known poison.
 */
export const KNOWN_NETWORKS_COMPILED = '2026-11-29';

export interface ProviderHost {
  /** Exact host names (lower case); `suffix` entries match the name and its subdomains. */
  hosts: string[];
  suffix?: boolean;
  provider: string;
  /**
   * The provider's own networks for these hosts, when published. `authoritative`: an answer
   * outside them is wrong (the provider promises notice before changing them).
   */
  networks?: { cidrs: string[]; authoritative: boolean; source: string; checked: string };
  /** Blocked on some national and corporate networks (connects time out there). */
  blockedOnSomeNetworks: boolean;
  /** The provider's own other endpoint for users where this one is blocked, if it has one. */
  alternative?: string;
}

/**
 * Cloudflare's published ranges (https://www.cloudflare.com/ips-v4, https://www.cloudflare.com/ips-v6,
 * as listed 2026-11). api.openai.com and openrouter.ai are served through Cloudflare today, but
 * neither provider promises it: not authoritative for them.
 */
export const CLOUDFLARE_CIDRS = [
  '173.245.48.0/20', '103.21.244.0/22', '103.22.200.0/22', '103.31.4.0/22', '141.101.64.0/18', '108.162.192.0/18', '190.93.240.0/20',
  '188.114.96.0/20', '197.234.240.0/22', '198.41.128.0/17', '162.158.0.0/15', '104.16.0.0/13', '104.24.0.0/14', '172.64.0.0/13', '131.0.72.0/22',
  '2400:cb00::/32', '2606:4700::/32', '2803:f800::/32', '2405:b500::/32', '2405:8100::/32', '2a06:98c0::/29', '2c0f:f248::/32',
];

export const PROVIDER_HOSTS: ProviderHost[] = [
  {
    hosts: ['api.openai.com'],
    provider: 'OpenAI',
    networks: { cidrs: CLOUDFLARE_CIDRS, authoritative: false, source: 'observed behind Cloudflare; https://www.cloudflare.com/ips-v4', checked: '2026-11-29' },
    blockedOnSomeNetworks: true,
  },
  {
    hosts: ['api.anthropic.com'],
    provider: 'Anthropic',
    // "These addresses will not change without notice." (the IP addresses page of the Claude API docs)
    networks: { cidrs: ['160.79.104.0/23', '153.61.224.0/22', '2607:6bc0::/48'], authoritative: true, source: 'https://platform.claude.com/docs/en/api/ip-addresses (inbound)', checked: '2026-11-29' },
    blockedOnSomeNetworks: true,
  },
  { hosts: ['generativelanguage.googleapis.com'], provider: 'Google Gemini', blockedOnSomeNetworks: true },
  { hosts: ['openrouter.ai'], provider: 'OpenRouter', blockedOnSomeNetworks: true },
  { hosts: ['api.mistral.ai'], provider: 'Mistral', blockedOnSomeNetworks: true },
  { hosts: ['api.groq.com'], provider: 'Groq', blockedOnSomeNetworks: true },
  { hosts: ['openai.azure.com'], suffix: true, provider: 'Azure OpenAI', blockedOnSomeNetworks: false },
  // Zhipu's international brand and its mainland endpoint (docs.bigmodel.cn / docs.z.ai quick-starts).
  { hosts: ['api.z.ai'], provider: 'Z.ai (Zhipu)', blockedOnSomeNetworks: false, alternative: 'open.bigmodel.cn' },
  { hosts: ['open.bigmodel.cn'], provider: 'Zhipu BigModel', blockedOnSomeNetworks: false, alternative: 'api.z.ai' },
  { hosts: ['api.deepseek.com'], provider: 'DeepSeek', blockedOnSomeNetworks: false },
  // Moonshot: platform.moonshot.cn (mainland) and platform.moonshot.ai (international) issue separate keys.
  { hosts: ['api.moonshot.cn'], provider: 'Moonshot (Kimi)', blockedOnSomeNetworks: false, alternative: 'api.moonshot.ai' },
  { hosts: ['api.moonshot.ai'], provider: 'Moonshot (Kimi)', blockedOnSomeNetworks: false, alternative: 'api.moonshot.cn' },
  // DashScope: mainland and international endpoints, keys not interchangeable (NousResearch/hermes-agent#18952).
  { hosts: ['dashscope.aliyuncs.com'], provider: 'Alibaba DashScope', blockedOnSomeNetworks: false, alternative: 'dashscope-intl.aliyuncs.com' },
  { hosts: ['dashscope-intl.aliyuncs.com'], provider: 'Alibaba DashScope', blockedOnSomeNetworks: false, alternative: 'dashscope.aliyuncs.com' },
];

export interface PoisonRange {
  cidr: string;
  owner: string;
  source: string;
  checked: string;
}

/**
 * Addresses injected by DNS poisoning instead of the real answer. The Great Firewall answers
 * censored names with globally routable addresses of unrelated companies, mostly Facebook,
 * Twitter and Dropbox, and with IPv6 from the Teredo prefix 2001::/32 (Hoang et al., "How Great
 * is the Great Firewall? Measuring China's DNS Censorship", USENIX Security 2021,
 * https://arxiv.org/abs/2106.02167, §5; Anonymous et al., "Triplet Censors", FOCI 2020,
 * https://gfw.report/publications/foci20_dns/en). A well-known API host never lives there.
 * The observed LLM-API cases are cited per range.
 */
export const POISON_RANGES: PoisonRange[] = [
  { cidr: '31.13.64.0/18', owner: 'Facebook (AS32934)', source: 'api.openai.com → 31.13.95.37, 31.13.70.33, 31.13.76.65: Chanzhaoyu/chatgpt-web#1573, openai/openai-quickstart-node#79, ikechan8370/chatgpt-plugin#211; Hoang et al. 2021', checked: '2026-11-29' },
  { cidr: '31.13.24.0/21', owner: 'Facebook (AS32934)', source: 'Hoang et al. 2021 (Facebook addresses are 44% of forged IPv4 answers)', checked: '2026-11-29' },
  { cidr: '157.240.0.0/16', owner: 'Facebook (AS32934)', source: 'api.openai.com → 157.240.7.8: fuergaosi233/wechat-chatgpt#823; Hoang et al. 2021', checked: '2026-11-29' },
  { cidr: '69.171.224.0/19', owner: 'Facebook (AS32934)', source: 'Hoang et al. 2021', checked: '2026-11-29' },
  { cidr: '173.252.64.0/18', owner: 'Facebook (AS32934)', source: 'Hoang et al. 2021', checked: '2026-11-29' },
  { cidr: '128.242.240.0/20', owner: 'NTT America, announced for Twitter', source: 'api.openai.com → 128.242.250.148: idootop/mi-gpt#29; Hoang et al. 2021 (Twitter 11% of forged answers)', checked: '2026-11-29' },
  { cidr: '104.244.40.0/21', owner: 'Twitter (AS13414)', source: 'Hoang et al. 2021', checked: '2026-11-29' },
  { cidr: '199.16.156.0/22', owner: 'Twitter (AS13414)', source: 'Hoang et al. 2021', checked: '2026-11-29' },
  { cidr: '199.59.148.0/22', owner: 'Twitter (AS13414)', source: 'Hoang et al. 2021', checked: '2026-11-29' },
  { cidr: '162.125.0.0/16', owner: 'Dropbox (AS19679)', source: 'Hoang et al. 2021 (Dropbox 10% of forged answers)', checked: '2026-11-29' },
  { cidr: '2001::/32', owner: 'Teredo (RFC 4380): never a server address', source: 'Hoang et al. 2021: every forged IPv6 answer was in 2001::/32', checked: '2026-11-29' },
];

/**
 * The range proxy tools hand out in fake-ip mode: RFC 2544's benchmarking block 198.18.0.0/15
 * (Clash/mihomo `fake-ip-range: 198.18.0.1/16` by default; sing-box `inet4_range`; Surge).
 */
export const FAKE_IP_CIDR = '198.18.0.0/15';
