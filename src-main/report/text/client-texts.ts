import { WHY_EN, WHY_ZH } from '../explain/clients.js';
import type { SentenceText, Vals } from './probe-texts.js';

/**
 * The client matrix in words (contract section 7): each row's label and its one-sentence reason,
 * rendered from the row's data (ClientRow.labelRef / reasonRef) in either language, so a language
 * switch re-words the rows locally. The engine (engine/clients/judge.ts) says which sentence and
 * with which measured values; nothing here reads the engine.
 */

/** A proxy URL without its password (the run's redactor scrubs it as well). */
const hidePass = (u: string): string => u.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1****@');
const q = (v: string | undefined): string => v ?? '?';

const routeEn = (r: string | undefined) => (r === 'direct' ? 'directly' : `through ${hidePass(q(r))}`);
const routeZh = (r: string | undefined) => (r === 'direct' ? '直连' : `经 ${hidePass(q(r))}`);
/** The same before a CJK word: a space after the URL. */
const routeZhSp = (r: string | undefined) => (r === 'direct' ? '直连' : `经 ${hidePass(q(r))} `);
/** Chinese text puts a space between CJK and Latin words (a URL, certifi, NODE_EXTRA_CA_CERTS). */
const spaced = (s: string): string => `${/^[\x20-\x7e]/.test(s) ? ' ' : ''}${s}${/[\x20-\x7e]$/.test(s) ? ' ' : ''}`;

/** "node-bundled,node-extra" (the stores a client trusts, as keys) in words. */
function storeNames(keys: string | undefined, zh: boolean): string {
  return q(keys)
    .split(',')
    .filter((k) => k !== '')
    .map((k) => {
      if (k === 'node-bundled') return zh ? 'Node 内置根证书' : "Node's bundled roots";
      if (k === 'node-extra') return 'NODE_EXTRA_CA_CERTS';
      if (k === 'os') return zh ? '系统信任库' : 'the OS trust store';
      if (k === 'certifi') return 'certifi';
      if (k === 'certifi-either') return zh ? 'certifi（无论是 pip 的 Mozilla 列表还是 Debian 的系统证书包，结论相同）' : "certifi (pip's Mozilla list and Debian's OS bundle alike)";
      return k.replace(/^file:/, '');
    })
    .join(zh ? '、' : ' + ');
}
const storesEn = (v: Vals) => storeNames(v.stores, false);
const storesZh = (v: Vals) => spaced(storeNames(v.stores, true));

/** Why a client takes its route: one sentence per RouteWhy (engine/clients/routes.ts). */
const WHY_TEXTS = Object.fromEntries(
  Object.keys(WHY_EN).map((why) => [`client.why.${why}`, { example: {}, en: () => WHY_EN[why]!, 'zh-CN': () => WHY_ZH[why] ?? WHY_EN[why]! } satisfies SentenceText]),
) as Record<`client.why.${string}`, SentenceText>;

const EX_ROUTE = { route: 'http://proxy.corp.example:3128', why: { code: 'client.why.env' } };

/** Python: the interpreter whose facts a row used, or that it lacks the module. */
const pyEn = (v: Vals, module: string): string =>
  `${v.version ? `Python ${v.version}` : 'Python'} ${module}${v.executable ? ` (${v.executable}${v.missing ? `: ${module} not installed` : ''})` : v.missing ? ` (${module} not installed)` : ''}`;
const pyZh = (v: Vals, module: string): string =>
  `${v.version ? `Python ${v.version}` : 'Python'} ${module}${v.executable ? `（${v.executable}${v.missing ? `：未安装 ${module}` : ''}）` : v.missing ? `（未安装 ${module}）` : ''}`;

export const CLIENT_TEXTS = {
  // Labels: which client, and for Node and Python which runtime's facts the row used.
  'client.label.curl': { example: {}, en: () => 'curl', 'zh-CN': () => 'curl' },
  'client.label.browser': { example: {}, en: () => 'Browser (OS proxy and trust store)', 'zh-CN': () => '浏览器（系统代理与系统信任库）' },
  'client.label.node': { example: { node: 20 }, en: (v) => `Node.js ${q(v.node)} fetch / undici`, 'zh-CN': (v) => `Node.js ${q(v.node)} fetch / undici` },
  'client.label.python-requests': {
    example: { version: '3.11.7', executable: '/root/.pyenv/versions/3.11.7/bin/python3', missing: true },
    en: (v) => pyEn(v, 'requests'),
    'zh-CN': (v) => pyZh(v, 'requests'),
  },
  'client.label.python-httpx': { example: { version: '3.11.2', executable: '/usr/bin/python3', missing: false }, en: (v) => pyEn(v, 'httpx'), 'zh-CN': (v) => pyZh(v, 'httpx') },
  'client.label.openai-python': { example: {}, en: () => 'openai-python (httpx, 600 s timeout, 2 retries)', 'zh-CN': () => 'openai-python（httpx，超时 600 秒，重试 2 次）' },
  'client.label.anthropic-python': { example: {}, en: () => 'anthropic (Python, httpx, 600 s timeout, 2 retries)', 'zh-CN': () => 'anthropic（Python，httpx，超时 600 秒，重试 2 次）' },
  'client.label.openai-node': { example: { node: 20 }, en: (v) => `openai-node / @anthropic-ai/sdk (Node.js ${q(v.node)} fetch)`, 'zh-CN': (v) => `openai-node / @anthropic-ai/sdk（Node.js ${q(v.node)} fetch）` },

  // Reasons: one per ReasonKey of engine/clients/judge.ts.
  'client.python-missing': {
    example: { python: 'python3', detail: { code: 'client.python.notFound', values: { python: 'python3' } } },
    en: (v) => `Not judged: ${q(v.detail)}.`,
    'zh-CN': (v) => `未判断：${q(v.detail)}。`,
  },
  'client.route-unknown': {
    example: { why: { code: 'client.why.system-unknown' } },
    en: (v) => `Unknown: ${q(v.why)}, so which way it goes is not known.`,
    'zh-CN': (v) => `未知：${q(v.why)}，无法确定它走哪条路径。`,
  },
  'client.path-not-measured': {
    example: { route: 'socks5://127.0.0.1:1080' },
    en: (v) => `Unknown: it would go ${routeEn(v.route)}, which this run did not measure.`,
    'zh-CN': (v) => `未知：它会${routeZh(v.route)}，本次运行未测量该路径。`,
  },
  'client.socks-unsupported': {
    example: { scheme: 'socks5h', module: 'undici' },
    en: (v) => `Fails: the proxy is ${q(v.scheme)}, which it cannot use without ${q(v.module)}.`,
    'zh-CN': (v) => `失败：代理是 ${q(v.scheme)}，没有 ${q(v.module)} 它无法使用。`,
  },
  'client.path-failed': {
    example: { ...EX_ROUTE, errno: 'ECONNREFUSED' },
    en: (v) => `Fails: it goes ${routeEn(v.route)} (${q(v.why)}), and that fails with ${q(v.errno)}.`,
    'zh-CN': (v) => `失败：它会${routeZh(v.route)}（${q(v.why)}），该路径失败：${q(v.errno)}。`,
  },
  'client.proxy-ignored': {
    example: { route: 'direct', why: { code: 'client.why.node-no-env-proxy' }, proxy: 'http://127.0.0.1:3128', source: 'env:HTTPS_PROXY', errno: 'ETIMEDOUT' },
    en: (v) => `Fails: it goes directly because ${q(v.why)}; direct fails (${q(v.errno)}) while ${hidePass(q(v.proxy))} works.`,
    'zh-CN': (v) => `失败：${q(v.why)}，因此它直连；直连失败（${q(v.errno)}），而 ${hidePass(q(v.proxy))} 可用。`,
  },
  'client.proxy-ignored-works': {
    example: { route: 'direct', why: { code: 'client.why.node-no-env-proxy' }, proxy: 'http://127.0.0.1:3128', source: 'env:HTTPS_PROXY' },
    en: (v) => `Works, but directly: it does not use ${hidePass(q(v.proxy))} from ${q(v.source)} (${q(v.why)}).`,
    'zh-CN': (v) => `可用，但为直连：它不使用来自 ${q(v.source)} 的 ${hidePass(q(v.proxy))}（${q(v.why)}）。`,
  },
  'client.trust-os-only': {
    example: { stores: 'node-bundled,node-extra' },
    en: (v) => `Fails: it trusts ${storesEn(v)}, which lacks the CA of this chain; the OS store has it.`,
    'zh-CN': (v) => `失败：它信任的${storesZh(v)}中没有该证书链的 CA，而系统信任库中有。`,
  },
  'client.trust-rejected': {
    example: { stores: 'certifi' },
    en: (v) => `Fails: ${storesEn(v)} does not accept this certificate chain.`,
    'zh-CN': (v) => `失败：${storesZh(v).trimStart()}不接受该证书链。`,
  },
  'client.trust-unknown': {
    example: { stores: 'certifi', detail: { code: 'client.python.noCertifi', values: { python: '/usr/local/bin/python3' } } },
    en: (v) => `Unknown: its trust store (${storesEn(v)}) could not be read: ${q(v.detail)}.`,
    'zh-CN': (v) => `未知：无法读取它的信任库（${storeNames(v.stores, true)}）：${q(v.detail)}。`,
  },
  'client.tls-broken': {
    example: { code: 'TLS_HOSTNAME_MISMATCH' },
    en: (v) => `Fails: the certificate itself is wrong for every client (${q(v.code)}).`,
    'zh-CN': (v) => `失败：证书本身对所有客户端都有问题（${q(v.code)}）。`,
  },
  'client.server-fails': {
    example: { route: 'direct', code: 'AUTH_REJECTED' },
    en: (v) => `Reaches the server ${routeEn(v.route)}, which answers with the same error as for every client (${q(v.code)}).`,
    'zh-CN': (v) => `它${routeZhSp(v.route)}可以到达服务器，但服务器对所有客户端返回同样的错误（${q(v.code)}）。`,
  },
  'client.httpx-timeout': {
    example: { ttfbMs: 6200 },
    en: (v) => `Fails: the first byte took ${q(v.ttfbMs)} ms, over httpx's default 5 s timeout.`,
    'zh-CN': (v) => `失败：首字节用时 ${q(v.ttfbMs)} 毫秒，超过 httpx 默认的 5 秒超时。`,
  },
  'client.no-happy-eyeballs': {
    example: {},
    en: () => 'At risk: IPv6 is broken here and it tries each address in turn without Happy Eyeballs, so calls stall.',
    'zh-CN': () => '有风险：本机 IPv6 不通，而它不使用 Happy Eyeballs、逐个尝试地址，调用会卡住。',
  },
  'client.degraded': {
    example: { code: 'SERVER_SLOW' },
    en: (v) => `Works, with the same warning as every client (${q(v.code)}).`,
    'zh-CN': (v) => `可用，但有与所有客户端相同的警告（${q(v.code)}）。`,
  },
  'client.ok': {
    example: { route: 'direct', stores: 'os' },
    en: (v) => `Works: it goes ${routeEn(v.route)}${v.stores ? ` and ${storesEn(v)} accepts the certificate` : ''}.`,
    'zh-CN': (v) => `可用：它${routeZh(v.route)}${v.stores ? `，且${storesZh(v)}接受该证书` : ''}。`,
  },
  'client.ok-not-sent': {
    example: { route: 'direct', stores: 'os' },
    en: (v) => `Connects ${routeEn(v.route)}${v.stores ? ` and ${storesEn(v)} accepts the certificate` : ''}; the request itself was not sent this run.`,
    'zh-CN': (v) => `可以${routeZhSp(v.route)}建立连接${v.stores ? `，且${storesZh(v)}接受该证书` : ''}；本次未发送请求本身。`,
  },

  // Why a Python fact or a trust store is unknown (engine/clients/python.ts, stores.ts).
  'client.python.notFound': { example: { python: 'python3' }, en: (v) => `${q(v.python)} not found`, 'zh-CN': (v) => `找不到 ${q(v.python)}` },
  'client.python.timeout': { example: { python: 'python3', ms: 5000 }, en: (v) => `${q(v.python)} did not answer within ${q(v.ms)} ms`, 'zh-CN': (v) => `${q(v.python)} 在 ${q(v.ms)} 毫秒内没有应答` },
  'client.python.failed': { example: { python: 'python3', error: 'Command failed: exit 1' }, en: (v) => `${q(v.python)} failed: ${q(v.error)}`, 'zh-CN': (v) => `${q(v.python)} 运行失败：${q(v.error)}` },
  'client.python.unreadable': { example: { python: 'python3' }, en: (v) => `${q(v.python)} gave an unreadable answer`, 'zh-CN': (v) => `${q(v.python)} 的应答无法解析` },
  'client.python.noCertifi': { example: { python: '/usr/local/bin/python3' }, en: (v) => `certifi is not installed for ${q(v.python)}`, 'zh-CN': (v) => `${q(v.python)} 未安装 certifi` },
  'client.store.empty': { example: { path: '/etc/corp/ca.pem' }, en: (v) => `${q(v.path)} holds no certificate`, 'zh-CN': (v) => `${q(v.path)} 中没有证书` },
  'client.store.unreadable': { example: { path: '/etc/corp/ca.pem', error: 'ENOENT' }, en: (v) => `cannot read ${q(v.path)}: ${q(v.error)}`, 'zh-CN': (v) => `无法读取 ${q(v.path)}：${q(v.error)}` },
  'client.store.noOsBundle': { example: {}, en: () => 'no system CA bundle found', 'zh-CN': () => '找不到系统 CA 证书包' },
  'client.store.osUnreadable': {
    example: { node: '20.20.0', os: 'win32' },
    en: (v) => `this Node (${q(v.node)}) cannot read the ${q(v.os)} trust store (tls.getCACertificates needs Node 22.15); the desktop app can`,
    'zh-CN': (v) => `当前 Node（${q(v.node)}）无法读取 ${q(v.os)} 的信任库（tls.getCACertificates 需要 Node 22.15）；桌面应用可以读取`,
  },
  ...WHY_TEXTS,
} satisfies Record<string, SentenceText>;
