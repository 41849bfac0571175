import type { CodesOfStage } from '../../common/codes.js';
import type { Evidence } from '../../common/report.js';
import { ev, evCount, type CodeText } from './types.js';
import { serverProviderTexts } from './server-provider.js';

const URL_ = 'https://api.openai.com/v1/chat/completions';
const has = (e: Evidence, k: string) => e[k] !== undefined && e[k] !== null && e[k] !== '';
const said = (e: Evidence, zh: boolean) => (has(e, 'providerMessage') ? (zh ? `服务器提示：“${ev(e, 'providerMessage')}”` + (has(e, 'providerCode') ? `（代码 ${ev(e, 'providerCode')}）。` : '。') : ` The server says: "${ev(e, 'providerMessage')}"${has(e, 'providerCode') ? ` (code ${ev(e, 'providerCode')})` : ''}.`) : '');
const rid = (e: Evidence, zh: boolean) => (has(e, 'requestId') ? (zh ? `请求标识：${ev(e, 'requestId')}。` : ` Request id: ${ev(e, 'requestId')}.`) : '');
const limits = (e: Evidence) => {
  const l = e.limits;
  return l && typeof l === 'object' && !Array.isArray(l) ? Object.entries(l).map(([k, v]) => `${k}: ${String(v)}`).join(', ') : '';
};
const RID_EN = 'When contacting support, quote the request id shown above.';
const RID_ZH = '联系技术支持时请附上上面的请求标识（request id）。';

/** Title, detail and fixes of every server code, in English and Simplified Chinese. */
const texts: Record<CodesOfStage<'server'>, CodeText> = {
  SERVER_RATE_LIMITED: {
    example: { url: URL_, status: 429, retryAfterSeconds: 20, limits: { 'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '20s' }, providerMessage: 'Rate limit reached for gpt-4o-mini in organization org-x on requests per min (RPM): Limit 500, Used 500.', providerCode: 'rate_limit_exceeded', requestId: 'x-request-id: req_51c0' },
    en: (e) => ({
      title: has(e, 'retryAfterSeconds') ? `Rate limited: retry after ${ev(e, 'retryAfterSeconds')} s` : 'Rate limited (429): too many requests for now',
      detail: `The service limits how fast you may call it, and this call went over.${said(e, false)}${limits(e) ? ` Rate-limit headers: ${limits(e)}.` : ''}${rid(e, false)} This passes by itself: waiting helps.`,
      fixes: ['Retry after the time the server names (Retry-After / retry-after-ms), with exponential backoff and jitter.', 'Spread requests out: limit concurrency, batch, cache answers, use fewer tokens per request.', 'If you need more throughput: raise the tier/limits in the provider console.'],
    }),
    'zh-CN': (e) => ({
      title: has(e, 'retryAfterSeconds') ? `触发限流：请在 ${ev(e, 'retryAfterSeconds')} 秒后重试` : '触发限流（429）：当前请求过于频繁',
      detail: `服务限制了调用速度，本次请求超出了限制。${said(e, true)}${limits(e) ? `限流响应头：${limits(e)}。` : ''}${rid(e, true)}这种情况会自行恢复：等待即可。`,
      fixes: ['按服务器给出的时间（Retry-After / retry-after-ms）重试，并使用带随机抖动的指数退避。', '分散请求：限制并发、合并请求、缓存结果、减少每次请求的 token 数。', '如需更高吞吐：在服务商控制台提升等级或配额。'],
    }),
  },
  SERVER_QUOTA_EXHAUSTED: {
    example: { url: 'https://open.bigmodel.cn/api/paas/v4/chat/completions', status: 429, providerMessage: '您的账户已欠费，请充值后重试。', providerCode: '1113', providerMeaning: 'Zhipu 1113: account in arrears (balance exhausted)', providerMeaningZh: '智谱 1113：账户已欠费', requestId: 'x-request-id: 2025112320001' },
    en: (e) => ({
      title: 'The account has no quota or balance left: retrying will not help',
      detail: `The service refuses because the account's quota, balance or spend limit is used up${has(e, 'status') ? ` (HTTP ${ev(e, 'status')})` : ''}.${said(e, false)}${has(e, 'providerMeaning') ? ` Meaning: ${ev(e, 'providerMeaning')}.` : ''}${rid(e, false)} Unlike a rate limit this does not pass by waiting, and retrying only adds load.`,
      fixes: ['Top up the balance or buy a resource package / raise the spend limit in the provider\'s billing console.', 'Check that the key belongs to the account/project you paid for (a key of another project has its own quota).', 'Make your client treat this as a permanent error: do not retry it.'],
    }),
    'zh-CN': (e) => ({
      title: '账户额度或余额已用尽：重试没有用',
      detail: `服务拒绝请求，原因是账户的额度、余额或消费上限已用完${has(e, 'status') ? `（HTTP ${ev(e, 'status')}）` : ''}。${said(e, true)}${has(e, 'providerMeaningZh') ? `含义：${ev(e, 'providerMeaningZh')}。` : ''}${rid(e, true)}与限流不同，等待不会恢复，重试只会增加负载。`,
      fixes: ['在服务商的费用中心充值、购买资源包或提高消费上限。', '确认该密钥属于你付费的账户/项目（其他项目的密钥有各自独立的额度）。', '让客户端把它当作永久性错误处理：不要重试。'],
    }),
  },
  SERVER_UNAVAILABLE: {
    example: { url: URL_, status: 503, retryAfterSeconds: 30, gateway: { server: 'nginx' }, requestId: 'x-request-id: req_9d1e' },
    en: (e) => ({
      title: 'The service is temporarily unavailable (503)',
      detail: `${ev(e, 'url')} answered 503: the service is down for maintenance or has no capacity right now.${said(e, false)}${has(e, 'retryAfterSeconds') ? ` It asks to retry after ${ev(e, 'retryAfterSeconds')} s.` : ''}${rid(e, false)}`,
      fixes: ['Retry later with exponential backoff (honour Retry-After).', 'Check the provider\'s status page.', RID_EN],
    }),
    'zh-CN': (e) => ({
      title: '服务暂时不可用（503）',
      detail: `${ev(e, 'url')} 返回 503：服务正在维护或当前没有可用容量。${said(e, true)}${has(e, 'retryAfterSeconds') ? `服务器要求 ${ev(e, 'retryAfterSeconds')} 秒后重试。` : ''}${rid(e, true)}`,
      fixes: ['稍后按指数退避重试（遵守 Retry-After）。', '查看服务商的状态页面。', RID_ZH],
    }),
  },
  SERVER_OVERLOADED: {
    example: { url: 'https://api.anthropic.com/v1/messages', status: 529, providerMessage: 'Overloaded', providerType: 'overloaded_error', requestId: 'request-id: req_011CV' },
    en: (e) => ({
      title: 'The service is overloaded right now',
      detail: `${ev(e, 'url')} answered ${ev(e, 'status')}: the provider has more traffic than capacity at the moment — not a problem with your account or request.${said(e, false)}${rid(e, false)}`,
      fixes: ['Retry with exponential backoff and jitter; overload usually clears within minutes.', 'For urgent work, fall back to another model or region.', 'Check the provider\'s status page.'],
    }),
    'zh-CN': (e) => ({
      title: '服务当前过载',
      detail: `${ev(e, 'url')} 返回 ${ev(e, 'status')}：服务商此刻的流量超出了容量，并非你的账户或请求有问题。${said(e, true)}${rid(e, true)}`,
      fixes: ['使用带随机抖动的指数退避重试；过载通常几分钟内缓解。', '紧急任务可切换到其他模型或地域。', '查看服务商的状态页面。'],
    }),
  },
  SERVER_BAD_GATEWAY: {
    example: { url: URL_, status: 502, gateway: { server: 'cloudflare', 'cf-ray': '8e1f2a3b4c5d-SJC' }, title: '502 Bad Gateway', requestId: 'cf-ray: 8e1f2a3b4c5d-SJC' },
    en: (e) => {
      const g = e.gateway && typeof e.gateway === 'object' && !Array.isArray(e.gateway) ? Object.entries(e.gateway).map(([k, v]) => `${k}: ${String(v)}`).join(', ') : '';
      return {
        title: `A gateway could not get an answer from the service (${ev(e, 'status')})`,
        detail: `${ev(e, 'url')} answered ${ev(e, 'status')}. That answer came from a gateway in front of the service${g ? ` (${g})` : ''}, which ${e.status === 504 || e.status === 524 ? 'gave up waiting for' : 'could not reach'} the service behind it.${has(e, 'cloudflareError') ? ` Cloudflare error ${ev(e, 'cloudflareError')}${has(e, 'rayId') ? `, Ray ID ${ev(e, 'rayId')}` : ''}: the origin server behind Cloudflare is at fault, not Cloudflare or your network.` : ''}${has(e, 'title') ? ` Page title: "${ev(e, 'title')}".` : ''}${rid(e, false)}`,
        fixes: ['Retry with backoff; gateway errors are usually transient.', 'If your own proxy or API gateway is in between: check its upstream address, timeouts and health checks.', RID_EN],
      };
    },
    'zh-CN': (e) => {
      const g = e.gateway && typeof e.gateway === 'object' && !Array.isArray(e.gateway) ? Object.entries(e.gateway).map(([k, v]) => `${k}: ${String(v)}`).join(', ') : '';
      return {
        title: `网关未能从后端服务得到响应（${ev(e, 'status')}）`,
        detail: `${ev(e, 'url')} 返回 ${ev(e, 'status')}。这个响应来自服务前面的网关${g ? `（${g}）` : ''}，它${e.status === 504 || e.status === 524 ? '等待后端服务超时' : '无法连接到后端服务'}。${has(e, 'cloudflareError') ? `Cloudflare 错误 ${ev(e, 'cloudflareError')}${has(e, 'rayId') ? `，Ray ID ${ev(e, 'rayId')}` : ''}：出问题的是 Cloudflare 后面的源站，而不是 Cloudflare 或你的网络。` : ''}${has(e, 'title') ? `页面标题：“${ev(e, 'title')}”。` : ''}${rid(e, true)}`,
        fixes: ['使用退避策略重试；网关错误通常是暂时的。', '如果中间有你自己的代理或 API 网关：检查它的上游地址、超时和健康检查。', RID_ZH],
      };
    },
  },
  SERVER_ERROR: {
    example: { url: URL_, status: 500, providerMessage: 'The server had an error while processing your request. Sorry about that!', requestId: 'x-request-id: req_c0ff' },
    en: (e) => ({
      title: `The service failed with an internal error (${ev(e, 'status')})`,
      detail: `${ev(e, 'url')} answered ${ev(e, 'status')}: something broke on the provider's side.${said(e, false)}${rid(e, false)}`,
      fixes: ['Retry once or twice with backoff; if it persists, report it.', RID_EN, 'If only one request shape fails, simplify the request to find the trigger.'],
    }),
    'zh-CN': (e) => ({
      title: `服务内部出错（${ev(e, 'status')}）`,
      detail: `${ev(e, 'url')} 返回 ${ev(e, 'status')}：服务商一侧出现了故障。${said(e, true)}${rid(e, true)}`,
      fixes: ['使用退避策略重试一两次；若持续出现请报告。', RID_ZH, '如果只有某种请求失败，请简化请求找出触发条件。'],
    }),
  },
  SERVER_SLOW: {
    example: { p50TtfbMs: 7420, p90TtfbMs: 9100, maxTtfbMs: 9100, slowMs: 5000, samples: 3, url: 'https://api.example.com/v1/models' },
    en: (e) => ({
      title: `Slow answers: the median time to first byte is ${ev(e, 'p50TtfbMs')} ms`,
      detail: `Over ${evCount(e, 'samples', 'request')} to ${ev(e, 'url')}, the time to first byte was ${ev(e, 'p50TtfbMs')} ms at the median, ${ev(e, 'p90TtfbMs')} ms at p90 (threshold ${ev(e, 'slowMs')} ms). Calls work, but clients with short read timeouts will fail.`,
      fixes: ['Set your client\'s read timeout well above the p90 shown (the report\'s client advice suggests one: advice.timeouts in --json, the Advice panel in the app).', 'Use streaming for completions so the first tokens arrive early.', 'Try a closer region or endpoint; check for a slow proxy in between.'],
    }),
    'zh-CN': (e) => ({
      title: `响应缓慢：首字节时间中位数为 ${ev(e, 'p50TtfbMs')} 毫秒`,
      detail: `对 ${ev(e, 'url')} 的 ${ev(e, 'samples')} 次请求中，首字节时间中位数为 ${ev(e, 'p50TtfbMs')} 毫秒，p90 为 ${ev(e, 'p90TtfbMs')} 毫秒（阈值 ${ev(e, 'slowMs')} 毫秒）。调用可以成功，但读取超时较短的客户端会失败。`,
      fixes: ['把客户端的读取超时设得明显高于上面的 p90（报告中的客户端建议给出了推荐值：--json 输出的 advice.timeouts，或应用中的“客户端建议”面板）。', '补全接口使用流式输出，让首批 token 尽早到达。', '尝试更近的地域或接入点；检查中间是否有较慢的代理。'],
    }),
  },
  SERVER_FLAKY: {
    example: { samples: 5, failures: 2, errorRate: 0.4, outcomes: ['200', '503 SERVER_UNAVAILABLE', '200', '200', '503 SERVER_UNAVAILABLE'], url: 'https://api.example.com/v1/models' },
    en: (e) => ({
      title: `Unreliable: ${ev(e, 'failures')} of ${evCount(e, 'samples', 'request')} failed`,
      detail: `The same request to ${ev(e, 'url')} sometimes works and sometimes fails (${ev(e, 'outcomes')}). Typical of one bad instance behind a load balancer, an unstable network path, or a service under strain.`,
      fixes: ['Let your client retry transient failures (5xx, resets, timeouts) with exponential backoff and jitter.', 'Report it with the request ids; to see whether it persists, take more samples: api-doctor diagnose URL --samples 20.', 'If you run the service: look for an unhealthy instance or a failing dependency.'],
    }),
    'zh-CN': (e) => ({
      title: `不稳定：${ev(e, 'samples')} 次请求中有 ${ev(e, 'failures')} 次失败`,
      detail: `对 ${ev(e, 'url')} 的同一请求时好时坏（${ev(e, 'outcomes')}）。常见于负载均衡后面有一个异常实例、网络路径不稳定，或服务压力过大。`,
      fixes: ['让客户端对临时性失败（5xx、连接重置、超时）使用带随机抖动的指数退避重试。', '附上请求标识报告该问题；要确认是否持续，请增加采样次数：api-doctor diagnose URL --samples 20。', '如果服务由你维护：排查异常实例或出错的依赖服务。'],
    }),
  },
  STREAM_ERROR_EVENT: {
    example: { url: URL_, status: 200, events: 3, firstEventMs: 420, message: 'The server had an error processing your request.' },
    en: (e) => ({
      title: 'The stream started, then carried an error',
      detail: `The streamed response from ${ev(e, 'url')} began with ${ev(e, 'status')} (first event after ${ev(e, 'firstEventMs')} ms), then after ${evCount(e, 'events', 'event')} sent an error: "${ev(e, 'message')}". Clients that only check the HTTP status miss this.`,
      fixes: ['In your client, handle error events inside the stream (OpenAI: a data object with "error"; Anthropic: event: error) and retry or surface them.', 'If it repeats, report it with the time and model; overload errors often arrive this way.'],
    }),
    'zh-CN': (e) => ({
      title: '流式响应开始后传来了错误事件',
      detail: `来自 ${ev(e, 'url')} 的流式响应以 ${ev(e, 'status')} 开始（首个事件用时 ${ev(e, 'firstEventMs')} 毫秒），在 ${ev(e, 'events')} 个事件后发来错误：“${ev(e, 'message')}”。只检查 HTTP 状态码的客户端会漏掉它。`,
      fixes: ['在客户端处理流中的错误事件（OpenAI：含 "error" 的 data 对象；Anthropic：event: error），并重试或提示用户。', '若反复出现，请附上时间和模型向服务商报告；过载错误常以这种方式出现。'],
    }),
  },
  STREAM_INTERRUPTED: {
    example: { url: URL_, events: 12, firstEventMs: 380, totalMs: 4100, cut: 'closed' },
    en: (e) => ({
      title: 'The stream broke off before its end',
      detail: `The streamed response from ${ev(e, 'url')} delivered ${evCount(e, 'events', 'event')} (first after ${ev(e, 'firstEventMs')} ms), then ${e.cut === 'stalled' ? 'stalled' : e.cut === 'budget' ? 'was still running when the time budget ended' : 'the connection closed'} after ${ev(e, 'totalMs')} ms without the end marker (data: [DONE] / message_stop). The answer is incomplete.`,
      fixes: ['Check for a proxy, VPN or load balancer with an idle or total-time limit that cuts long responses (e.g. nginx proxy_read_timeout, disable proxy buffering for SSE).', 'In your client, treat a stream without its end marker as failed and retry.', 'If there is no middlebox, report it to the provider.'],
    }),
    'zh-CN': (e) => ({
      title: '流式响应在结束前中断',
      detail: `来自 ${ev(e, 'url')} 的流式响应发送了 ${ev(e, 'events')} 个事件（首个用时 ${ev(e, 'firstEventMs')} 毫秒），随后${e.cut === 'stalled' ? '停滞' : e.cut === 'budget' ? '在时限结束时仍未结束' : '连接被关闭'}（共 ${ev(e, 'totalMs')} 毫秒），没有收到结束标记（data: [DONE] / message_stop）。回答不完整。`,
      fixes: ['检查代理、VPN 或负载均衡器是否有空闲或总时长限制截断长响应（例如 nginx 的 proxy_read_timeout，SSE 需关闭代理缓冲）。', '在客户端把没有结束标记的流视为失败并重试。', '如果中间没有这类设备，请向服务商报告。'],
    }),
  },
  ...serverProviderTexts,
  STREAM_BUFFERED: {
    example: { url: URL_, events: 42, headersMs: 2288, firstEventMs: 2290, lastEventMs: 2296, burstMs: 6, gateway: 'nginx/1.22.1' },
    en: (e) => ({
      title: 'The stream arrived all at once: something buffers it',
      detail: `The first of ${evCount(e, 'events', 'event')} came only after ${ev(e, 'firstEventMs')} ms and the last at ${ev(e, 'lastEventMs')} ms: all of them within ${ev(e, 'burstMs')} ms, in one burst at the end${e.gateway ? ` (the answer came through ${ev(e, 'gateway')})` : ''}. Something between you and the model held the stream back. Streaming works, but the user sees nothing until the whole answer is done, and idle timeouts may cut long answers.`,
      fixes: [
        'In nginx in front of the API, turn buffering off for this location: proxy_buffering off; (or have the upstream send X-Accel-Buffering: no), and for gzip, gzip off for text/event-stream.',
        'For other gateways: HAProxy `option http-buffer-request off` / no compression; Cloudflare and CDNs: do not cache or transform text/event-stream; corporate proxies that scan content buffer by design: ask for an exception.',
        'To find which hop buffers, compare from another network, or without the proxy: api-doctor diagnose URL --stream --no-proxy.',
      ],
    }),
    'zh-CN': (e) => ({
      title: '流式响应一次性到达：中间有缓冲',
      detail: `${ev(e, 'events')} 个事件中的第一个在 ${ev(e, 'firstEventMs')} 毫秒后才到，最后一个在 ${ev(e, 'lastEventMs')} 毫秒：全部在 ${ev(e, 'burstMs')} 毫秒内一次性到达${e.gateway ? `（响应经过 ${ev(e, 'gateway')}）` : ''}。你与模型之间有设备扣留了流式响应。流式本身能用，但用户要等整个回答完成才看到内容，长回答还可能被空闲超时截断。`,
      fixes: [
        '在 API 前面的 nginx 中为该 location 关闭缓冲：proxy_buffering off;（或让上游发送 X-Accel-Buffering: no），并对 text/event-stream 关闭 gzip。',
        '其他网关：HAProxy 设置 `option http-buffer-request off` / 不压缩；Cloudflare 等 CDN 不要缓存或改写 text/event-stream；做内容扫描的企业代理会按设计缓冲，请申请例外。',
        '要找出是哪一跳在缓冲，请换一个网络对比，或不经代理对比：api-doctor diagnose URL --stream --no-proxy。',
      ],
    }),
  },
};

/**
 * Failures that more samples would tell apart ("every time" or "now and then"), and a slowness
 * whose p90 more samples would settle: each offers them (the app's "Re-run with 20 samples"). Not
 * the rate-limit and quota codes: more requests only make those worse.
 */
const MORE_SAMPLES: Partial<Record<CodesOfStage<'server'>, [en: string, zh: string]>> = {
  SERVER_UNAVAILABLE: ['To see whether it fails every time or now and then, take more samples: api-doctor diagnose URL --samples 20.', '要确认是每次都失败还是时好时坏，请增加采样次数：api-doctor diagnose URL --samples 20。'],
  SERVER_BAD_GATEWAY: ['To see whether it fails every time or now and then, take more samples: api-doctor diagnose URL --samples 20.', '要确认是每次都失败还是时好时坏，请增加采样次数：api-doctor diagnose URL --samples 20。'],
  SERVER_ERROR: ['To see whether it fails every time or now and then, take more samples: api-doctor diagnose URL --samples 20.', '要确认是每次都失败还是时好时坏，请增加采样次数：api-doctor diagnose URL --samples 20。'],
  SERVER_SLOW: ['For a firmer p90, take more samples: api-doctor diagnose URL --samples 20.', '要得到更可靠的 p90，请增加采样次数：api-doctor diagnose URL --samples 20。'],
};
/** Already 20 samples or more: nothing more to offer. */
const fewSamples = (e: Evidence) => typeof e.samples !== 'number' || e.samples < 20;

export const serverTexts = Object.fromEntries(
  Object.entries(texts).map(([code, t]) => {
    const more = MORE_SAMPLES[code as CodesOfStage<'server'>];
    if (!more) return [code, t];
    const add = (x: ReturnType<CodeText['en']>, e: Evidence, i: 0 | 1) => (fewSamples(e) ? { ...x, fixes: [...x.fixes, more[i]] } : x);
    return [code, { ...t, en: (e: Evidence) => add(t.en(e), e, 0), 'zh-CN': (e: Evidence) => add(t['zh-CN'](e), e, 1) }];
  }),
) as typeof texts;
