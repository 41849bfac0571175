import type { CodesOfStage } from '../../common/codes.js';
import { ev, type CodeText } from './types.js';
import { clientProxyTexts } from './clients.js';
import { withSystemProxyFix } from './system-proxy-fix.js';
import type { Evidence } from '../../common/report.js';

const noProxy = (e: Parameters<typeof ev>[0], zh = false): string => (e.noProxy === null || e.noProxy === undefined ? (zh ? '未设置' : 'not set') : ev(e, 'noProxy'));

const src = (e: Parameters<typeof ev>[0], zh = false): string => {
  const s = ev(e, 'source');
  if (s === 'flag') return zh ? '命令行参数 --proxy' : 'the --proxy flag';
  if (s === 'system') return e.systemSource ? (zh ? `系统代理设置（${ev(e, 'systemSource')}）` : `the system proxy settings (${ev(e, 'systemSource')})`) : zh ? '系统代理设置' : 'the system proxy settings';
  if (s.startsWith('env:')) return zh ? `环境变量 ${s.slice(4)}` : `the environment variable ${s.slice(4)}`;
  return s;
};

/** How the proxy was asked: CONNECT (https://) or the absolute-form request (http://). */
const asked = (e: Parameters<typeof ev>[0], zh = false): string =>
  e.asked === 'absolute-form' ? (zh ? '转发请求（绝对形式的 URL）' : 'the forwarded request (absolute-form URL)') : zh ? ' CONNECT 请求' : 'CONNECT';
/** RFC 1928 §6 replies that mean the SOCKS server could not reach the target, in words. */
const socksReplyEn = (e: Parameters<typeof ev>[0]): string =>
  ({ HostUnreachable: 'no route to the host', NetworkUnreachable: 'no route to its network', ConnectionRefused: 'the API host refused the connection', TTLExpired: 'the connection timed out or its TTL expired' })[ev(e, 'statusText')] ?? ev(e, 'statusText');
const socksReplyZh = (e: Parameters<typeof ev>[0]): string =>
  ({ HostUnreachable: '到该主机没有路由', NetworkUnreachable: '到其网络没有路由', ConnectionRefused: 'API 主机拒绝了连接', TTLExpired: '连接超时或 TTL 过期' })[ev(e, 'statusText')] ?? ev(e, 'statusText');
const speaksEn = (e: Parameters<typeof ev>[0]): string => ({ http: 'plain HTTP', tls: 'TLS (https)', socks5: 'SOCKS5' })[ev(e, 'speaks')] ?? ev(e, 'speaks');
const speaksZh = (e: Parameters<typeof ev>[0]): string => ({ http: '普通 HTTP', tls: 'TLS（https）', socks5: 'SOCKS5' })[ev(e, 'speaks')] ?? ev(e, 'speaks');

/** Title, detail and fixes of every proxy code, in English and Simplified Chinese. */
const texts: Record<CodesOfStage<'proxy'>, CodeText> = {
  PROXY_IN_USE: {
    example: { proxy: 'http://proxy.corp.example:8080', source: 'env:https_proxy', noProxy: 'localhost,.corp.example' },
    en: (e) => e.pacUrl !== undefined && e.pacEvaluated === false ? {
      title: `The system proxy is a PAC script (${e.pacUrl ? ev(e, 'pacUrl') : 'WPAD discovery'}): not evaluated`,
      detail: `${src(e)} sends each URL through ${e.pacUrl ? `the script at ${ev(e, 'pacUrl')}` : 'a script found by WPAD'}. This diagnosis did not evaluate it and connected directly; browsers and apps that follow the OS settings may use a proxy instead.`,
      fixes: ['To check the path your browser takes, diagnose through the proxy the script returns for this URL (your IT department or the script itself says which): api-doctor diagnose URL --proxy http://PROXY:PORT.', 'The desktop app resolves PAC scripts through Chromium: run the diagnosis there to see the proxy the OS picks.'],
    } : ({
      title: `Traffic goes through the proxy ${ev(e, 'proxy')}`,
      detail: `The proxy comes from ${src(e)}. NO_PROXY: ${noProxy(e)}. Your SDK only uses it if it reads the same settings.`,
      fixes: ['If your program fails while this diagnosis passes, make sure it uses the same proxy (many SDKs ignore HTTPS_PROXY unless told, e.g. undici needs an EnvHttpProxyAgent).', 'If no proxy should be used for this host, add it to NO_PROXY; compare without it: api-doctor diagnose URL --no-proxy.'],
    }),
    'zh-CN': (e) => e.pacUrl !== undefined && e.pacEvaluated === false ? {
      title: `系统代理使用 PAC 脚本（${e.pacUrl ? ev(e, 'pacUrl') : 'WPAD 自动发现'}）：未解析`,
      detail: `${src(e, true)}通过${e.pacUrl ? `位于 ${ev(e, 'pacUrl')} 的脚本` : '经 WPAD 找到的脚本'}为每个 URL 选择代理。本诊断没有执行该脚本，而是直接连接；遵循系统设置的浏览器和应用可能会改走代理。`,
      fixes: ['若要检查浏览器实际走的路径，请经该脚本为此 URL 返回的代理（可询问 IT 部门或查看脚本）再诊断：api-doctor diagnose URL --proxy http://PROXY:PORT。', '桌面版通过 Chromium 解析 PAC 脚本：在桌面版中诊断即可看到系统选择的代理。'],
    } : ({
      title: `流量经过代理 ${ev(e, 'proxy')}`,
      detail: `该代理来自${src(e, true)}。NO_PROXY：${noProxy(e, true)}。只有读取相同设置的 SDK 才会使用它。`,
      fixes: ['如果本诊断通过而你的程序失败，请确认程序使用了同一个代理（许多 SDK 默认忽略 HTTPS_PROXY，例如 undici 需要 EnvHttpProxyAgent）。', '如果该主机不应走代理，请把它加入 NO_PROXY；不经代理对比一次：api-doctor diagnose URL --no-proxy。'],
    }),
  },
  PROXY_UNREACHABLE: {
    example: { proxy: 'http://proxy.corp.example:8080', source: 'env:HTTPS_PROXY', errno: 'ECONNREFUSED', error: 'connect ECONNREFUSED 10.0.0.5:8080', ms: 2 },
    en: (e) => ({
      title: `The proxy ${ev(e, 'proxy')} cannot be reached`,
      detail: `Connecting to the proxy failed (${ev(e, 'errno')}: ${ev(e, 'error')}). It was configured by ${src(e)}, so every request through it fails.${e.inContainer ? ` This runs inside a container (${ev(e, 'container')}, seen from ${ev(e, 'containerMarker')}): there 127.0.0.1 is the container itself, not the host where the proxy program runs.` : ''}`,
      fixes: e.inContainer
        ? [
            `Point the proxy at the host instead of loopback: ${ev(e, 'suggestedProxy')} (Docker Desktop defines host.docker.internal; on Linux start the container with --add-host=host.docker.internal:host-gateway${e.hostGateway ? `, or use the host's bridge address ${ev(e, 'hostGateway')}` : ''}).`,
            'On the host, let the proxy listen beyond loopback (Clash/mihomo: allow-lan: true; v2rayN: "allow connections from LAN"), or run the container with --network host.',
            'Check that the proxy program on the host is running at all.',
          ]
        : ['Check the proxy address and port with your IT department; the proxy may have moved or be down.', `If you are not on the network that needs this proxy (e.g. working from home), unset it; check the direct way: api-doctor diagnose URL --no-proxy.`, 'Check that a VPN required to reach the proxy is connected.', 'A local proxy client (Clash, v2rayN: ports 7890, 7897, 10809) that was closed leaves its address behind: start it again or clear the setting.'],
    }),
    'zh-CN': (e) => ({
      title: `无法连接代理 ${ev(e, 'proxy')}`,
      detail: `连接代理失败（${ev(e, 'errno')}：${ev(e, 'error')}）。该代理来自${src(e, true)}，因此经由它的所有请求都会失败。${e.inContainer ? `本程序运行在容器中（${ev(e, 'container')}，依据 ${ev(e, 'containerMarker')}）：在容器里 127.0.0.1 指的是容器自身，而不是运行代理程序的宿主机。` : ''}`,
      fixes: e.inContainer
        ? [
            `把代理地址从回环地址改为宿主机：${ev(e, 'suggestedProxy')}（Docker Desktop 自带 host.docker.internal；Linux 上请用 --add-host=host.docker.internal:host-gateway 启动容器${e.hostGateway ? `，或使用宿主机的网桥地址 ${ev(e, 'hostGateway')}` : ''}）。`,
            '在宿主机上让代理监听非回环地址（Clash/mihomo：allow-lan: true；v2rayN："允许来自局域网的连接"），或用 --network host 运行容器。',
            '确认宿主机上的代理程序正在运行。',
          ]
        : ['向 IT 部门确认代理地址和端口；代理可能已迁移或宕机。', '如果当前不在需要该代理的网络中（例如在家办公），请取消该设置；检查直连情况：api-doctor diagnose URL --no-proxy。', '检查访问该代理所需的 VPN 是否已连接。', '本地代理客户端（Clash、v2rayN：端口 7890、7897、10809）关闭后会留下旧地址：请重新启动它或清除该设置。'],
    }),
  },
  PROXY_AUTH_REQUIRED: {
    example: { proxy: 'http://proxy.corp.example:8080', source: 'env:https_proxy', status: 407, proxyAuthenticate: 'Negotiate, NTLM', scheme: 'Negotiate,', sentCredentials: false },
    en: (e) => ({
      title: e.socks ? 'The SOCKS proxy asks for a login' : `The proxy asks for a login (${e.status === 401 ? '401' : '407'})`,
      detail: `${e.socks ? `The SOCKS proxy ${ev(e, 'proxy')} requires ${ev(e, 'scheme')} authentication.` : `The proxy ${ev(e, 'proxy')} answered ${e.status === 401 ? '401 Unauthorized (some proxies, e.g. tinyproxy, use it instead of 407)' : '407 Proxy Authentication Required'} and wants: ${ev(e, 'proxyAuthenticate')}.`} ${e.sentCredentials ? 'The credentials in the proxy URL were refused.' : 'No proxy credentials were sent.'}`,
      fixes: e.socks ? [
        'Put the SOCKS user name and password in the proxy URL: socks5h://user:password@host:port (percent-encode special characters); check them against the proxy\'s settings (Clash/mihomo: authentication; dante: socksmethod username).',
        'SOCKS4 has no passwords: if the proxy needs one, use socks5:// or socks5h://.',
        'Python httpx needs the socksio package for any SOCKS proxy (pip install "httpx[socks]"); Node\'s fetch cannot use SOCKS without an agent such as socks-proxy-agent.',
      ] : [
        'For Basic authentication, add the credentials to the proxy URL in https_proxy: the user name and password, separated by a colon, then @ and the proxy host (percent-encode special characters).',
        'For NTLM or Negotiate (Kerberos), Node SDKs cannot log in by themselves: run a local authenticating proxy such as cntlm or px and point https_proxy at it.',
        'Ask IT whether this host can be allowed through the proxy without authentication.',
      ],
    }),
    'zh-CN': (e) => ({
      title: e.socks ? 'SOCKS 代理要求登录' : `代理要求登录（${e.status === 401 ? '401' : '407'}）`,
      detail: `${e.socks ? `SOCKS 代理 ${ev(e, 'proxy')} 要求 ${ev(e, 'scheme')} 认证。` : `代理 ${ev(e, 'proxy')} 返回 ${e.status === 401 ? '401 Unauthorized（部分代理如 tinyproxy 用它代替 407）' : '407 Proxy Authentication Required'}，要求的认证方式：${ev(e, 'proxyAuthenticate')}。`}${e.sentCredentials ? '代理 URL 中的凭据被拒绝。' : '未发送代理凭据。'}`,
      fixes: e.socks ? [
        '在代理 URL 中填入 SOCKS 用户名和密码：socks5h://user:password@host:port（特殊字符需百分号编码），并与代理的设置核对（Clash/mihomo：authentication；dante：socksmethod username）。',
        'SOCKS4 不支持密码：如果代理需要密码，请改用 socks5:// 或 socks5h://。',
        'Python httpx 使用任何 SOCKS 代理都需要 socksio 包（pip install "httpx[socks]"）；Node 的 fetch 需借助 socks-proxy-agent 等代理组件才能使用 SOCKS。',
      ] : ['Basic 认证：在 https_proxy 的代理 URL 中加入凭据：用户名和密码以冒号分隔，后接 @ 和代理主机（特殊字符需百分号编码）。', 'NTLM 或 Negotiate（Kerberos）认证：Node SDK 无法自行登录，请在本机运行 cntlm 或 px 等认证代理，并把 https_proxy 指向它。', '请 IT 部门确认能否让该主机免认证通过代理。'],
    }),
  },
  PROXY_REJECTED: {
    example: { proxy: 'http://proxy.corp.example:8080', source: 'system', status: 403, statusText: 'Forbidden', target: 'api.openai.com:443' },
    en: (e) => ({
      title: `The proxy refused the connection to ${ev(e, 'target')} (${e.socks ? `SOCKS ${ev(e, 'statusText')}` : ev(e, 'status')})`,
      detail: e.socks
        ? `The SOCKS proxy ${ev(e, 'proxy')} refused the request for ${ev(e, 'target')}${e.statusText ? ` with the reply ${ev(e, 'statusText')}` : ''} (${ev(e, 'error')}). "NotAllowed" is its policy (a rule set); "Failed" or "Failure" is a general refusal whose reason only the proxy's log shows.`
        : `The proxy ${ev(e, 'proxy')} answered ${asked(e)} with ${ev(e, 'status')} ${ev(e, 'statusText')}${e.proxyError ? ` (${ev(e, 'proxyError')})` : ''}: its policy blocks this destination or port.`,
      fixes: ['Ask IT to allow this host (and port 443) on the proxy; quote the status and the host name.', 'If this host is internal, add it to NO_PROXY so it is reached directly.'],
    }),
    'zh-CN': (e) => ({
      title: `代理拒绝连接到 ${ev(e, 'target')}（${e.socks ? `SOCKS ${ev(e, 'statusText')}` : ev(e, 'status')}）`,
      detail: e.socks
        ? `SOCKS 代理 ${ev(e, 'proxy')} 拒绝了到 ${ev(e, 'target')} 的请求${e.statusText ? `，应答为 ${ev(e, 'statusText')}` : ''}（${ev(e, 'error')}）。"NotAllowed" 表示其策略（规则集）禁止；"Failed" 或 "Failure" 是笼统的拒绝，具体原因只有代理的日志能说明。`
        : `代理 ${ev(e, 'proxy')} 对${asked(e, true)}返回 ${ev(e, 'status')} ${ev(e, 'statusText')}${e.proxyError ? `（${ev(e, 'proxyError')}）` : ''}：其策略禁止访问该目标或端口。`,
      fixes: ['请 IT 部门在代理上放行该主机（及 443 端口），并提供状态码和主机名。', '如果该主机是内网地址，请把它加入 NO_PROXY 以直接访问。'],
    }),
  },
  PROXY_UPSTREAM_FAILED: {
    example: { proxy: 'http://proxy.corp.example:3128', source: 'env:HTTPS_PROXY', status: 503, statusText: 'Service Unavailable', target: 'api.openai.com:443', proxyError: 'ERR_CONNECT_FAIL 111', proxyProduct: 'squid/5.7', asked: 'CONNECT' },
    en: (e) => ({
      title: `The proxy could not reach ${ev(e, 'target')} itself (${e.socks ? `SOCKS ${ev(e, 'statusText')}` : ev(e, 'status')}${e.proxyError ? ` ${ev(e, 'proxyError')}` : ''})`,
      detail: e.socks
        ? `The SOCKS proxy ${ev(e, 'proxy')} was reached and answered the request for ${ev(e, 'target')} with the reply ${ev(e, 'statusText')}: it tried to connect to the API on its side and failed (${socksReplyEn(e)}). The fault lies between the proxy and the API, not at the API and not in your credentials.`
        : `The proxy ${ev(e, 'proxy')}${e.proxyProduct ? ` (${ev(e, 'proxyProduct')})` : ''} was reached and answered ${asked(e)} with ${ev(e, 'status')} ${ev(e, 'statusText')}${e.proxyError ? `, its own error ${ev(e, 'proxyError')}` : ''}. A 5xx written by the proxy means it failed to resolve or connect to the API on its side: the fault lies between the proxy and the API, not at the API and not in your credentials.`,
      fixes: [
        'Tell the proxy\'s administrators the error id (or SOCKS reply) and the host: the proxy\'s DNS or its route to the API is broken (ERR_DNS_FAIL, or in squid 5 ERR_CANNOT_FORWARD for CONNECT and ERR_READ_ERROR for plain http: it cannot resolve the name; ERR_CONNECT_FAIL 111: the connection was refused; 110: it timed out; tinyproxy says "Unable to connect" for both).',
        'Check the host name and port in the URL: a typo fails the same way at the proxy.',
        'If this host should be reached directly (internal, or reachable without the proxy), add it to NO_PROXY; compare without the proxy: api-doctor diagnose URL --no-proxy.',
      ],
    }),
    'zh-CN': (e) => ({
      title: `代理自身无法访问 ${ev(e, 'target')}（${e.socks ? `SOCKS ${ev(e, 'statusText')}` : ev(e, 'status')}${e.proxyError ? ` ${ev(e, 'proxyError')}` : ''}）`,
      detail: e.socks
        ? `已连接到 SOCKS 代理 ${ev(e, 'proxy')}，它对到 ${ev(e, 'target')} 的请求应答 ${ev(e, 'statusText')}：它在自己一侧尝试连接 API 并失败（${socksReplyZh(e)}）。故障在代理与 API 之间，而不在 API 本身，也与你的凭据无关。`
        : `已连接到代理 ${ev(e, 'proxy')}${e.proxyProduct ? `（${ev(e, 'proxyProduct')}）` : ''}，它对${asked(e, true)}返回 ${ev(e, 'status')} ${ev(e, 'statusText')}${e.proxyError ? `，其错误标识为 ${ev(e, 'proxyError')}` : ''}。由代理生成的 5xx 表示它在自己一侧无法解析或连接 API：故障在代理与 API 之间，而不在 API 本身，也与你的凭据无关。`,
      fixes: [
        '把错误标识（或 SOCKS 应答）和主机名告诉代理管理员：代理的 DNS 或到 API 的线路有问题（ERR_DNS_FAIL，squid 5 中 CONNECT 为 ERR_CANNOT_FORWARD、普通 http 为 ERR_READ_ERROR：无法解析域名；ERR_CONNECT_FAIL 111：连接被拒绝；110：连接超时；tinyproxy 对两者都返回 "Unable to connect"）。',
        '检查 URL 中的主机名和端口：拼写错误在代理处也会这样失败。',
        '如果该主机应直连（内网，或无需代理即可访问），请把它加入 NO_PROXY；不经代理对比一次：api-doctor diagnose URL --no-proxy。',
      ],
    }),
  },
  PROXY_INTERCEPTS_LOCAL: {
    example: { proxy: 'http://proxy.corp.example:8080', source: 'env:HTTPS_PROXY', host: '127.0.0.1', noProxy: null },
    en: (e) => ({
      title: `A proxy would carry traffic for the local address ${ev(e, 'host')}`,
      detail: `${ev(e, 'host')} is a loopback or private address, yet ${src(e)} sends it to ${ev(e, 'proxy')} because NO_PROXY (${noProxy(e)}) does not list it. The proxy usually cannot reach it.`,
      fixes: [`Add it to NO_PROXY, e.g. export NO_PROXY=localhost,127.0.0.1,::1,${ev(e, 'host')} (and no_proxy, which curl and many tools prefer).`, 'Or check the direct connection: api-doctor diagnose URL --no-proxy.'],
    }),
    'zh-CN': (e) => ({
      title: `代理将转发发往本地地址 ${ev(e, 'host')} 的流量`,
      detail: `${ev(e, 'host')} 是回环或私有地址，但由于 NO_PROXY（${noProxy(e, true)}）未包含它，${src(e, true)}会把它发给 ${ev(e, 'proxy')}。代理通常无法访问该地址。`,
      fixes: [`把它加入 NO_PROXY，例如 export NO_PROXY=localhost,127.0.0.1,::1,${ev(e, 'host')}（同时设置 curl 等工具优先读取的 no_proxy）。`, '或检查直连情况：api-doctor diagnose URL --no-proxy。'],
    }),
  },
  ...clientProxyTexts,
  PROXY_SCHEME_MISMATCH: {
    example: { proxy: 'https://127.0.0.1:7890', source: 'env:HTTPS_PROXY', scheme: 'https', speaks: 'http', corrected: 'http://127.0.0.1:7890', error: 'ssl3_get_record:wrong version number' },
    en: (e) => ({
      title: `The proxy URL says ${ev(e, 'scheme')}://, but the proxy speaks ${speaksEn(e)}`,
      detail: `${src(e)} gives ${ev(e, 'proxy')}. The port answered in ${speaksEn(e)} instead (${ev(e, 'error')}), so every client that follows the URL fails before reaching the API.${e.scheme === 'https' && e.speaks === 'http' ? ' Clash for Windows and similar tools write https://127.0.0.1:7890 into the system settings for a plain HTTP proxy; Python requests then fails with "SSLError(SSLEOFError(8, \'EOF occurred in violation of protocol\'))" or WRONG_VERSION_NUMBER.' : ''}`,
      fixes: [
        e.corrected ? `Use ${ev(e, 'corrected')} (same host and port, the scheme the proxy speaks) in ${src(e)}.` : 'Ask whoever runs the proxy which scheme it speaks (http, https or socks5) and fix the URL.',
        'The scheme names how to talk to the proxy, not the target: an https:// API goes through an http:// proxy with CONNECT, still end-to-end encrypted.',
      ],
    }),
    'zh-CN': (e) => ({
      title: `代理 URL 写的是 ${ev(e, 'scheme')}://，但代理实际使用 ${speaksZh(e)}`,
      detail: `${src(e, true)}给出的代理是 ${ev(e, 'proxy')}，但该端口以 ${speaksZh(e)} 应答（${ev(e, 'error')}），因此按该 URL 连接的客户端在到达 API 之前就会失败。${e.scheme === 'https' && e.speaks === 'http' ? 'Clash for Windows 等工具会把 https://127.0.0.1:7890 写入系统设置，而该端口其实是普通 HTTP 代理；Python requests 随后会报 "SSLError(SSLEOFError(8, \'EOF occurred in violation of protocol\'))" 或 WRONG_VERSION_NUMBER。' : ''}`,
      fixes: [
        e.corrected ? `在${src(e, true)}中改用 ${ev(e, 'corrected')}（主机和端口不变，改为代理实际使用的协议）。` : '向代理的维护者确认它使用的协议（http、https 或 socks5），并改正 URL。',
        '协议指的是与代理之间的通信方式，而不是目标：https:// 的 API 经 http:// 代理用 CONNECT 转发，仍然是端到端加密的。',
      ],
    }),
  },
};

/** A proxy other than the OS's failed or was used: every proxy code then offers the OS proxy first (system-proxy-fix.ts). */
export const proxyTexts = Object.fromEntries(
  Object.entries(texts).map(([code, t]) => [code, { ...t, en: (e: Evidence) => withSystemProxyFix(t.en(e), e, false), 'zh-CN': (e: Evidence) => withSystemProxyFix(t['zh-CN'](e), e, true) }]),
) as typeof texts;
