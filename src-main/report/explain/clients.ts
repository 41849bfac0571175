import type { Evidence } from '../../common/report.js';
import { ev, type CodeText } from './types.js';
import { systemProxyFix } from './system-proxy-fix.js';

/** Why a client takes the route it takes, in words (the matrix rows use these too: report/text/client-texts.ts). */
export const WHY_EN: Record<string, string> = {
  env: 'it reads the proxy variables',
  'env-bypassed': 'NO_PROXY exempts this host',
  'no-proxy-set': 'no proxy it reads is set',
  system: 'it follows the OS proxy settings',
  'system-unknown': 'the OS proxy settings could not be read here',
  'system-fallback-env': 'without desktop proxy settings Chromium on Linux reads the environment',
  'node-no-env-proxy': 'fetch ignores the proxy variables unless NODE_USE_ENV_PROXY=1 on Node ≥ 24 or ≥ 22.21',
  'node-env-proxy': 'NODE_USE_ENV_PROXY=1 makes fetch use the proxy variables',
};
export const WHY_ZH: Record<string, string> = {
  env: '它读取代理环境变量',
  'env-bypassed': 'NO_PROXY 豁免了该主机',
  'no-proxy-set': '未设置它会读取的代理',
  system: '它使用系统代理设置',
  'system-unknown': '此处无法读取系统代理设置',
  'system-fallback-env': 'Linux 上没有桌面代理设置时 Chromium 读取环境变量',
  'node-no-env-proxy': '除非在 Node ≥ 24 或 ≥ 22.21 上设置 NODE_USE_ENV_PROXY=1，fetch 会忽略代理环境变量',
  'node-env-proxy': 'NODE_USE_ENV_PROXY=1 让 fetch 使用代理环境变量',
};


const NODE_FIXES_EN = (e: Evidence) => [
  e.nodeHasEnvProxy === true ? 'Start Node with NODE_USE_ENV_PROXY=1 (or --use-env-proxy) so fetch reads HTTPS_PROXY and NO_PROXY.' : `Node ${ev(e, 'nodeVersion')} fetch never reads HTTPS_PROXY: upgrade to Node ≥ 24 (or ≥ 22.21) and set NODE_USE_ENV_PROXY=1, or set a dispatcher (next fix).`,
  "In code: import { setGlobalDispatcher, EnvHttpProxyAgent } from 'undici'; setGlobalDispatcher(new EnvHttpProxyAgent()); (or pass an agent/fetchOptions.dispatcher to the SDK).",
];
const NODE_FIXES_ZH = (e: Evidence) => [
  e.nodeHasEnvProxy === true ? '使用 NODE_USE_ENV_PROXY=1（或 --use-env-proxy）启动 Node，让 fetch 读取 HTTPS_PROXY 和 NO_PROXY。' : `Node ${ev(e, 'nodeVersion')} 的 fetch 从不读取 HTTPS_PROXY：升级到 Node ≥ 24（或 ≥ 22.21）并设置 NODE_USE_ENV_PROXY=1，或设置 dispatcher（见下一条）。`,
  "在代码中：import { setGlobalDispatcher, EnvHttpProxyAgent } from 'undici'; setGlobalDispatcher(new EnvHttpProxyAgent());（或向 SDK 传入 agent / fetchOptions.dispatcher）。",
];

/** Where the proxy is set: the variable, or the OS settings and which of them (gsettings, kioslaverc, scutil, registry). */
function sourceText(e: Evidence, zh: boolean): string {
  if (e.source !== 'system') return ev(e, 'source');
  const where = typeof e.systemSource === 'string' && e.systemSource !== '' ? `（${e.systemSource}）` : '';
  return zh ? `系统代理设置${where}` : `the OS proxy settings${where ? ` (${e.systemSource as string})` : ''}`;
}

/** The client's own fixes, then (for an ignored OS proxy) the run through it that the app offers as a button. */
function fixesFor(e: Evidence, zh: boolean): string[] {
  const own = clientFixes(e, zh);
  return e.source === 'system' ? [...own, systemProxyFix(ev(e, 'proxy'), zh)] : own;
}

function clientFixes(e: Evidence, zh: boolean): string[] {
  const client = ev(e, 'client');
  const proxy = ev(e, 'proxy');
  if (client === 'node' || client === 'openai-node') return zh ? NODE_FIXES_ZH(e) : NODE_FIXES_EN(e);
  if (client.includes('python') || client === 'python-requests' || client === 'python-httpx') {
    return zh
      ? [`设置 HTTPS_PROXY=${proxy}（requests 与 httpx 会读取它；不要传 trust_env=False）。`, `或在代码中指定：requests 使用 proxies={"https": "${proxy}"}，httpx 使用 proxy="${proxy}"。`]
      : [`Set HTTPS_PROXY=${proxy} (requests and httpx read it; do not pass trust_env=False).`, `Or name it in code: requests proxies={"https": "${proxy}"}, httpx proxy="${proxy}".`];
  }
  if (client === 'curl') {
    // curl reads only the lower-case http_proxy (HTTP_PROXY is ignored: CGI's HTTP_* headers), and never the OS settings.
    if (e.source === 'env:HTTP_PROXY') return zh ? [`curl 只读取小写的 http_proxy，忽略 HTTP_PROXY：设置 http_proxy=${proxy} 或使用 -x ${proxy}。`] : [`curl reads only the lower-case http_proxy and ignores HTTP_PROXY: set http_proxy=${proxy} or pass -x ${proxy}.`];
    return zh ? [`curl 不读取系统代理设置：设置 HTTPS_PROXY=${proxy}（或 https_proxy）或使用 -x ${proxy}。`] : [`curl does not read the OS proxy settings: set HTTPS_PROXY=${proxy} (or https_proxy) or pass -x ${proxy}.`];
  }
  return zh ? [`让该客户端使用代理 ${proxy}（系统代理设置或 HTTPS_PROXY）。`] : [`Make this client use the proxy ${proxy} (the OS proxy settings or HTTPS_PROXY).`];
}

/** CLIENT_PROXY_IGNORED lives with the proxy codes (report/explain/proxy.ts spreads it in). */
export const clientProxyTexts: Record<'CLIENT_PROXY_IGNORED', CodeText> = {
  CLIENT_PROXY_IGNORED: {
    example: { client: 'node', proxy: 'http://proxy.corp.example:8080', source: 'env:HTTPS_PROXY', why: 'node-no-env-proxy', nodeVersion: '20.20.0', nodeHasEnvProxy: false, direct: 'TCP_TIMEOUT', directError: 'connect ETIMEDOUT 104.18.7.192:443', viaProxy: 'ok' },
    en: (e) => ({
      title: `${ev(e, 'client')} does not use the proxy ${ev(e, 'proxy')}`,
      detail: `The proxy comes from ${sourceText(e, false)}, and it works; but ${ev(e, 'client')} goes directly (${WHY_EN[ev(e, 'why')] ?? ev(e, 'why')}). ${e.direct === 'ok' ? 'The direct path works too, so calls succeed, bypassing the proxy.' : `The direct path fails (${ev(e, 'direct')}: ${ev(e, 'directError')}), so its calls fail although the proxy would carry them.`}`,
      fixes: fixesFor(e, false),
    }),
    'zh-CN': (e) => ({
      title: `${ev(e, 'client')} 不使用代理 ${ev(e, 'proxy')}`,
      detail: `该代理来自 ${sourceText(e, true)}，且可用；但 ${ev(e, 'client')} 会直连（${WHY_ZH[ev(e, 'why')] ?? ev(e, 'why')}）。${e.direct === 'ok' ? '直连也可用，因此调用会绕过代理成功。' : `直连失败（${ev(e, 'direct')}：${ev(e, 'directError')}），因此它的调用失败，而经该代理本可成功。`}`,
      fixes: fixesFor(e, true),
    }),
  },
};
