import type { Evidence } from '../../common/report.js';
import { ev, type CodeText } from './types.js';

const has = (e: Evidence, k: string) => e[k] !== undefined && e[k] !== null && e[k] !== '';

const PROBLEM_EN: Record<string, string> = {
  'doubled-version': 'the version prefix appears twice (the base URL already ended in it and the client added it again)',
  'endpoint-as-base': 'an endpoint was used as the base URL, so the client appended a second endpoint to it',
  'missing-base-path': "the path lacks the provider's base path",
  'server-says': 'the server says this URL is not one of its endpoints',
};
const PROBLEM_ZH: Record<string, string> = {
  'doubled-version': '版本前缀重复出现（base URL 已包含它，客户端又加了一次）',
  'endpoint-as-base': '把某个接口地址当成了 base URL，客户端又在后面拼接了一个接口',
  'missing-base-path': '路径缺少服务商的 base 路径',
  'server-says': '服务器表示该 URL 不是它的接口',
};

/** HTTP_BLOCKED_BY_WAF and HTTP_WRONG_BASE_URL: a CDN answered, or the path does not fit the provider's layout. */
export const httpProviderTexts: Record<'HTTP_BLOCKED_BY_WAF' | 'HTTP_WRONG_BASE_URL', CodeText> = {
  HTTP_BLOCKED_BY_WAF: {
    example: { url: 'https://api.example.com/v1/chat/completions', status: 403, cdn: 'Cloudflare', kind: 'block', errorCode: '1020', referenceId: '8e1f2a3b4c5d6e7f-SJC', signal: 'Cloudflare error 1020', contentType: 'text/html; charset=UTF-8', title: 'Access denied | api.example.com used Cloudflare to restrict access', requestId: 'cf-ray: 8e1f2a3b4c5d6e7f-SJC' },
    en: (e) => ({
      title: e.kind === 'challenge' ? `${ev(e, 'cdn')} challenged the call instead of passing it to the API` : `${ev(e, 'cdn')} blocked the call before it reached the API${has(e, 'errorCode') ? ` (error ${ev(e, 'errorCode')})` : ''}`,
      detail: `${ev(e, 'url')} answered ${ev(e, 'status')}, but the answer came from ${ev(e, 'cdn')}'s firewall (${ev(e, 'signal')}), not from the API.${has(e, 'referenceId') ? ` Its reference id: ${ev(e, 'referenceId')}.` : ''} ${e.kind === 'challenge' ? 'A challenge wants a browser to run JavaScript or solve a CAPTCHA; an API client never can, so retrying the same way will not help.' : e.errorCode === '1015' ? 'Error 1015 is a rate-limiting rule of the site\'s Cloudflare configuration: it clears after the rule\'s period.' : 'A firewall rule matched this request: usually the client\'s IP address, country, network (VPN, data centre, proxy) or its User-Agent.'} The key and the request body were not judged.`,
      fixes: [
        'Try from another network or without the VPN/proxy: these rules usually match the source IP address or its reputation.',
        `If it is your own API: look up ${has(e, 'referenceId') ? `${ev(e, 'referenceId')} ` : 'this event '}in the ${ev(e, 'cdn')} firewall events and exempt the API path (or API clients) from challenges and browser checks.`,
        `If it is a provider's API: send them the time and the ${e.cdn === 'Cloudflare' ? 'Ray ID' : 'reference id'} shown above.`,
      ],
    }),
    'zh-CN': (e) => ({
      title: e.kind === 'challenge' ? `${ev(e, 'cdn')} 对请求发起了人机验证，没有转给 API` : `${ev(e, 'cdn')} 在请求到达 API 之前就拦截了它${has(e, 'errorCode') ? `（错误 ${ev(e, 'errorCode')}）` : ''}`,
      detail: `${ev(e, 'url')} 返回 ${ev(e, 'status')}，但这个应答来自 ${ev(e, 'cdn')} 的防火墙（${ev(e, 'signal')}），而不是 API 本身。${has(e, 'referenceId') ? `它的参考编号：${ev(e, 'referenceId')}。` : ''}${e.kind === 'challenge' ? '人机验证要求浏览器执行 JavaScript 或完成验证码，API 客户端做不到，照原样重试没有用。' : e.errorCode === '1015' ? '错误 1015 是该站点 Cloudflare 配置中的限速规则：过了规则的时间窗口就会解除。' : '某条防火墙规则命中了这个请求：通常是客户端的 IP 地址、国家/地区、网络类型（VPN、机房、代理）或 User-Agent。'}密钥和请求体都还没有被判断。`,
      fixes: [
        '换一个网络，或关闭 VPN/代理再试：这类规则通常按来源 IP 地址或其信誉匹配。',
        `如果 API 由你维护：在 ${ev(e, 'cdn')} 防火墙事件中查找${has(e, 'referenceId') ? ` ${ev(e, 'referenceId')}` : '这次事件'}，并让 API 路径（或 API 客户端）免于人机验证和浏览器检查。`,
        `如果是服务商的 API：把时间和上面的${e.cdn === 'Cloudflare' ? ' Ray ID' : '参考编号'}发给服务商。`,
      ],
    }),
  },
  HTTP_WRONG_BASE_URL: {
    example: { url: 'https://open.bigmodel.cn/api/v4/chat/completions', status: 404, provider: 'Zhipu GLM (BigModel / Z.ai)', problem: 'missing-base-path', correctedUrl: 'https://open.bigmodel.cn/api/paas/v4/chat/completions', correctedBase: 'https://open.bigmodel.cn/api/paas/v4', confirmedBy: 'GET https://open.bigmodel.cn/api/paas/v4/models → 200', requestId: 'x-request-id: 2025112320001' },
    en: (e) => ({
      title: has(e, 'correctedUrl') ? `Wrong base URL: call ${ev(e, 'correctedUrl')}` : 'Wrong base URL: the server does not know this path',
      detail: `${ev(e, 'url')} answered ${ev(e, 'status')}: ${PROBLEM_EN[String(e.problem)] ?? 'the path does not fit the API\'s layout'}.${has(e, 'providerMessage') ? ` The server says: "${ev(e, 'providerMessage')}".` : ''}${has(e, 'correctedBase') ? ` ${has(e, 'provider') ? ev(e, 'provider') : 'The API'} is served under ${ev(e, 'correctedBase')}.` : ''}${has(e, 'confirmedBy') ? ` Checked: ${ev(e, 'confirmedBy')}.` : has(e, 'checked') ? ` Not confirmed by the server (${ev(e, 'checked')}); the correction comes from the provider's documented layout.` : ''}`,
      fixes: [
        has(e, 'correctedBase') ? `Set your SDK's base URL to ${ev(e, 'correctedBase')} (the SDK appends /chat/completions, /models itself).` : "Set your SDK's base URL to the one in the provider's documentation.",
        has(e, 'correctedUrl') ? `Or call ${ev(e, 'correctedUrl')} directly.` : 'Check for a doubled or missing version segment (…/v1/v1/… or no /v1).',
      ],
    }),
    'zh-CN': (e) => ({
      title: has(e, 'correctedUrl') ? `base URL 有误：应调用 ${ev(e, 'correctedUrl')}` : 'base URL 有误：服务器不认识这个路径',
      detail: `${ev(e, 'url')} 返回 ${ev(e, 'status')}：${PROBLEM_ZH[String(e.problem)] ?? '路径不符合该 API 的地址结构'}。${has(e, 'providerMessage') ? `服务器提示：“${ev(e, 'providerMessage')}”。` : ''}${has(e, 'correctedBase') ? `${has(e, 'provider') ? ev(e, 'provider') : '该 API'} 的地址为 ${ev(e, 'correctedBase')}。` : ''}${has(e, 'confirmedBy') ? `已验证：${ev(e, 'confirmedBy')}。` : has(e, 'checked') ? `服务器未能确认（${ev(e, 'checked')}）；更正依据是服务商文档中的地址结构。` : ''}`,
      fixes: [
        has(e, 'correctedBase') ? `把 SDK 的 base URL 设为 ${ev(e, 'correctedBase')}（SDK 会自动拼接 /chat/completions、/models）。` : '把 SDK 的 base URL 设为服务商文档中的地址。',
        has(e, 'correctedUrl') ? `或直接调用 ${ev(e, 'correctedUrl')}。` : '检查版本段是否重复或缺失（…/v1/v1/… 或缺少 /v1）。',
      ],
    }),
  },
};
