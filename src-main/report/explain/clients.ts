import type { ClientId, ClientRow } from '../../common/clients.js';
import type { Evidence, Lang } from '../../common/report.js';
import type { MatrixFacts, RowDraft } from '../../engine/clients/judge.js';
import { ev, type CodeText } from './types.js';
import { nodeMajorOf } from '../../engine/clients/node-version.js';

/**
 * The client matrix in words (en + zh-CN): each client's label, the one-sentence reason of its
 * row, and the text of CLIENT_PROXY_IGNORED with fixes for the client it names.
 */

type Params = RowDraft['reason']['params'];


export function clientLabel(id: ClientId, f: Pick<MatrixFacts, 'nodeVersion' | 'python'>, lang: Lang): string {
  const py = f.python.version ? `Python ${f.python.version}` : 'Python';
  const node = `Node.js ${nodeMajorOf(f.nodeVersion)}`;
  const zh = lang === 'zh-CN';
  switch (id) {
    case 'curl':
      return 'curl';
    case 'browser':
      return zh ? '浏览器（系统代理与系统信任库）' : 'Browser (OS proxy and trust store)';
    case 'node':
      return `${node} fetch / undici`;
    case 'python-requests':
      return `${py} requests`;
    case 'python-httpx':
      return `${py} httpx`;
    case 'openai-python':
      return zh ? `openai-python（httpx，超时 600 秒，重试 2 次）` : 'openai-python (httpx, 600 s timeout, 2 retries)';
    case 'anthropic-python':
      return zh ? `anthropic（Python，httpx，超时 600 秒，重试 2 次）` : 'anthropic (Python, httpx, 600 s timeout, 2 retries)';
    case 'openai-node':
      return zh ? `openai-node / @anthropic-ai/sdk（${node} fetch）` : `openai-node / @anthropic-ai/sdk (${node} fetch)`;
  }
}

const p = (params: Params, k: string): string => {
  const v = params[k];
  return v === null || v === undefined ? '?' : String(v);
};

/** A proxy URL without its password (the run's redactor scrubs it as well). */
const hidePass = (u: string): string => u.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1****@');

const routeEn = (r: string) => (r === 'direct' ? 'directly' : `through ${hidePass(r)}`);
const routeZh = (r: string) => (r === 'direct' ? '直连' : `经 ${hidePass(r)} `);
/** Chinese text puts a space between CJK and Latin words (a URL, certifi, NODE_EXTRA_CA_CERTS). */
const spaced = (s: string): string => `${/^[\x20-\x7e]/.test(s) ? ' ' : ''}${s}${/[\x20-\x7e]$/.test(s) ? ' ' : ''}`;
const zhStores = (a: Params): string => spaced(storeNames(p(a, 'stores'), 'zh-CN'));

function storeNames(keys: string, lang: Lang): string {
  const zh = lang === 'zh-CN';
  return keys
    .split(',')
    .filter((k) => k !== '')
    .map((k) => {
      if (k === 'node-bundled') return zh ? 'Node 内置根证书' : "Node's bundled roots";
      if (k === 'node-extra') return 'NODE_EXTRA_CA_CERTS';
      if (k === 'os') return zh ? '系统信任库' : 'the OS trust store';
      if (k === 'certifi') return 'certifi';
      return k.replace(/^file:/, '');
    })
    .join(zh ? '、' : ' + ');
}

const WHY_EN: Record<string, string> = {
  env: 'it reads the proxy variables',
  'env-bypassed': 'NO_PROXY exempts this host',
  'no-proxy-set': 'no proxy it reads is set',
  system: 'it follows the OS proxy settings',
  'system-unknown': 'the OS proxy settings could not be read here',
  'system-fallback-env': 'without desktop proxy settings Chromium on Linux reads the environment',
  'node-no-env-proxy': 'fetch ignores the proxy variables unless NODE_USE_ENV_PROXY=1 on Node ≥ 24 or ≥ 22.21',
  'node-env-proxy': 'NODE_USE_ENV_PROXY=1 makes fetch use the proxy variables',
};
const WHY_ZH: Record<string, string> = {
  env: '它读取代理环境变量',
  'env-bypassed': 'NO_PROXY 豁免了该主机',
  'no-proxy-set': '未设置它会读取的代理',
  system: '它使用系统代理设置',
  'system-unknown': '此处无法读取系统代理设置',
  'system-fallback-env': 'Linux 上没有桌面代理设置时 Chromium 读取环境变量',
  'node-no-env-proxy': '除非在 Node ≥ 24 或 ≥ 22.21 上设置 NODE_USE_ENV_PROXY=1，fetch 会忽略代理环境变量',
  'node-env-proxy': 'NODE_USE_ENV_PROXY=1 让 fetch 使用代理环境变量',
};

function reasonEn(d: RowDraft): string {
  const a = d.reason.params;
  const route = routeEn(p(a, 'route'));
  switch (d.reason.key) {
    case 'python-missing':
      return `Not judged: ${p(a, 'detail')}.`;
    case 'route-unknown':
      return `Unknown: ${WHY_EN[p(a, 'why')] ?? p(a, 'why')}, so which way it goes is not known.`;
    case 'path-not-measured':
      return `Unknown: it would go ${route}, which this run did not measure.`;
    case 'socks-unsupported':
      return `Fails: the proxy is ${p(a, 'scheme')}, which it cannot use without ${p(a, 'module')}.`;
    case 'path-failed':
      return `Fails: it goes ${route} (${WHY_EN[p(a, 'why')] ?? p(a, 'why')}), and that fails with ${p(a, 'errno')}.`;
    case 'proxy-ignored':
      return `Fails: it goes directly because ${WHY_EN[p(a, 'why')] ?? p(a, 'why')}; direct fails (${p(a, 'errno')}) while ${hidePass(p(a, 'proxy'))} works.`;
    case 'proxy-ignored-works':
      return `Works, but directly: it does not use ${hidePass(p(a, 'proxy'))} from ${p(a, 'source')} (${WHY_EN[p(a, 'why')] ?? p(a, 'why')}).`;
    case 'trust-os-only':
      return `Fails: it trusts ${storeNames(p(a, 'stores'), 'en')}, which lacks the CA of this chain; the OS store has it.`;
    case 'trust-rejected':
      return `Fails: ${storeNames(p(a, 'stores'), 'en')} does not accept this certificate chain.`;
    case 'trust-unknown':
      return `Unknown: its trust store (${storeNames(p(a, 'stores'), 'en')}) could not be read: ${p(a, 'detail')}.`;
    case 'tls-broken':
      return `Fails: the certificate itself is wrong for every client (${p(a, 'code')}).`;
    case 'server-fails':
      return `Reaches the server ${route}, which answers with the same error as for every client (${p(a, 'code')}).`;
    case 'httpx-timeout':
      return `Fails: the first byte took ${p(a, 'ttfbMs')} ms, over httpx's default 5 s timeout.`;
    case 'no-happy-eyeballs':
      return 'At risk: IPv6 is broken here and it tries each address in turn without Happy Eyeballs, so calls stall.';
    case 'degraded':
      return `Works, with the same warning as every client (${p(a, 'code')}).`;
    case 'ok':
      return `Works: it goes ${route}${a.stores ? ` and ${storeNames(p(a, 'stores'), 'en')} accepts the certificate` : ''}.`;
    case 'ok-not-sent':
      return `Connects ${route}${a.stores ? ` and ${storeNames(p(a, 'stores'), 'en')} accepts the certificate` : ''}; the request itself was not sent this run.`;
  }
}

function reasonZh(d: RowDraft): string {
  const a = d.reason.params;
  const route = routeZh(p(a, 'route'));
  switch (d.reason.key) {
    case 'python-missing':
      return `未判断：${p(a, 'detail')}。`;
    case 'route-unknown':
      return `未知：${WHY_ZH[p(a, 'why')] ?? p(a, 'why')}，无法确定它走哪条路径。`;
    case 'path-not-measured':
      return `未知：它会${route.trimEnd()}，本次运行未测量该路径。`;
    case 'socks-unsupported':
      return `失败：代理是 ${p(a, 'scheme')}，没有 ${p(a, 'module')} 它无法使用。`;
    case 'path-failed':
      return `失败：它会${route.trimEnd()}（${WHY_ZH[p(a, 'why')] ?? p(a, 'why')}），该路径失败：${p(a, 'errno')}。`;
    case 'proxy-ignored':
      return `失败：${WHY_ZH[p(a, 'why')] ?? p(a, 'why')}，因此它直连；直连失败（${p(a, 'errno')}），而 ${hidePass(p(a, 'proxy'))} 可用。`;
    case 'proxy-ignored-works':
      return `可用，但为直连：它不使用来自 ${p(a, 'source')} 的 ${hidePass(p(a, 'proxy'))}（${WHY_ZH[p(a, 'why')] ?? p(a, 'why')}）。`;
    case 'trust-os-only':
      return `失败：它信任的${zhStores(a)}中没有该证书链的 CA，而系统信任库中有。`;
    case 'trust-rejected':
      return `失败：${zhStores(a).trimStart()}不接受该证书链。`;
    case 'trust-unknown':
      return `未知：无法读取它的信任库（${storeNames(p(a, 'stores'), 'zh-CN')}）：${p(a, 'detail')}。`;
    case 'tls-broken':
      return `失败：证书本身对所有客户端都有问题（${p(a, 'code')}）。`;
    case 'server-fails':
      return `它${route}可以到达服务器，但服务器对所有客户端返回同样的错误（${p(a, 'code')}）。`;
    case 'httpx-timeout':
      return `失败：首字节用时 ${p(a, 'ttfbMs')} 毫秒，超过 httpx 默认的 5 秒超时。`;
    case 'no-happy-eyeballs':
      return '有风险：本机 IPv6 不通，而它不使用 Happy Eyeballs、逐个尝试地址，调用会卡住。';
    case 'degraded':
      return `可用，但有与所有客户端相同的警告（${p(a, 'code')}）。`;
    case 'ok':
      return `可用：它${route.trimEnd()}${a.stores ? `，且${zhStores(a)}接受该证书` : ''}。`;
    case 'ok-not-sent':
      return `可以${route}建立连接${a.stores ? `，且${zhStores(a)}接受该证书` : ''}；本次未发送请求本身。`;
  }
}

export function clientRow(d: RowDraft, f: Pick<MatrixFacts, 'nodeVersion' | 'python'>, lang: Lang): ClientRow {
  return { id: d.id, label: clientLabel(d.id, f, lang), outcome: d.outcome, code: d.code, reason: lang === 'zh-CN' ? reasonZh(d) : reasonEn(d) };
}

const NODE_FIXES_EN = (e: Evidence) => [
  e.nodeHasEnvProxy === true ? 'Start Node with NODE_USE_ENV_PROXY=1 (or --use-env-proxy) so fetch reads HTTPS_PROXY and NO_PROXY.' : `Node ${ev(e, 'nodeVersion')} fetch never reads HTTPS_PROXY: upgrade to Node ≥ 24 (or ≥ 22.21) and set NODE_USE_ENV_PROXY=1, or set a dispatcher (next fix).`,
  "In code: import { setGlobalDispatcher, EnvHttpProxyAgent } from 'undici'; setGlobalDispatcher(new EnvHttpProxyAgent()); (or pass an agent/fetchOptions.dispatcher to the SDK).",
];
const NODE_FIXES_ZH = (e: Evidence) => [
  e.nodeHasEnvProxy === true ? '使用 NODE_USE_ENV_PROXY=1（或 --use-env-proxy）启动 Node，让 fetch 读取 HTTPS_PROXY 和 NO_PROXY。' : `Node ${ev(e, 'nodeVersion')} 的 fetch 从不读取 HTTPS_PROXY：升级到 Node ≥ 24（或 ≥ 22.21）并设置 NODE_USE_ENV_PROXY=1，或设置 dispatcher（见下一条）。`,
  "在代码中：import { setGlobalDispatcher, EnvHttpProxyAgent } from 'undici'; setGlobalDispatcher(new EnvHttpProxyAgent());（或向 SDK 传入 agent / fetchOptions.dispatcher）。",
];

function fixesFor(e: Evidence, zh: boolean): string[] {
  const client = ev(e, 'client');
  const proxy = ev(e, 'proxy');
  if (client === 'node' || client === 'openai-node') return zh ? NODE_FIXES_ZH(e) : NODE_FIXES_EN(e);
  if (client.includes('python') || client === 'python-requests' || client === 'python-httpx') {
    return zh
      ? [`设置 HTTPS_PROXY=${proxy}（requests 与 httpx 会读取它；不要传 trust_env=False）。`, `或在代码中指定：requests 使用 proxies={"https": "${proxy}"}，httpx 使用 proxy="${proxy}"。`]
      : [`Set HTTPS_PROXY=${proxy} (requests and httpx read it; do not pass trust_env=False).`, `Or name it in code: requests proxies={"https": "${proxy}"}, httpx proxy="${proxy}".`];
  }
  if (client === 'curl') return zh ? [`curl 不读取系统代理：设置 https_proxy=${proxy} 或使用 -x ${proxy}。`] : [`curl does not read the OS proxy: set https_proxy=${proxy} or pass -x ${proxy}.`];
  return zh ? [`让该客户端使用代理 ${proxy}（系统代理设置或 HTTPS_PROXY）。`] : [`Make this client use the proxy ${proxy} (the OS proxy settings or HTTPS_PROXY).`];
}

/** CLIENT_PROXY_IGNORED lives with the proxy codes (report/explain/proxy.ts spreads it in). */
export const clientProxyTexts: Record<'CLIENT_PROXY_IGNORED', CodeText> = {
  CLIENT_PROXY_IGNORED: {
    example: { client: 'node', proxy: 'http://proxy.corp.example:8080', source: 'env:HTTPS_PROXY', why: 'node-no-env-proxy', nodeVersion: '20.20.0', nodeHasEnvProxy: false, direct: 'TCP_TIMEOUT', directError: 'connect ETIMEDOUT 104.18.7.192:443', viaProxy: 'ok' },
    en: (e) => ({
      title: `${ev(e, 'client')} does not use the proxy ${ev(e, 'proxy')}`,
      detail: `The proxy comes from ${ev(e, 'source')}, and it works; but ${ev(e, 'client')} goes directly (${WHY_EN[ev(e, 'why')] ?? ev(e, 'why')}). ${e.direct === 'ok' ? 'The direct path works too, so calls succeed, bypassing the proxy.' : `The direct path fails (${ev(e, 'direct')}: ${ev(e, 'directError')}), so its calls fail while curl works.`}`,
      fixes: fixesFor(e, false),
    }),
    'zh-CN': (e) => ({
      title: `${ev(e, 'client')} 不使用代理 ${ev(e, 'proxy')}`,
      detail: `该代理来自 ${ev(e, 'source')}，且可用；但 ${ev(e, 'client')} 会直连（${WHY_ZH[ev(e, 'why')] ?? ev(e, 'why')}）。${e.direct === 'ok' ? '直连也可用，因此调用会绕过代理成功。' : `直连失败（${ev(e, 'direct')}：${ev(e, 'directError')}），因此它的调用失败，而 curl 正常。`}`,
      fixes: fixesFor(e, true),
    }),
  },
};
