import type { FindingCode } from '../../common/codes.js';

/**
 * Zhipu (BigModel / Z.ai) business codes, from its published error-code table
 * (https://docs.bigmodel.cn/cn/api/api-code, https://docs.bigmodel.cn/cn/faq/api-code.md; Z.ai
 * uses the same codes: https://docs.z.ai/api-reference/api-code). The HTTP status alone misleads
 * here: 1113 (arrears) and 1302 (concurrency) both come as 429, and only one of them goes away by
 * waiting. Observed bodies (sources in docs/providers.md): 1113 https://github.com/7836246/cursor2api/issues/30,
 * 1261 https://github.com/zeroclaw-labs/zeroclaw/issues/4124, 1302 https://github.com/anomalyco/opencode/issues/9789,
 * 1305 https://github.com/HKUDS/nanobot/pull/3864, 1211 (Anthropic envelope) https://github.com/Kohaku-Lab/KohakuTerrarium/issues/73.
 */
export const ZHIPU_CODES: Record<string, { code: FindingCode; en: string; zh: string }> = {
  '1000': { code: 'AUTH_REJECTED', en: 'authentication failed', zh: '身份验证失败' },
  '1001': { code: 'AUTH_MISSING', en: 'no Authentication header received', zh: 'Header 中未收到 Authentication 参数' },
  '1002': { code: 'AUTH_REJECTED', en: 'invalid Authorization token', zh: 'Authorization Token 非法' },
  '1003': { code: 'AUTH_TOKEN_EXPIRED', en: 'Authorization token expired', zh: 'Authorization Token 已过期' },
  '1004': { code: 'AUTH_REJECTED', en: 'token verification failed', zh: 'Token 校验失败' },
  '1005': { code: 'AUTH_FORBIDDEN', en: 'two-factor protection is on for this key', zh: '已开启二次认证保护' },
  '1100': { code: 'AUTH_FORBIDDEN', en: 'account problem', zh: '账户异常' },
  '1110': { code: 'AUTH_FORBIDDEN', en: 'account inactive', zh: '账户处于非活动状态' },
  '1111': { code: 'AUTH_REJECTED', en: 'account does not exist', zh: '账户不存在' },
  '1112': { code: 'AUTH_FORBIDDEN', en: 'account locked', zh: '账户已被锁定' },
  '1113': { code: 'SERVER_QUOTA_EXHAUSTED', en: 'account in arrears (balance exhausted)', zh: '账户已欠费' },
  '1120': { code: 'AUTH_FORBIDDEN', en: 'account cannot be accessed', zh: '无法成功访问您的账户' },
  '1121': { code: 'AUTH_FORBIDDEN', en: 'account locked for a policy violation', zh: '账户存在违规行为，已被锁定' },
  '1200': { code: 'SERVER_ERROR', en: 'API call failed', zh: 'API 调用失败' },
  '1210': { code: 'HTTP_BAD_REQUEST', en: 'wrong API call parameters', zh: 'API 调用参数有误' },
  '1211': { code: 'MODEL_NOT_FOUND', en: 'model does not exist', zh: '模型不存在' },
  '1212': { code: 'HTTP_METHOD_NOT_ALLOWED', en: 'the model does not support this call method', zh: '当前模型不支持该调用方式' },
  '1213': { code: 'HTTP_BAD_REQUEST', en: 'prompt parameter missing', zh: '未正常接收到 prompt 参数' },
  '1214': { code: 'HTTP_BAD_REQUEST', en: 'invalid parameter', zh: '参数非法' },
  '1215': { code: 'HTTP_BAD_REQUEST', en: 'two parameters that cannot be set together', zh: '两个参数不能同时设置' },
  '1220': { code: 'AUTH_FORBIDDEN', en: 'no permission for this API', zh: '您无权访问该 API' },
  '1221': { code: 'HTTP_NOT_FOUND', en: 'API has been retired', zh: 'API 已下线' },
  '1222': { code: 'HTTP_NOT_FOUND', en: 'API does not exist', zh: 'API 不存在' },
  '1230': { code: 'SERVER_ERROR', en: 'error in the API call flow', zh: 'API 调用流程出错' },
  '1231': { code: 'HTTP_BAD_REQUEST', en: 'a request with this id is already running', zh: '您已有请求' },
  '1234': { code: 'SERVER_ERROR', en: 'network error inside the service', zh: '网络错误' },
  '1261': { code: 'REQUEST_TOO_LARGE_FOR_MODEL', en: 'prompt too long for the model', zh: 'Prompt 超长' },
  '1300': { code: 'AUTH_FORBIDDEN', en: 'call blocked by policy', zh: '策略阻止' },
  '1301': { code: 'CONTENT_FILTERED', en: 'unsafe or sensitive content detected', zh: '输入或生成内容可能包含不安全或敏感内容' },
  '1302': { code: 'SERVER_RATE_LIMITED', en: 'too many concurrent requests', zh: '并发数过高' },
  '1303': { code: 'SERVER_RATE_LIMITED', en: 'request frequency too high', zh: '请求频率过高' },
  '1304': { code: 'SERVER_QUOTA_EXHAUSTED', en: 'daily call limit reached', zh: '该 API 已达今日调用次数限制' },
  // Two docs versions disagree (rate limit vs. "该模型当前访问量过大"); the wild body says the model is busy: overload, transient.
  '1305': { code: 'SERVER_OVERLOADED', en: 'the model is overloaded right now', zh: '该模型当前访问量过大' },
  '1308': { code: 'SERVER_QUOTA_EXHAUSTED', en: 'usage limit of the plan reached', zh: '已达到套餐使用上限' },
  '1309': { code: 'SERVER_QUOTA_EXHAUSTED', en: 'subscription plan expired', zh: '套餐已到期' },
  '1310': { code: 'SERVER_QUOTA_EXHAUSTED', en: 'weekly or monthly limit exhausted', zh: '已达到每周/每月使用上限' },
  '1311': { code: 'MODEL_NOT_FOUND', en: 'the subscription plan does not include this model', zh: '当前订阅套餐暂未开放该模型权限' },
  '1312': { code: 'SERVER_OVERLOADED', en: 'the model is overloaded: retry later or switch models', zh: '该模型当前访问量过大，请稍后再试或切换其他模型' },
  '1313': { code: 'SERVER_RATE_LIMITED', en: 'fair-use throttling of the account', zh: '账户触发公平使用限制' },
  '500': { code: 'SERVER_ERROR', en: 'internal server error', zh: '服务内部错误' },
};
