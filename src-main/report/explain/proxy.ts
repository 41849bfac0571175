import type { CodesOfStage } from '../../common/codes.js';
import { ev, type CodeText } from './types.js';
import { clientProxyTexts } from './clients.js';

const noProxy = (e: Parameters<typeof ev>[0], zh = false): string => (e.noProxy === null || e.noProxy === undefined ? (zh ? '未设置' : 'not set') : ev(e, 'noProxy'));

const src = (e: Parameters<typeof ev>[0], zh = false): string => {
  const s = ev(e, 'source');
  if (s === 'flag') return zh ? '命令行参数 --proxy' : 'the --proxy flag';
  if (s === 'system') return zh ? '系统代理设置' : 'the system proxy settings';
  if (s.startsWith('env:')) return zh ? `环境变量 ${s.slice(4)}` : `the environment variable ${s.slice(4)}`;
  return s;
};

/** Title, detail and fixes of every proxy code, in English and Simplified Chinese. */
export const proxyTexts: Record<CodesOfStage<'proxy'>, CodeText> = {
  PROXY_IN_USE: {
    example: { proxy: 'http://proxy.corp.example:8080', source: 'env:https_proxy', noProxy: 'localhost,.corp.example' },
    en: (e) => ({
      title: `Traffic goes through the proxy ${ev(e, 'proxy')}`,
      detail: `The proxy comes from ${src(e)}. NO_PROXY: ${noProxy(e)}. Your SDK only uses it if it reads the same settings.`,
      fixes: ['If your program fails while this diagnosis passes, make sure it uses the same proxy (many SDKs ignore HTTPS_PROXY unless told, e.g. undici needs an EnvHttpProxyAgent).', 'If no proxy should be used for this host, add it to NO_PROXY or run with --no-proxy to compare.'],
    }),
    'zh-CN': (e) => ({
      title: `流量经过代理 ${ev(e, 'proxy')}`,
      detail: `该代理来自${src(e, true)}。NO_PROXY：${noProxy(e, true)}。只有读取相同设置的 SDK 才会使用它。`,
      fixes: ['如果本诊断通过而你的程序失败，请确认程序使用了同一个代理（许多 SDK 默认忽略 HTTPS_PROXY，例如 undici 需要 EnvHttpProxyAgent）。', '如果该主机不应走代理，请把它加入 NO_PROXY，或使用 --no-proxy 对比。'],
    }),
  },
  PROXY_UNREACHABLE: {
    example: { proxy: 'http://proxy.corp.example:8080', source: 'env:HTTPS_PROXY', errno: 'ECONNREFUSED', error: 'connect ECONNREFUSED 10.0.0.5:8080', ms: 2 },
    en: (e) => ({
      title: `The proxy ${ev(e, 'proxy')} cannot be reached`,
      detail: `Connecting to the proxy failed (${ev(e, 'errno')}: ${ev(e, 'error')}). It was configured by ${src(e)}, so every request through it fails.`,
      fixes: ['Check the proxy address and port with your IT department; the proxy may have moved or be down.', `If you are not on the network that needs this proxy (e.g. working from home), unset it or run with --no-proxy.`, 'Check that a VPN required to reach the proxy is connected.'],
    }),
    'zh-CN': (e) => ({
      title: `无法连接代理 ${ev(e, 'proxy')}`,
      detail: `连接代理失败（${ev(e, 'errno')}：${ev(e, 'error')}）。该代理来自${src(e, true)}，因此经由它的所有请求都会失败。`,
      fixes: ['向 IT 部门确认代理地址和端口；代理可能已迁移或宕机。', '如果当前不在需要该代理的网络中（例如在家办公），请取消该设置或使用 --no-proxy 运行。', '检查访问该代理所需的 VPN 是否已连接。'],
    }),
  },
  PROXY_AUTH_REQUIRED: {
    example: { proxy: 'http://proxy.corp.example:8080', source: 'env:https_proxy', status: 407, proxyAuthenticate: 'Negotiate, NTLM', scheme: 'Negotiate,', sentCredentials: false },
    en: (e) => ({
      title: 'The proxy asks for a login (407)',
      detail: `The proxy ${ev(e, 'proxy')} answered 407 Proxy Authentication Required and wants: ${ev(e, 'proxyAuthenticate')}. ${e.sentCredentials ? 'The credentials in the proxy URL were refused.' : 'No proxy credentials were sent.'}`,
      fixes: [
        'For Basic authentication, add the credentials to the proxy URL in https_proxy: the user name and password, separated by a colon, then @ and the proxy host (percent-encode special characters).',
        'For NTLM or Negotiate (Kerberos), Node SDKs cannot log in by themselves: run a local authenticating proxy such as cntlm or px and point https_proxy at it.',
        'Ask IT whether this host can be allowed through the proxy without authentication.',
      ],
    }),
    'zh-CN': (e) => ({
      title: '代理要求登录（407）',
      detail: `代理 ${ev(e, 'proxy')} 返回 407 Proxy Authentication Required，要求的认证方式：${ev(e, 'proxyAuthenticate')}。${e.sentCredentials ? '代理 URL 中的凭据被拒绝。' : '未发送代理凭据。'}`,
      fixes: ['Basic 认证：在 https_proxy 的代理 URL 中加入凭据：用户名和密码以冒号分隔，后接 @ 和代理主机（特殊字符需百分号编码）。', 'NTLM 或 Negotiate（Kerberos）认证：Node SDK 无法自行登录，请在本机运行 cntlm 或 px 等认证代理，并把 https_proxy 指向它。', '请 IT 部门确认能否让该主机免认证通过代理。'],
    }),
  },
  PROXY_REJECTED: {
    example: { proxy: 'http://proxy.corp.example:8080', source: 'system', status: 403, statusText: 'Forbidden', target: 'api.openai.com:443' },
    en: (e) => ({
      title: `The proxy refused the connection to ${ev(e, 'target')} (${ev(e, 'status')})`,
      detail: `The proxy ${ev(e, 'proxy')} answered CONNECT with ${ev(e, 'status')} ${ev(e, 'statusText')}: its policy blocks this destination or port.`,
      fixes: ['Ask IT to allow this host (and port 443) on the proxy; quote the status and the host name.', 'If this host is internal, add it to NO_PROXY so it is reached directly.'],
    }),
    'zh-CN': (e) => ({
      title: `代理拒绝连接到 ${ev(e, 'target')}（${ev(e, 'status')}）`,
      detail: `代理 ${ev(e, 'proxy')} 对 CONNECT 请求返回 ${ev(e, 'status')} ${ev(e, 'statusText')}：其策略禁止访问该目标或端口。`,
      fixes: ['请 IT 部门在代理上放行该主机（及 443 端口），并提供状态码和主机名。', '如果该主机是内网地址，请把它加入 NO_PROXY 以直接访问。'],
    }),
  },
  PROXY_INTERCEPTS_LOCAL: {
    example: { proxy: 'http://proxy.corp.example:8080', source: 'env:HTTPS_PROXY', host: '127.0.0.1', noProxy: null },
    en: (e) => ({
      title: `A proxy would carry traffic for the local address ${ev(e, 'host')}`,
      detail: `${ev(e, 'host')} is a loopback or private address, yet ${src(e)} sends it to ${ev(e, 'proxy')} because NO_PROXY (${noProxy(e)}) does not list it. The proxy usually cannot reach it.`,
      fixes: [`Add it to NO_PROXY, e.g. export NO_PROXY=localhost,127.0.0.1,::1,${ev(e, 'host')} (and no_proxy, which curl and many tools prefer).`, 'Or run with --no-proxy to check the direct connection.'],
    }),
    'zh-CN': (e) => ({
      title: `代理将转发发往本地地址 ${ev(e, 'host')} 的流量`,
      detail: `${ev(e, 'host')} 是回环或私有地址，但由于 NO_PROXY（${noProxy(e, true)}）未包含它，${src(e, true)}会把它发给 ${ev(e, 'proxy')}。代理通常无法访问该地址。`,
      fixes: [`把它加入 NO_PROXY，例如 export NO_PROXY=localhost,127.0.0.1,::1,${ev(e, 'host')}（同时设置 curl 等工具优先读取的 no_proxy）。`, '或使用 --no-proxy 检查直连情况。'],
    }),
  },
  ...clientProxyTexts,
};
