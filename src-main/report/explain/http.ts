import type { CodesOfStage } from '../../common/codes.js';
import type { Evidence } from '../../common/report.js';
import { ev, type CodeText } from './types.js';
import { httpProviderTexts } from './http-provider.js';

const URL_ = 'https://api.example.com/v1/chat/completions';
const has = (e: Evidence, k: string) => e[k] !== undefined && e[k] !== null && e[k] !== '';
const opt = (e: Evidence, k: string, en: (v: string) => string) => (has(e, k) ? en(ev(e, k)) : '');

/** Title, detail and fixes of every http code, in English and Simplified Chinese. */
export const httpTexts: Record<CodesOfStage<'http'>, CodeText> = {
  HTTP_HEADERS_TIMEOUT: {
    example: { url: URL_, timeoutMs: 10000 },
    en: (e) => ({
      title: `No response headers within ${ev(e, 'timeoutMs')} ms`,
      detail: `The connection to ${ev(e, 'url')} was open and the request was sent, but the server did not start answering within ${ev(e, 'timeoutMs')} ms. The server is hung or very slow, or a proxy/firewall swallows the request.`,
      fixes: ['A slow model may need longer for its first byte; retry with a longer budget: api-doctor diagnose URL --timeout 60000.', 'Check the provider\'s status page; try again from another network to rule out a middlebox.', 'In your client, set a read timeout and retry with backoff instead of waiting forever.'],
    }),
    'zh-CN': (e) => ({
      title: `${ev(e, 'timeoutMs')} 毫秒内未收到响应头`,
      detail: `到 ${ev(e, 'url')} 的连接已建立、请求已发出，但服务器在 ${ev(e, 'timeoutMs')} 毫秒内没有开始响应。可能是服务卡住或非常慢，也可能是代理/防火墙吞掉了请求。`,
      fixes: ['较慢的模型可能需要更久才返回首字节；用更长的时限重试：api-doctor diagnose URL --timeout 60000。', '查看服务商状态页；换一个网络再试，以排除中间设备的影响。', '在客户端设置读取超时，并使用退避重试，而不是无限等待。'],
    }),
  },
  HTTP_BODY_TIMEOUT: {
    example: { url: URL_, status: 200, timeoutMs: 10000, receivedBytes: 512 },
    en: (e) => ({
      title: e.stillArriving === true ? `The response body did not finish within ${ev(e, 'timeoutMs')} ms` : 'The response started, then stalled',
      detail:
        e.stillArriving === true
          ? `${ev(e, 'url')} answered ${ev(e, 'status')} and kept sending (${ev(e, 'receivedBytes')} bytes) without ever finishing the body within ${ev(e, 'timeoutMs')} ms: an endless stream (e.g. server-sent events on a URL called like a normal request) or a very slow trickle.`
          : `${ev(e, 'url')} answered ${ev(e, 'status')}, then sent nothing for ${ev(e, 'timeoutMs')} ms after ${ev(e, 'receivedBytes')} bytes of body. A server or proxy stopped mid-response.`,
      fixes: ['Retry; if it repeats, report it to the provider with the request id.', 'For long generations use streaming (stream: true) so the connection carries data continuously.', 'Check for a proxy or VPN that buffers or cuts long responses.'],
    }),
    'zh-CN': (e) => ({
      title: e.stillArriving === true ? `响应体在 ${ev(e, 'timeoutMs')} 毫秒内没有传完` : '响应开始后中途停滞',
      detail:
        e.stillArriving === true
          ? `${ev(e, 'url')} 返回了 ${ev(e, 'status')}，并持续发送数据（${ev(e, 'receivedBytes')} 字节），但在 ${ev(e, 'timeoutMs')} 毫秒内始终没有结束：这是一个不会结束的流（例如把 SSE 流式接口当普通请求调用），或传输极其缓慢。`
          : `${ev(e, 'url')} 返回了 ${ev(e, 'status')}，但在收到 ${ev(e, 'receivedBytes')} 字节响应体后 ${ev(e, 'timeoutMs')} 毫秒内再无数据。服务器或代理在响应中途停住了。`,
      fixes: ['重试；如果反复出现，请带上 request id 向服务商报告。', '长文本生成请使用流式输出（stream: true），让连接持续有数据。', '检查是否有代理或 VPN 缓冲或截断了长响应。'],
    }),
  },
  HTTP_EMPTY_REPLY: {
    example: { url: URL_, errno: 'UND_ERR_SOCKET', message: 'other side closed' },
    en: (e) => ({
      title: 'The server closed the connection without answering',
      detail: `${ev(e, 'url')} accepted the connection and the request, then closed it without sending a single byte of response (${ev(e, 'message')}). Typical of a crashed backend, a load balancer with no healthy upstream, or plain HTTP sent to a port that expects something else.`,
      fixes: ['Check the URL\'s scheme and port (http vs https, the right port).', 'If you run the service: look at its logs and the load balancer\'s upstream health.', 'Retry later; report it to the provider if it persists.'],
    }),
    'zh-CN': (e) => ({
      title: '服务器未作任何响应就关闭了连接',
      detail: `${ev(e, 'url')} 接受了连接和请求，但没有返回任何响应字节就关闭了连接（${ev(e, 'message')}）。常见原因：后端崩溃、负载均衡器没有健康的上游，或对端口使用了错误的协议。`,
      fixes: ['检查 URL 的协议和端口（http 还是 https，端口是否正确）。', '如果服务由你维护：查看服务日志和负载均衡器的上游健康状态。', '稍后重试；若持续出现请联系服务商。'],
    }),
  },
  HTTP_CONNECTION_RESET: {
    example: { url: URL_, errno: 'ECONNRESET', message: 'read ECONNRESET', afterHeaders: false, status: null },
    en: (e) => ({
      title: 'The connection was reset in the middle of the exchange',
      detail: `While talking to ${ev(e, 'url')} the peer reset the connection (${ev(e, 'errno')})${e.afterHeaders === true ? ', after the response had started' : ''}. A firewall, proxy or DPI device that kills certain traffic, or a server that crashed, does this.`,
      fixes: ['Retry; a one-off reset is usually harmless, so let your client retry idempotent requests.', 'If it repeats: try another network or without VPN/proxy to find the device that resets it.', 'If you run the server: check for crashes and request-size or idle limits on the load balancer.'],
    }),
    'zh-CN': (e) => ({
      title: '连接在交互过程中被重置',
      detail: `与 ${ev(e, 'url')} 通信时对端重置了连接（${ev(e, 'errno')}）${e.afterHeaders === true ? '，此时响应已经开始' : ''}。常见于拦截特定流量的防火墙、代理或 DPI 设备，或服务器崩溃。`,
      fixes: ['重试；偶发的重置通常无害，可让客户端对幂等请求自动重试。', '若反复出现：换网络或关闭 VPN/代理，找出重置连接的设备。', '如果服务由你维护：检查进程崩溃，以及负载均衡器的请求大小或空闲超时限制。'],
    }),
  },
  HTTP_REDIRECT_LOOP: {
    example: { reason: 'cycle', chain: ['https://api.example.com/v1/models', 'https://api.example.com/login', 'https://api.example.com/v1/models'], limit: 10 },
    en: (e) => ({
      title: e.reason === 'limit' ? `More than ${ev(e, 'limit')} redirects` : 'The redirects go round in a circle',
      detail: `Following the redirects never reaches an answer: ${ev(e, 'chain')}. Usually a login/SSO page or a proxy that redirects back, or an http↔https rule on both sides.`,
      fixes: ['Call the final API URL directly (the provider\'s documented base URL), not a web page.', 'If a corporate login or captive portal is involved, sign in in a browser first or use a network without it.', 'If you run the server: check the http→https and trailing-slash rules for a cycle.'],
    }),
    'zh-CN': (e) => ({
      title: e.reason === 'limit' ? `重定向超过 ${ev(e, 'limit')} 次` : '重定向形成了循环',
      detail: `跟随重定向始终得不到响应：${ev(e, 'chain')}。通常是登录/SSO 页面或代理不断重定向回来，或两端的 http↔https 规则互相冲突。`,
      fixes: ['直接调用最终的 API 地址（服务商文档中的 base URL），而不是网页地址。', '若涉及公司登录页或认证门户（captive portal），先在浏览器中登录，或换一个没有它的网络。', '如果服务由你维护：检查 http→https 和末尾斜杠的重定向规则是否成环。'],
    }),
  },
  HTTP_HTTPS_DOWNGRADE: {
    example: { from: 'https://api.example.com/v1/models', to: 'http://api.example.com/v1/models' },
    en: (e) => ({
      title: 'A redirect leads from https to plain http',
      detail: `${ev(e, 'from')} redirects to ${ev(e, 'to')}: the rest of the exchange is unencrypted and can be read or changed on the way. API Doctor did not send the credential there, but some clients do.`,
      fixes: ['Use the https URL the provider documents, and make sure nothing in between rewrites it.', 'If you run the server: redirect to https, never from it (check X-Forwarded-Proto handling behind a proxy).'],
    }),
    'zh-CN': (e) => ({
      title: '重定向从 https 降级到了明文 http',
      detail: `${ev(e, 'from')} 重定向到 ${ev(e, 'to')}：之后的通信不再加密，途中可被读取或篡改。API Doctor 没有把凭据发到那里，但有些客户端会。`,
      fixes: ['使用服务商文档中的 https 地址，并确认中间环节没有改写它。', '如果服务由你维护：只重定向到 https，不要从 https 跳走（在代理后面时检查 X-Forwarded-Proto 的处理）。'],
    }),
  },
  HTTP_NOT_FOUND: {
    example: { url: 'https://open.bigmodel.cn/api/v4/chat/completions', status: 404, provider: 'Zhipu GLM (BigModel / Z.ai)', suggestedBases: ['https://open.bigmodel.cn/api/paas/v4', 'https://open.bigmodel.cn/api/anthropic'], requestId: 'x-request-id: 2025112320001' },
    en: (e) => ({
      title: 'The URL does not exist on this server (404)',
      detail: `${ev(e, 'url')} answered ${ev(e, 'status')}.${opt(e, 'providerMessage', (v) => ` The server says: "${v}".`)} Usually the base URL, the version prefix (/v1, /api/paas/v4) or the path is wrong, or the model/deployment name does not exist.${opt(e, 'suggestedBases', (v) => ` ${ev(e, 'provider')} is served under: ${v}.`)}`,
      fixes: [
        has(e, 'suggestedBases') ? `Set your SDK's base URL to one of: ${ev(e, 'suggestedBases')} (the SDK appends /chat/completions, /models itself).` : 'Compare the URL with the provider\'s documentation: base URL, version prefix and path.',
        'Check for a doubled or missing version segment (…/v1/v1/… or missing /v1) and for typos in the deployment or model name.',
      ],
    }),
    'zh-CN': (e) => ({
      title: '服务器上不存在该地址（404）',
      detail: `${ev(e, 'url')} 返回 ${ev(e, 'status')}。${opt(e, 'providerMessage', (v) => `服务器提示：“${v}”。`)}通常是 base URL、版本前缀（/v1、/api/paas/v4）或路径写错了，或模型/部署名称不存在。${opt(e, 'suggestedBases', (v) => `${ev(e, 'provider')} 的正确地址为：${v}。`)}`,
      fixes: [
        has(e, 'suggestedBases') ? `把 SDK 的 base URL 设为以下之一：${ev(e, 'suggestedBases')}（SDK 会自动拼接 /chat/completions、/models）。` : '对照服务商文档检查 URL：base URL、版本前缀和路径。',
        '检查版本段是否重复或缺失（…/v1/v1/… 或缺少 /v1），以及部署名或模型名是否拼错。',
      ],
    }),
  },
  HTTP_METHOD_NOT_ALLOWED: {
    example: { url: URL_, status: 405, method: 'GET', allow: 'POST' },
    en: (e) => ({
      title: `This URL does not accept ${ev(e, 'method')} (405)`,
      detail: `${ev(e, 'url')} answered 405 to ${ev(e, 'method')}.${opt(e, 'allow', (v) => ` It allows: ${v}.`)}${opt(e, 'providerMessage', (v) => ` The server says: "${v}".`)}`,
      fixes: [has(e, 'allow') ? `Use ${ev(e, 'allow')} (e.g. -X ${String(e.allow).split(',')[0]!.trim()} with -d for a body).` : 'Use the method the API documents (completions are POST, model lists are GET).', 'Check that the URL is the endpoint, not its parent path.'],
    }),
    'zh-CN': (e) => ({
      title: `该地址不接受 ${ev(e, 'method')} 方法（405）`,
      detail: `${ev(e, 'url')} 对 ${ev(e, 'method')} 返回 405。${opt(e, 'allow', (v) => `允许的方法：${v}。`)}${opt(e, 'providerMessage', (v) => `服务器提示：“${v}”。`)}`,
      fixes: [has(e, 'allow') ? `请使用 ${ev(e, 'allow')}（例如 -X ${String(e.allow).split(',')[0]!.trim()}，并用 -d 提供请求体）。` : '使用 API 文档规定的方法（补全接口用 POST，模型列表用 GET）。', '确认 URL 是接口地址本身，而不是它的上级路径。'],
    }),
  },
  HTTP_BAD_REQUEST: {
    example: { url: URL_, status: 400, method: 'POST', serverMessage: "Unrecognized request argument supplied: max_token", providerCode: 'invalid_request_error' },
    en: (e) => ({
      title: `The server rejected the request as invalid (${ev(e, 'status')})`,
      detail: `${ev(e, 'url')} answered ${ev(e, 'status')}${has(e, 'serverMessage') ? `: "${ev(e, 'serverMessage')}"` : ''}.${opt(e, 'providerMeaning', (v) => ` (${v})`)} The request reached the API and the credential was not the problem; its content was.`,
      fixes: ['Fix what the message names: a parameter, the JSON body, the model name or the Content-Type.', 'Compare the body with the provider\'s API reference for this endpoint (required fields, types).'],
    }),
    'zh-CN': (e) => ({
      title: `服务器认为请求无效（${ev(e, 'status')}）`,
      detail: `${ev(e, 'url')} 返回 ${ev(e, 'status')}${has(e, 'serverMessage') ? `：“${ev(e, 'serverMessage')}”` : ''}。${opt(e, 'providerMeaningZh', (v) => `（${v}）`)}请求已到达 API，问题不在凭据，而在请求内容。`,
      fixes: ['按提示修正：参数、JSON 请求体、模型名称或 Content-Type。', '对照服务商该接口的 API 文档检查请求体（必填字段和类型）。'],
    }),
  },
  HTTP_PAYLOAD_TOO_LARGE: {
    example: { url: URL_, status: 413, requestBytes: 20971520 },
    en: (e) => ({
      title: 'The request is too large for the server (413)',
      detail: `${ev(e, 'url')} refused a ${ev(e, 'requestBytes')}-byte request body.${opt(e, 'providerMessage', (v) => ` The server says: "${v}".`)} A gateway in front of the API may have a lower limit than the API itself.`,
      fixes: ['Send less: shorten the prompt or history, upload files separately, compress images.', 'If you run the gateway (nginx client_max_body_size, API gateway limits): raise the limit.'],
    }),
    'zh-CN': (e) => ({
      title: '请求体过大，服务器拒绝（413）',
      detail: `${ev(e, 'url')} 拒绝了 ${ev(e, 'requestBytes')} 字节的请求体。${opt(e, 'providerMessage', (v) => `服务器提示：“${v}”。`)}API 前面的网关限制可能比 API 本身更低。`,
      fixes: ['减少发送内容：缩短提示词或对话历史，文件单独上传，压缩图片。', '如果网关由你维护（nginx client_max_body_size、API 网关限制）：调高上限。'],
    }),
  },
  HTTP_UNEXPECTED_CONTENT: {
    example: { url: 'https://api.example.com/v1/models', status: 200, contentType: 'text/html; charset=utf-8', title: 'Wi-Fi Login — Guest Portal' },
    en: (e) =>
      has(e, 'refusedRedirect')
        ? {
            title: `The server redirects to a ${ev(e, 'scheme')} address, not to a web API`,
            detail: `${ev(e, 'url')} answered ${ev(e, 'status')} with Location: ${ev(e, 'refusedRedirect')}. API Doctor does not follow redirects outside http(s), and no API client should: it is a misconfiguration or an attempt to make the client open a local file or run script.`,
            fixes: ['Use the provider\'s documented API URL; check for a typo in the path.', 'If you run the server: fix the redirect rule that produces this Location.'],
          }
        : has(e, 'protocolError')
        ? {
            title: 'The answer is not HTTP at all',
            detail: `${ev(e, 'url')} answered with bytes that are not a valid HTTP response (${ev(e, 'protocolError')}). Another service listens on this port (SSH, a database, a VPN endpoint), or a device in between mangles the traffic.`,
            fixes: ['Check the port and the scheme in the URL against the provider\'s documentation.', 'Try from another network to rule out a middlebox.'],
          }
        : {
      title: has(e, 'title') ? `An HTML page ("${ev(e, 'title')}") came back instead of an API answer` : 'An HTML page came back instead of an API answer',
      detail: `${ev(e, 'url')} answered ${ev(e, 'status')} with ${ev(e, 'contentType')}. Something other than the API answered: a captive portal (hotel/guest Wi-Fi), a corporate proxy or WAF block page, a login page, or the provider's website because the URL is not its API endpoint.`,
      fixes: ['Open the URL in a browser: if it is a login or portal page, sign in (or use another network) and retry.', 'If it is a block page: ask IT to allow the API host.', 'Check that the URL is the API base URL, not the provider\'s website or console.'],
          },
    'zh-CN': (e) =>
      has(e, 'refusedRedirect')
        ? {
            title: `服务器重定向到了 ${ev(e, 'scheme')} 地址，而不是 Web API`,
            detail: `${ev(e, 'url')} 返回 ${ev(e, 'status')}，Location 为 ${ev(e, 'refusedRedirect')}。API Doctor 不会跟随 http(s) 以外的重定向，任何 API 客户端都不应该跟随：这要么是配置错误，要么是试图让客户端打开本地文件或执行脚本。`,
            fixes: ['使用服务商文档中的 API 地址；检查路径是否有拼写错误。', '如果服务由你维护：修正产生该 Location 的重定向规则。'],
          }
        : has(e, 'protocolError')
        ? {
            title: '应答根本不是 HTTP',
            detail: `${ev(e, 'url')} 返回的字节不是有效的 HTTP 响应（${ev(e, 'protocolError')}）。该端口上运行的是其他服务（SSH、数据库、VPN 接入点），或中间设备篡改了流量。`,
            fixes: ['对照服务商文档检查 URL 中的端口和协议。', '换一个网络再试，以排除中间设备的影响。'],
          }
        : {
      title: has(e, 'title') ? `返回的是 HTML 页面（“${ev(e, 'title')}”），不是 API 响应` : '返回的是 HTML 页面，不是 API 响应',
      detail: `${ev(e, 'url')} 返回 ${ev(e, 'status')}，类型为 ${ev(e, 'contentType')}。应答的不是 API：可能是认证门户（酒店/访客 Wi-Fi）、公司代理或 WAF 的拦截页、登录页，或者 URL 指向了服务商官网而不是 API 地址。`,
      fixes: ['在浏览器中打开该地址：如果是登录页或门户页，先登录（或换网络）再重试。', '如果是拦截页：请 IT 部门放行该 API 域名。', '确认 URL 是 API 的 base URL，而不是服务商的官网或控制台。'],
          },
  },
  ...httpProviderTexts,
  HTTP_REDIRECT_CHANGED_METHOD: {
    example: { sentMethod: 'POST', sentTo: 'http://api.example.com/v1/chat/completions', redirectStatus: 301, redirectFrom: 'http://api.example.com/v1/chat/completions', location: 'https://api.example.com/v1/chat/completions', becameMethod: 'GET', finalUrl: 'https://api.example.com/v1/chat/completions', finalStatus: 405, hops: 1 },
    en: (e) => ({
      title: `A ${ev(e, 'redirectStatus')} redirect turned your ${ev(e, 'sentMethod')} into a ${ev(e, 'becameMethod')}`,
      detail: `You sent ${ev(e, 'sentMethod')} to ${ev(e, 'sentTo')}. ${ev(e, 'redirectFrom')} answered ${ev(e, 'redirectStatus')} with Location ${ev(e, 'location')}, and clients (curl -L, browsers, requests, undici) follow a ${ev(e, 'redirectStatus')} after a POST with a ${ev(e, 'becameMethod')} and no body. So the API never saw your request: ${ev(e, 'finalUrl')} answered ${ev(e, 'finalStatus')} to a ${ev(e, 'becameMethod')} you did not send.`,
      fixes: [`Call the final URL directly: ${ev(e, 'finalUrl')} (typically https:// instead of http://, or with/without the trailing slash).`, 'Update the base URL in your SDK or configuration so no redirect is needed; 307/308 would keep the method, 301/302/303 do not.'],
    }),
    'zh-CN': (e) => ({
      title: `${ev(e, 'redirectStatus')} 重定向把你的 ${ev(e, 'sentMethod')} 变成了 ${ev(e, 'becameMethod')}`,
      detail: `你向 ${ev(e, 'sentTo')} 发送了 ${ev(e, 'sentMethod')}。${ev(e, 'redirectFrom')} 返回 ${ev(e, 'redirectStatus')}，Location 为 ${ev(e, 'location')}；客户端（curl -L、浏览器、requests、undici）在 POST 之后跟随 ${ev(e, 'redirectStatus')} 时会改用不带请求体的 ${ev(e, 'becameMethod')}。因此 API 从未收到你的请求：${ev(e, 'finalUrl')} 对一个你并未发送的 ${ev(e, 'becameMethod')} 返回了 ${ev(e, 'finalStatus')}。`,
      fixes: [`直接调用最终地址：${ev(e, 'finalUrl')}（通常是 https:// 而非 http://，或加上/去掉末尾斜杠）。`, '修改 SDK 或配置中的 base URL，使其无需重定向；307/308 会保留方法，301/302/303 不会。'],
    }),
  },
};
