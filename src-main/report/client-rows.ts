import type { ClientId, ClientRow } from '../common/clients.js';
import type { Lang } from '../common/report.js';
import type { MatrixFacts, RowDraft } from '../engine/clients/judge.js';
import { nodeMajorOf } from '../engine/clients/node-version.js';
import { WHY_EN, WHY_ZH } from './explain/clients.js';

/**
 * The client matrix in words (en + zh-CN): each client's label and the one-sentence reason of
 * its row. Apart from report/explain/clients.ts (CLIENT_PROXY_IGNORED) because it reads the
 * engine's matrix types, which the renderer's pure text module must not pull in.
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

