import type { TextRef, TextValue } from '../../common/text-ref.js';
import { plural } from '../explain/types.js';

/** Values as a template reads them: nested sentences already rendered, missing ones undefined. */
export type Vals = { [name: string]: string | undefined };

/** Why sampling took fewer samples than planned (server.sampled's `early`), in words. */
const EARLY_EN: Record<string, string> = { 'healthy-and-fast': 'the first answer was healthy and fast, so no more were taken', budget: 'stopped early: time budget spent', limited: 'stopped: the service is limiting requests' };
const EARLY_ZH: Record<string, string> = { 'healthy-and-fast': '首次应答正常且快速，因此没有继续采样', budget: '提前停止：时间预算已用完', limited: '已停止：服务正在限制请求' };

/**
 * One sentence in both languages, with a realistic example of its values (the zh-CN completeness
 * test renders every entry with it).
 */
export interface SentenceText {
  example: { [name: string]: TextValue };
  en: (v: Vals) => string;
  'zh-CN': (v: Vals) => string;
}

const CUT_ZH: Record<string, string> = { budget: '预算用完', stalled: '数据停滞', closed: '连接关闭' };
const REDIRECT_ZH = (n: string | undefined) => (n ? `，经过 ${n} 次重定向` : '');
/** A prerequisite named in Chinese where it is one of the stages' own probes (zh-CN text translates stage names). */
const PROBE_ZH: Record<string, string> = { environment: '网络环境', proxy: '代理', dns: 'DNS 解析', tcp: 'TCP 连接', tls: 'TLS', http: 'HTTP', auth: '认证', server: '服务端' };
const probeZh = (p: string | undefined) => (p && PROBE_ZH[p]) ?? p;

/**
 * What probes and the runner say about a check: one-line summaries, why a check failed, why it
 * was skipped, why sampling stopped. Adding a sentence means adding an entry here (both languages
 * and an example); the engine refers to it by code with its measured values.
 */
export const PROBE_TEXTS = {
  // environment
  'environment.offline': { example: {}, en: () => 'offline', 'zh-CN': () => '离线' },
  'environment.noInterface': { example: {}, en: () => 'no network interface with a usable address', 'zh-CN': () => '没有带可用地址的网卡' },
  'environment.interfaces': { example: { count: 2 }, en: (v) => plural(v.count, 'usable interface'), 'zh-CN': (v) => `${v.count} 个可用网卡` },
  'environment.loopbackOnly': { example: {}, en: () => 'loopback only (target is local)', 'zh-CN': () => '仅回环网卡（目标在本机）' },

  // proxy
  'proxy.direct': { example: {}, en: () => 'direct connection', 'zh-CN': () => '直连，未使用代理' },
  'proxy.bypassed': { example: { by: 'NO_PROXY=.internal.example' }, en: (v) => `direct (${v.by})`, 'zh-CN': (v) => `直连（${v.by}）` },
  'proxy.notChecked': { example: { proxy: 'socks5://127.0.0.1:1080', scheme: 'socks5' }, en: (v) => `${v.proxy} (${v.scheme} proxies are not checked)`, 'zh-CN': (v) => `${v.proxy}（不检查 ${v.scheme} 代理）` },
  'proxy.tunnel': { example: { proxy: 'http://proxy.corp.example:3128' }, en: (v) => `tunnel through ${v.proxy}`, 'zh-CN': (v) => `经 ${v.proxy} 建立隧道` },
  'proxy.badUrl': { example: { proxy: 'proxy.corp.example:3128' }, en: (v) => `"${v.proxy}" is not a proxy URL`, 'zh-CN': (v) => `“${v.proxy}”不是代理 URL` },
  'proxy.forwarding': { example: { proxy: 'http://proxy.corp.example:3128' }, en: (v) => `requests through ${v.proxy}`, 'zh-CN': (v) => `经 ${v.proxy} 转发请求` },
  'proxy.connect': { example: {}, en: () => 'CONNECT', 'zh-CN': () => 'CONNECT' },
  'proxy.requestFor': { example: { origin: 'http://api.example.com' }, en: (v) => `the request for ${v.origin}`, 'zh-CN': (v) => `对 ${v.origin} 的请求` },
  'proxy.answered': {
    example: { asked: { code: 'proxy.connect' }, status: 503, statusText: 'Service Unavailable', errorId: 'ERR_DNS_FAIL' },
    en: (v) => `proxy answered ${v.asked} with ${v.status} ${v.statusText ?? ''}${v.errorId ? ` (${v.errorId})` : ''}`.replace(/ +/g, ' ').trim(),
    'zh-CN': (v) => `代理对 ${v.asked} 的应答为 ${v.status} ${v.statusText ?? ''}${v.errorId ? `（${v.errorId}）` : ''}`.replace(/ +/g, ' ').trim(),
  },
  'proxy.wrongScheme': { example: { speaks: 'http' }, en: (v) => `the proxy URL says https://, the port speaks ${v.speaks}`, 'zh-CN': (v) => `代理 URL 写的是 https://，但该端口使用的是 ${v.speaks}` },
  'proxy.socksTunnel': {
    example: { scheme: 'socks5h', proxy: 'socks5h://127.0.0.1:1080', label: { code: 'dns.viaProxy' } },
    en: (v) => `${v.scheme} tunnel through ${v.proxy} (${v.label})`,
    'zh-CN': (v) => `经 ${v.proxy} 建立 ${v.scheme} 隧道（${v.label}）`,
  },
  'proxy.socksResolvedHere': { example: { destination: '162.159.140.245' }, en: (v) => `resolved here to ${v.destination}`, 'zh-CN': (v) => `在本机解析为 ${v.destination}` },
  'proxy.socksResolveFirst': { example: { proxy: 'socks5://127.0.0.1:1080', scheme: 'socks5' }, en: (v) => `${v.proxy}: the name must resolve here first (${v.scheme})`, 'zh-CN': (v) => `${v.proxy}：需先在本机解析域名（${v.scheme}）` },
  'proxy.socksFailed': { example: { proxy: 'socks5://127.0.0.1:1080', error: 'ECONNREFUSED' }, en: (v) => `SOCKS proxy ${v.proxy}: ${v.error}`, 'zh-CN': (v) => `SOCKS 代理 ${v.proxy}：${v.error}` },
  'proxy.failed': { example: { proxy: 'http://proxy.corp.example:3128', error: 'ECONNREFUSED' }, en: (v) => `proxy ${v.proxy}: ${v.error ?? 'no answer'}`, 'zh-CN': (v) => `代理 ${v.proxy}：${v.error ?? '无应答'}` },

  // dns
  'dns.literal': { example: {}, en: () => 'IP address: nothing to resolve', 'zh-CN': () => 'IP 地址，无需解析' },
  'dns.pinned': { example: { addresses: '127.0.0.1' }, en: (v) => `pinned by --resolve to ${v.addresses}`, 'zh-CN': (v) => `已用 --resolve 固定为 ${v.addresses}` },
  'dns.viaProxy': { example: {}, en: () => 'the proxy resolves the name', 'zh-CN': () => '由代理解析域名' },
  'dns.resolved': { example: { host: 'api.openai.com', addresses: '162.159.140.245, 172.66.0.243' }, en: (v) => `${v.host} → ${v.addresses}`, 'zh-CN': (v) => `${v.host} → ${v.addresses}` },
  'dns.sinkhole': { example: { host: 'api.openai.com', addresses: '0.0.0.0' }, en: (v) => `${v.host} resolves to ${v.addresses} (blocked or poisoned)`, 'zh-CN': (v) => `${v.host} 解析为 ${v.addresses}（被屏蔽或污染）` },
  'dns.failed': { example: { host: 'api.openai.com', error: 'ENOTFOUND' }, en: (v) => `${v.host} did not resolve (${v.error ?? 'no address'})`, 'zh-CN': (v) => `${v.host} 无法解析（${v.error ?? '没有地址'}）` },

  // tcp
  'tcp.viaProxy': { example: {}, en: () => 'through the proxy tunnel', 'zh-CN': () => '经代理隧道连接' },
  'tcp.connected': {
    example: { where: '162.159.140.245:443', ms: 23.4, connected: 2, tried: 2 },
    en: (v) => `${v.where} in ${v.ms} ms (${v.connected}/${v.tried} addresses)`,
    'zh-CN': (v) => `${v.where}，用时 ${v.ms} 毫秒（${v.connected}/${v.tried} 个地址可连接）`,
  },
  'tcp.failed': { example: { where: '162.159.140.245:443', error: 'ECONNREFUSED' }, en: (v) => `${v.where}: ${v.error ?? 'failed'}`, 'zh-CN': (v) => `${v.where}：${v.error ?? '失败'}` },
  'tcp.noAddress': { example: {}, en: () => 'no address to connect to', 'zh-CN': () => '没有可连接的地址' },

  // tls
  'tls.notApplicable': { example: {}, en: () => 'plain http:// URL: no TLS to check', 'zh-CN': () => '普通 http:// 地址，没有 TLS 需要检查' },
  'tls.summary': {
    example: { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', alpn: 'h2', subject: 'api.openai.com', issuer: 'WE1' },
    en: (v) => `${v.protocol ?? '?'} ${v.cipher ?? ''}${v.alpn ? `, ALPN ${v.alpn}` : ''}; ${v.subject ?? '?'} issued by ${v.issuer ?? '?'}`,
    'zh-CN': (v) => `${v.protocol ?? '?'} ${v.cipher ?? ''}${v.alpn ? `，ALPN ${v.alpn}` : ''}；${v.subject ?? '?'}，签发者 ${v.issuer ?? '?'}`,
  },
  'tls.caFileUnreadable': { example: { error: 'ENOENT' }, en: (v) => `cannot read --ca-file: ${v.error}`, 'zh-CN': (v) => `无法读取 --ca-file：${v.error}` },
  'tls.reconnectFailed': { example: { error: 'ECONNRESET' }, en: (v) => `could not reconnect for the handshake: ${v.error}`, 'zh-CN': (v) => `无法为握手重新连接：${v.error}` },
  'tls.handshakeFailed': { example: { error: 'ERR_SSL_WRONG_VERSION_NUMBER' }, en: (v) => `TLS handshake failed: ${v.error}`, 'zh-CN': (v) => `TLS 握手失败：${v.error}` },
  'tls.notAccepted': { example: { error: 'SELF_SIGNED_CERT_IN_CHAIN' }, en: (v) => `certificate not accepted: ${v.error ?? 'unverified'}`, 'zh-CN': (v) => `证书未被接受：${v.error ?? '未验证'}` },
  'tls.notAcceptedBy': {
    example: { client: 'python-requests', store: 'certifi' },
    en: (v) => `certificate not accepted by ${v.client}'s trust store (${v.store})`,
    'zh-CN': (v) => `${v.client} 的信任库（${v.store}）不接受该证书`,
  },

  // http
  'http.answered': {
    example: { status: 200, statusText: 'OK', redirects: 1, ms: 412 },
    en: (v) => `${v.status} ${v.statusText ?? ''}${v.redirects ? ` after ${plural(v.redirects, 'redirect')}` : ''} in ${v.ms} ms`,
    'zh-CN': (v) => `${v.status} ${v.statusText ?? ''}${REDIRECT_ZH(v.redirects)}，用时 ${v.ms} 毫秒`,
  },
  'http.error': { example: { error: 'HTTP_HEADERS_TIMEOUT', message: 'Headers Timeout Error' }, en: (v) => `${v.error}: ${v.message}`, 'zh-CN': (v) => `${v.error}：${v.message}` },
  'http.redirectLoop': { example: {}, en: () => 'the redirects go round in a circle', 'zh-CN': () => '重定向形成了循环' },
  'http.redirectLimit': { example: { limit: 10 }, en: (v) => `more than ${plural(v.limit, 'redirect')}`, 'zh-CN': (v) => `重定向超过 ${v.limit} 次` },
  'http.redirectRefused': { example: { scheme: 'ftp' }, en: (v) => `redirect to a ${v.scheme} URL not followed`, 'zh-CN': (v) => `未跟随指向 ${v.scheme} 地址的重定向` },
  'http.redirectChangedMethod': { example: { status: '301', from: 'POST', to: 'GET' }, en: (v) => `a ${v.status} redirect turned the ${v.from} into a ${v.to}`, 'zh-CN': (v) => `${v.status} 重定向把 ${v.from} 变成了 ${v.to}` },
  'http.verdict': { example: { code: 'HTTP_NOT_FOUND', status: 404 }, en: (v) => `${v.code} (${v.status})`, 'zh-CN': (v) => `${v.code}（${v.status}）` },

  // auth
  'auth.noAnswer': { example: {}, en: () => 'no answer to judge', 'zh-CN': () => '没有可判断的应答' },
  'auth.oauthFailed': { example: {}, en: () => 'OAuth token request failed', 'zh-CN': () => 'OAuth 令牌请求失败' },
  'auth.notNeeded': { example: {}, en: () => 'no credential needed for this call', 'zh-CN': () => '此调用无需凭据' },
  'auth.credential': {
    example: { fingerprint: 'sk-…a1b2 (sha256:3f2a9c)', sentAs: 'Authorization: Bearer', withheld: null },
    en: (v) => `${v.fingerprint ?? 'credential'} as ${v.sentAs}${v.withheld ? ' (withheld)' : ''}`,
    'zh-CN': (v) => `${v.fingerprint ?? '凭据'}，以 ${v.sentAs} 发送${v.withheld ? '（未发送）' : ''}`,
  },
  'auth.noCredential': { example: {}, en: () => 'no credential', 'zh-CN': () => '无凭据' },
  'auth.accepted': { example: { who: { code: 'auth.credential', values: { fingerprint: 'sk-…a1b2', sentAs: 'Authorization: Bearer' } } }, en: (v) => `accepted: ${v.who}`, 'zh-CN': (v) => `已接受：${v.who}` },
  'auth.refused': { example: { code: 'AUTH_REJECTED', who: { code: 'auth.credential', values: { fingerprint: 'sk-…a1b2', sentAs: 'Authorization: Bearer' } } }, en: (v) => `${v.code}: ${v.who}`, 'zh-CN': (v) => `${v.code}：${v.who}` },

  // server
  'server.sampled': {
    example: { samples: 1, p50Ms: 180, errorPercent: 0, early: 'healthy-and-fast' },
    en: (v) => `${plural(v.samples, 'sample')}: p50 TTFB ${v.p50Ms ?? '–'} ms, errors ${v.errorPercent}%${v.early ? ` (${EARLY_EN[v.early] ?? v.early})` : ''}`,
    'zh-CN': (v) => `${v.samples} 次采样：首字节 p50 ${v.p50Ms ?? '–'} 毫秒，错误率 ${v.errorPercent}%${v.early ? `（${EARLY_ZH[v.early] ?? v.early}）` : ''}`,
  },
  'server.notSampled': { example: {}, en: () => 'not sampled', 'zh-CN': () => '未采样' },
  'server.limited': { example: {}, en: () => 'not sampled: the service is limiting requests', 'zh-CN': () => '未采样：服务正在限制请求' },
  'server.noCheapCall': { example: {}, en: () => 'not sampled: the call is not a cheap GET and no cheap call is known for this API', 'zh-CN': () => '未采样：该调用不是低成本的 GET，也不知道此 API 有哪个低成本调用' },
  'server.healthyAndFast': { example: {}, en: () => 'one sample: the first answer was healthy and fast (--samples N takes N)', 'zh-CN': () => '只采样一次：首次应答正常且快速（--samples N 可指定采样 N 次）' },
  'server.sameEveryTime': { example: {}, en: () => 'one sample: this answer would be the same every time', 'zh-CN': () => '只采样一次：这个应答每次都会相同' },
  'server.budgetSpent': { example: { samples: 4 }, en: (v) => `stopped after ${plural(v.samples, 'sample')}: time budget spent`, 'zh-CN': (v) => `采样 ${v.samples} 次后停止：时间预算已用完` },

  // stream
  'stream.notApplicable': { example: {}, en: () => 'streaming not asked for (--stream)', 'zh-CN': () => '未要求检查流式响应（--stream）' },
  'stream.noEndpoint': { example: {}, en: () => 'no streaming endpoint known for this URL: give the completion URL with -X POST -d', 'zh-CN': () => '不知道此 URL 的流式端点：请用 -X POST -d 指定补全接口的 URL' },
  'stream.answered': { example: { status: 401, code: 'AUTH_REJECTED' }, en: (v) => `streamed request answered ${v.status}${v.code ? ` (${v.code})` : ''}`, 'zh-CN': (v) => `流式请求返回 ${v.status}${v.code ? `（${v.code}）` : ''}` },
  'stream.failed': { example: { error: 'ECONNRESET' }, en: (v) => `streamed request failed: ${v.error ?? 'no answer'}`, 'zh-CN': (v) => `流式请求失败：${v.error ?? '无应答'}` },
  'stream.summary': {
    example: { events: 42, firstMs: 310, end: 'cut', cut: 'stalled', ms: 30_000 },
    en: (v) => `${plural(v.events, 'event')}, first after ${v.firstMs ?? '–'} ms, ${v.end === 'clean' ? 'ended cleanly' : v.end === 'error' ? 'error event' : `cut (${v.cut})`} in ${v.ms} ms`,
    'zh-CN': (v) => `${v.events} 个事件，首个在 ${v.firstMs ?? '–'} 毫秒后到达，${v.end === 'clean' ? '正常结束' : v.end === 'error' ? '收到错误事件' : `中途断开（${CUT_ZH[v.cut ?? ''] ?? v.cut}）`}，共 ${v.ms} 毫秒`,
  },

  // oauth
  'oauth.notApplicable': { example: {}, en: () => 'no OAuth token endpoint given', 'zh-CN': () => '未指定 OAuth 令牌端点' },
  'oauth.noSecret': { example: {}, en: () => 'no client secret given', 'zh-CN': () => '未提供客户端密钥' },
  'oauth.requestFailed': { example: { error: 'ECONNREFUSED' }, en: (v) => `token request failed: ${v.error ?? 'no answer'}`, 'zh-CN': (v) => `令牌请求失败：${v.error ?? '无应答'}` },
  'oauth.issued': {
    example: { tokenType: 'Bearer', expiresIn: 3599 },
    en: (v) => `token issued (${v.tokenType ?? 'bearer'}${v.expiresIn ? `, expires in ${v.expiresIn} s` : ''})`,
    'zh-CN': (v) => `已签发令牌（${v.tokenType ?? 'bearer'}${v.expiresIn ? `，${v.expiresIn} 秒后过期` : ''}）`,
  },
  'oauth.refused': { example: { status: 401, error: 'invalid_client' }, en: (v) => `token endpoint refused: ${v.status} ${v.error ?? ''}`.trim(), 'zh-CN': (v) => `令牌端点拒绝：${v.status} ${v.error ?? ''}`.trim() },

  // completion (--completion)
  'completion.notApplicable': { example: {}, en: () => 'a real completion not asked for (--completion)', 'zh-CN': () => '未要求发送真实补全（--completion）' },
  'completion.notNeeded': { example: {}, en: () => 'not sent: your own call is a completion, and it worked', 'zh-CN': () => '未发送：你的请求本身就是一次补全，且已成功' },
  'completion.noEndpoint': { example: {}, en: () => 'no completion endpoint known for this URL (Azure: give the deployment URL)', 'zh-CN': () => '不知道此 URL 的补全端点（Azure：请给出部署的 URL）' },
  'completion.otherOrigin': { example: {}, en: () => 'the completion endpoint is on another origin', 'zh-CN': () => '补全端点位于另一个源（origin）' },
  'completion.failed': { example: { code: 'HTTP_HEADERS_TIMEOUT', error: 'Headers Timeout Error' }, en: (v) => `completion failed: ${v.code}: ${v.error ?? 'no answer'}`, 'zh-CN': (v) => `补全失败：${v.code}：${v.error ?? '无应答'}` },
  'completion.summary': {
    example: { model: 'gpt-4o-mini', status: 200, code: null },
    en: (v) => `one-token completion of ${v.model ?? 'the default model'}: ${v.status}${v.code ? ` (${v.code})` : ''}`,
    'zh-CN': (v) => `单 token 补全（${v.model ?? '默认模型'}）：${v.status}${v.code ? `（${v.code}）` : ''}`,
  },

  // paths (the client matrix's second route)
  'paths.sameRoute': { example: {}, en: () => 'every client takes the same route', 'zh-CN': () => '所有客户端走同一路径' },
  'paths.item': {
    example: { route: 'proxy', outcome: 'ok' },
    en: (v) => `${v.route === 'direct' ? 'direct' : 'via proxy'}: ${v.outcome === 'not-measured' ? 'not measured' : v.outcome}`,
    'zh-CN': (v) => `${v.route === 'direct' ? '直连' : '经代理'}：${v.outcome === 'not-measured' ? '未测量' : v.outcome === 'ok' ? '正常' : v.outcome === 'failed' ? '失败' : v.outcome}`,
  },
  'paths.summary': { example: { items: [{ code: 'paths.item', values: { route: 'direct', outcome: 'TCP_TIMEOUT' } }, { code: 'paths.item', values: { route: 'proxy', outcome: 'ok' } }] }, en: (v) => `${v.items}`, 'zh-CN': (v) => `${v.items}` },

  // the runner
  'run.cancelled': { example: {}, en: () => 'cancelled', 'zh-CN': () => '已取消' },
  'run.cancelledBefore': { example: { after: '2.4' }, en: (v) => `cancelled after ${v.after} s, before it started`, 'zh-CN': (v) => `运行 ${v.after} 秒后已取消，该检查尚未开始` },
  'run.cancelledDuring': { example: { after: '2.4', budget: '30.0' }, en: (v) => `cancelled after ${v.after} s of ${v.budget} s`, 'zh-CN': (v) => `运行 ${v.after} 秒后已取消（该检查的预算为 ${v.budget} 秒）` },
  'run.notChecked': {
    example: { items: [{ code: 'run.notCheckedItem', values: { probe: 'tcp', reason: { code: 'tcp.failed', values: { where: '127.0.0.1:443', error: 'EPERM' } } } }] },
    en: (v) => `not checked: ${v.items}`,
    'zh-CN': (v) => `未检查：${v.items}`,
  },
  'run.notCheckedItem': { example: { probe: 'tcp', reason: { code: 'run.notRun' } }, en: (v) => `${v.probe}: ${v.reason}`, 'zh-CN': (v) => `${v.probe}：${v.reason}` },
  'run.notRun': { example: {}, en: () => 'not run', 'zh-CN': () => '未运行' },
  'run.notYetChecked': { example: {}, en: () => 'not yet checked', 'zh-CN': () => '尚未检查' },
  'run.depFailed': { example: { probe: 'dns', reason: { code: 'dns.failed', values: { host: 'api.openai.com', error: 'ENOTFOUND' } } }, en: (v) => `${v.probe} failed: ${v.reason}`, 'zh-CN': (v) => `${probeZh(v.probe)} 失败：${v.reason}` },
  'run.noResult': { example: { ms: 10_000 }, en: (v) => `no result within ${v.ms} ms`, 'zh-CN': (v) => `${v.ms} 毫秒内没有结果` },
  'run.probeError': { example: { error: 'TypeError: x is not a function' }, en: (v) => `probe error: ${v.error}`, 'zh-CN': (v) => `检查出错：${v.error}` },
  'run.ruleError': { example: { error: 'TypeError: x is not a function' }, en: (v) => `rule error: ${v.error}`, 'zh-CN': (v) => `规则出错：${v.error}` },
} satisfies Record<string, SentenceText>;

export type ProbeTextCode = keyof typeof PROBE_TEXTS;
/** A probe's or the runner's sentence as data. */
export type ProbeText = TextRef<ProbeTextCode>;
