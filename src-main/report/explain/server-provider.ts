import type { Evidence } from '../../common/report.js';
import { ev, evCount, type CodeText } from './types.js';

const has = (e: Evidence, k: string) => e[k] !== undefined && e[k] !== null && e[k] !== '';
const said = (e: Evidence, zh: boolean) =>
  has(e, 'providerMessage')
    ? zh
      ? `服务器提示：“${ev(e, 'providerMessage')}”${has(e, 'providerCode') ? `（代码 ${ev(e, 'providerCode')}）` : ''}。`
      : ` The server says: "${ev(e, 'providerMessage')}"${has(e, 'providerCode') ? ` (code ${ev(e, 'providerCode')})` : ''}.`
    : '';
const rid = (e: Evidence, zh: boolean) => (has(e, 'requestId') ? (zh ? `请求标识：${ev(e, 'requestId')}。` : ` Request id: ${ev(e, 'requestId')}.`) : '');
/** "answered 400", or "answered 200 with an error body" (Zhipu sends errors with HTTP 200). */
const answered = (e: Evidence, zh: boolean) => (has(e, 'httpStatus') ? (zh ? `返回 ${ev(e, 'httpStatus')}，但响应体是一个错误` : `answered ${ev(e, 'httpStatus')} with an error in its body`) : zh ? `返回 ${ev(e, 'status')}` : `answered ${ev(e, 'status')}`);
const viaCompletion = (e: Evidence, zh: boolean) => (e.call === 'completion' ? (zh ? '（由 --completion 的单 token 补全请求发现；你的原始请求本身成功了）' : ' (found by the one-token --completion call; your own call worked)') : '');

/** The provider-semantics codes of the server stage, in English and Simplified Chinese. */
export const serverProviderTexts: Record<'MODEL_NOT_FOUND' | 'REQUEST_TOO_LARGE_FOR_MODEL' | 'CONTENT_FILTERED' | 'SERVER_RATE_LIMIT_LOW' | 'RELAY_UPSTREAM_UNAVAILABLE', CodeText> = {
  MODEL_NOT_FOUND: {
    example: { url: 'https://api.openai.com/v1/chat/completions', status: 404, model: 'gpt-4-1106-preveiw', provider: 'OpenAI', providerMessage: 'The model `gpt-4-1106-preveiw` does not exist or you do not have access to it.', providerCode: 'model_not_found', closestModels: ['gpt-4-1106-preview', 'gpt-4-0125-preview', 'gpt-4o', 'gpt-4o-mini'], modelsListed: 62, modelList: 'GET https://api.openai.com/v1/models', requestId: 'x-request-id: req_7f3a' },
    en: (e) => ({
      title: has(e, 'model') ? `Model "${ev(e, 'model')}" does not exist or this key may not use it` : 'The model does not exist or this key may not use it',
      detail: `${ev(e, 'url')} ${answered(e, false)}${viaCompletion(e, false)}: the URL and the key are fine, the model name is the problem.${said(e, false)}${has(e, 'providerMeaning') ? ` Meaning: ${ev(e, 'providerMeaning')}.` : ''}${has(e, 'closestModels') ? ` This key can use ${evCount(e, 'modelsListed', 'model')}; the closest: ${ev(e, 'closestModels')}.` : has(e, 'someModels') ? ` This key can use ${evCount(e, 'modelsListed', 'model')}, e.g. ${ev(e, 'someModels')}.` : has(e, 'modelList') ? ` Model list ${ev(e, 'modelList')}.` : ''}${e.listedButRefused === true ? ' The model is in the list, so this key or its project is not allowed to use it (or the plan does not include it).' : ''}${rid(e, false)}`,
      fixes: [
        has(e, 'closestModels') ? `Use one of: ${ev(e, 'closestModels')} (exact spelling, including date suffixes).` : "Check the model name against the provider's model list (exact spelling and version).",
        'If the name is right: check that this key\'s project or plan has access to the model (a new model may need a higher tier or activation in the console; an Azure deployment name is not the model name).',
      ],
    }),
    'zh-CN': (e) => ({
      title: has(e, 'model') ? `模型“${ev(e, 'model')}”不存在，或该密钥无权使用` : '模型不存在，或该密钥无权使用',
      detail: `${ev(e, 'url')} ${answered(e, true)}${viaCompletion(e, true)}：URL 和密钥没有问题，问题在模型名称。${said(e, true)}${has(e, 'providerMeaningZh') ? `含义：${ev(e, 'providerMeaningZh')}。` : ''}${has(e, 'closestModels') ? `该密钥可用 ${ev(e, 'modelsListed')} 个模型，最接近的是：${ev(e, 'closestModels')}。` : has(e, 'someModels') ? `该密钥可用 ${ev(e, 'modelsListed')} 个模型，例如：${ev(e, 'someModels')}。` : has(e, 'modelList') ? `模型列表：${ev(e, 'modelList')}。` : ''}${e.listedButRefused === true ? '该模型在列表中，说明是该密钥或其项目无权使用它（或套餐不包含它）。' : ''}${rid(e, true)}`,
      fixes: [
        has(e, 'closestModels') ? `改用以下之一：${ev(e, 'closestModels')}（拼写须完全一致，包括日期后缀）。` : '对照服务商的模型列表检查模型名称（拼写和版本须完全一致）。',
        '如果名称正确：确认该密钥所属项目或套餐有权使用该模型（新模型可能需要更高等级或在控制台开通；Azure 的部署名不是模型名）。',
      ],
    }),
  },
  REQUEST_TOO_LARGE_FOR_MODEL: {
    example: { url: 'https://api.openai.com/v1/chat/completions', status: 429, model: 'gpt-4o', providerMessage: 'Request too large for gpt-4o in organization org-x on tokens per min (TPM): Limit 30000, Requested 30601.', providerCode: 'rate_limit_exceeded', perMinuteLimit: true, requestBytes: 121000, requestId: 'x-request-id: req_44be' },
    en: (e) => ({
      title: e.perMinuteLimit === true ? 'One request needs more tokens than your per-minute limit: waiting will not help' : "The prompt is longer than the model's context",
      detail: `${ev(e, 'url')} ${answered(e, false)}${viaCompletion(e, false)}.${said(e, false)}${has(e, 'providerMeaning') ? ` Meaning: ${ev(e, 'providerMeaning')}.` : ''} ${e.perMinuteLimit === true ? 'Although it comes as 429, this is not a passing rate limit: a single request is larger than the whole tokens-per-minute (TPM) budget, so it fails every time.' : 'The input (plus the requested output tokens) exceeds what the model can take in one request; retrying the same request fails the same way.'}${rid(e, false)}`,
      fixes: [
        'Send less: trim the history, summarise or chunk long documents, lower max_tokens.',
        e.perMinuteLimit === true ? 'Or raise the TPM limit (a higher usage tier) in the provider console.' : 'Or use a model with a longer context window.',
        'Do not retry this error automatically.',
      ],
    }),
    'zh-CN': (e) => ({
      title: e.perMinuteLimit === true ? '单个请求所需的 token 超过了每分钟上限：等待没有用' : '提示词超出了模型的上下文长度',
      detail: `${ev(e, 'url')} ${answered(e, true)}${viaCompletion(e, true)}。${said(e, true)}${has(e, 'providerMeaningZh') ? `含义：${ev(e, 'providerMeaningZh')}。` : ''}${e.perMinuteLimit === true ? '虽然返回的是 429，但这不是会自行恢复的限流：单个请求就超过了整个每分钟 token（TPM）额度，所以每次都会失败。' : '输入（加上请求的输出 token）超过了模型单次能处理的长度；原样重试会以同样方式失败。'}${rid(e, true)}`,
      fixes: [
        '减少发送内容：裁剪对话历史，对长文档做摘要或分块，调低 max_tokens。',
        e.perMinuteLimit === true ? '或在服务商控制台提高 TPM 上限（更高的使用等级）。' : '或改用上下文窗口更长的模型。',
        '不要自动重试这个错误。',
      ],
    }),
  },
  CONTENT_FILTERED: {
    example: { url: 'https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions', status: 400, provider: 'Qwen / DashScope', model: 'qwen-plus', providerMessage: 'Input data may contain inappropriate content.', providerCode: 'data_inspection_failed', requestId: 'x-request-id: c2b25c93-9684-4d7e-91df-793f0cdbef88' },
    en: (e) => ({
      title: "The provider's content filter refused the request",
      detail: `${ev(e, 'url')} ${answered(e, false)}${viaCompletion(e, false)}: ${has(e, 'provider') ? `${ev(e, 'provider')}'s` : 'the provider\'s'} moderation judged the input (or the output it would produce) unsafe.${said(e, false)}${has(e, 'providerMeaning') ? ` Meaning: ${ev(e, 'providerMeaning')}.` : ''} The connection, key and model are fine; retrying the same content fails the same way.${rid(e, false)}`,
      fixes: [
        'Find the part of the prompt (or retrieved document, tool output, image) that triggers the filter and remove or rephrase it; false positives are common with long contexts.',
        'If your application must handle such content: ask the provider about adjustable filtering (Azure content filter configurations, enterprise agreements).',
      ],
    }),
    'zh-CN': (e) => ({
      title: '服务商的内容审核拒绝了请求',
      detail: `${ev(e, 'url')} ${answered(e, true)}${viaCompletion(e, true)}：${has(e, 'provider') ? ev(e, 'provider') : '服务商'}的内容审核认为输入（或将要生成的输出）不安全。${said(e, true)}${has(e, 'providerMeaningZh') ? `含义：${ev(e, 'providerMeaningZh')}。` : ''}连接、密钥和模型都没有问题；相同内容重试会以同样方式失败。${rid(e, true)}`,
      fixes: [
        '找出触发审核的部分（提示词、检索到的文档、工具输出或图片），删除或改写；长上下文中误判很常见。',
        '如果你的应用必须处理此类内容：向服务商咨询可调整的审核策略（Azure 内容筛选配置、企业协议）。',
      ],
    }),
  },
  SERVER_RATE_LIMIT_LOW: {
    example: { url: 'https://api.openai.com/v1/models', header: 'x-ratelimit-remaining-requests', remaining: 3, limit: 500, limitHeader: 'x-ratelimit-limit-requests', percentLeft: 0.6, reset: '54s', resetHeader: 'x-ratelimit-reset-requests' },
    en: (e) => ({
      title: `Almost out of rate limit: ${ev(e, 'remaining')}${has(e, 'limit') ? ` of ${ev(e, 'limit')}` : ''} left (${ev(e, 'header')})`,
      detail: `The call to ${ev(e, 'url')} worked${viaCompletion(e, false)}, but ${ev(e, 'header')} says ${ev(e, 'remaining')} ${has(e, 'limit') ? `of ${ev(e, 'limit')} (${ev(e, 'percentLeft')} %) ` : ''}remain${has(e, 'reset') ? `, resetting in ${ev(e, 'reset')} (${ev(e, 'resetHeader')})` : ''}. The next calls will be rate limited (429) until then, probably by other clients sharing this key or organisation.`,
      fixes: ['Slow down or queue requests until the reset; honour Retry-After when the 429s come.', 'Find what else uses this key or organisation (other services, a runaway loop).', 'If you need more: raise the tier or limits in the provider console.'],
    }),
    'zh-CN': (e) => ({
      title: `限流额度即将用尽：剩余 ${ev(e, 'remaining')}${has(e, 'limit') ? ` / ${ev(e, 'limit')}` : ''}（${ev(e, 'header')}）`,
      detail: `对 ${ev(e, 'url')} 的调用成功了${viaCompletion(e, true)}，但 ${ev(e, 'header')} 显示只剩 ${ev(e, 'remaining')}${has(e, 'limit') ? ` / ${ev(e, 'limit')}（${ev(e, 'percentLeft')}%）` : ''}${has(e, 'reset') ? `，${ev(e, 'reset')} 后重置（${ev(e, 'resetHeader')}）` : ''}。在此之前后续调用会被限流（429），多半是共用该密钥或组织的其他客户端消耗了额度。`,
      fixes: ['在重置前放慢或排队发送请求；收到 429 时遵守 Retry-After。', '找出还有什么在使用该密钥或组织（其他服务、失控的循环）。', '如需更多额度：在服务商控制台提升等级或上限。'],
    }),
  },
  RELAY_UPSTREAM_UNAVAILABLE: {
    example: { url: 'https://relay.example.cn/v1/chat/completions', status: 503, relay: 'one-api / new-api', model: 'gpt-4o', providerMessage: '当前分组 default 下对于模型 gpt-4o 无可用渠道 (request id: 20251123200012345)', providerType: 'one_api_error', requestId: 'x-request-id: 20251123200012345' },
    en: (e) => ({
      title: `The relay (${ev(e, 'relay')}) has no working upstream for this call`,
      detail: `${ev(e, 'url')} ${answered(e, false)}${viaCompletion(e, false)}: the API relay you call answered, but it could not hand the request to any upstream provider${has(e, 'model') ? ` for model ${ev(e, 'model')}` : ''}${has(e, 'upstreamProvider') ? ` (upstream: ${ev(e, 'upstreamProvider')})` : ''}.${said(e, false)}${has(e, 'upstreamMessage') ? ` Upstream said: "${ev(e, 'upstreamMessage')}".` : ''} The fault is behind the relay (its channels are disabled, saturated, out of credit or do not serve this model), not in your network or key.${rid(e, false)}`,
      fixes: [
        'Tell the relay operator, with the request id and model; only they can fix their channels.',
        'Try another model (or model variant without ":free") that the relay serves, or retry later if it says it is saturated.',
        'If you run the relay: check the channel list for this group and model (disabled channels, upstream balance, keys, rate limits).',
      ],
    }),
    'zh-CN': (e) => ({
      title: `中转服务（${ev(e, 'relay')}）没有可用的上游来处理这个请求`,
      detail: `${ev(e, 'url')} ${answered(e, true)}${viaCompletion(e, true)}：你调用的 API 中转服务有应答，但无法把请求交给任何上游服务商${has(e, 'model') ? `（模型 ${ev(e, 'model')}）` : ''}${has(e, 'upstreamProvider') ? `（上游：${ev(e, 'upstreamProvider')}）` : ''}。${said(e, true)}${has(e, 'upstreamMessage') ? `上游提示：“${ev(e, 'upstreamMessage')}”。` : ''}故障在中转服务背后（渠道被禁用、负载饱和、余额不足或不提供该模型），不在你的网络或密钥。${rid(e, true)}`,
      fixes: [
        '联系中转服务的运营方，附上请求标识和模型名；只有他们能修复渠道。',
        '换一个该中转支持的模型（或不带 ":free" 的版本）；如果提示负载饱和，稍后再试。',
        '如果中转服务由你维护：检查该分组和模型的渠道列表（被禁用的渠道、上游余额、密钥、限流）。',
      ],
    }),
  },
};
