import type { RedactionKind } from '../../common/bundle.js';
import type { Lang } from '../../common/report.js';

/**
 * The redaction preview's "kind" column in words: the kind is data (an English key kept in the
 * preview and the manifest), the label is what a person reads before sending a bundle.
 */
export const REDACTION_LABELS: Record<RedactionKind, Record<Lang, string>> = {
  'known secret': { en: 'the run’s credential', 'zh-CN': '本次运行的凭据' },
  'authorization header': { en: 'Authorization header', 'zh-CN': 'Authorization 请求头' },
  cookie: { en: 'cookie', 'zh-CN': 'Cookie' },
  'api key header': { en: 'API key header', 'zh-CN': 'API 密钥请求头' },
  'query param': { en: 'query parameter', 'zh-CN': '查询参数' },
  'url credentials': { en: 'user and password in a URL', 'zh-CN': 'URL 中的用户名和密码' },
  'bearer token': { en: 'bearer token', 'zh-CN': 'Bearer 令牌' },
  'basic credentials': { en: 'Basic credentials', 'zh-CN': 'Basic 认证凭据' },
  'secret field': { en: 'secret field', 'zh-CN': '机密字段' },
  'key pattern': { en: 'something shaped like a key', 'zh-CN': '形似密钥的字符串' },
  text: { en: 'secret in a text line', 'zh-CN': '文本行中的机密' },
};

export const redactionLabel = (kind: string, lang: Lang): string => REDACTION_LABELS[kind as RedactionKind]?.[lang] ?? kind;
