import type { Lang } from './report.js';
import { REQUEST_LIMITS as L } from './request-limits.js';

/**
 * What a person reads when a request is refused, in both languages. Sentences name the thing
 * (the timeout, a header) rather than a flag or a form field, so the CLI and the wizard can show
 * the same words; they never echo a proxy URL or a header value (either may hold a secret).
 */
export interface RequestMessages {
  lang: Lang;
  invalid: string;
  emptyUrl: string;
  notUrl(text: string): string;
  scheme(protocol: string): string;
  noHost(text: string): string;
  method(raw: string): string;
  methodConnect: string;
  headerName(name: string): string;
  headerValue(name: string): string;
  headerTooLong(name: string, max: number): string;
  tooMany(max: number): string;
  body(bytes: number, max: number): string;
  provider(list: string): string;
  credentialName: string;
  envVar(name: string): string;
  queryParam: string;
  oauthClientId: string;
  oauthSecret: string;
  dns(raw: string): string;
  resolveHost: string;
  port(raw: string | number): string;
  ip(raw: string): string;
  proxy: string;
  caFile: string;
  timeout(n: number): string;
  samples(n: number): string;
  slowMs(n: number): string;
  langRule: string;
}

const en: RequestMessages = {
  lang: 'en',
  invalid: 'The request is not valid',
  emptyUrl: 'Enter the address of the API, starting with https://',
  notUrl: (t) => `"${t}" is not a URL: give the full address, starting with https://`,
  scheme: (p) => `"${p}" URLs are not supported: use http:// or https://`,
  noHost: (t) => `"${t}" has no host name`,
  method: (m) => `"${m}" is not an HTTP method`,
  methodConnect: 'CONNECT opens a proxy tunnel, it does not call an API: use the method your client sends',
  headerName: (n) => `"${n}" is not a valid header name (letters, digits and - only)`,
  headerValue: (n) => `The value of the ${n} header contains a line break or NUL`,
  headerTooLong: (n, max) => `The value of the ${n} header is longer than ${max} characters`,
  tooMany: (max) => `At most ${max} entries are accepted`,
  body: (bytes, max) => `The body is ${bytes} bytes, more than the ${max} a diagnosis sends`,
  provider: (list) => `The provider must be one of ${list}`,
  credentialName: `A stored credential name has 1 to ${L.credentialNameChars} characters`,
  envVar: (v) => `"${v}" is not an environment variable name (letters, digits and _ only)`,
  queryParam: 'The query parameter for the key needs a name of 1 to 100 characters',
  oauthClientId: 'The OAuth client id needs 1 to 500 characters',
  oauthSecret: 'OAuth needs the client secret: name a stored credential or an environment variable',
  dns: (raw) => `"${raw}" is not a DNS server: give its IP address, optionally with :port (IPv6 as [addr]:port)`,
  resolveHost: 'A pinned host name needs 1 to 253 characters',
  port: (n) => `${n} is not a port (1 to 65535)`,
  ip: (a) => `"${a}" is not an IP address`,
  proxy: 'The proxy must be a URL such as http://proxy.example:8080 (http, https, socks, socks4, socks4a, socks5 or socks5h)',
  caFile: 'The CA file path is empty, too long or contains NUL',
  timeout: (n) => `The timeout must be a whole number of ms between ${L.timeoutMs.min} and ${L.timeoutMs.max}, got ${n}`,
  samples: (n) => `The number of samples must be a whole number between ${L.samples.min} and ${L.samples.max}, got ${n}`,
  slowMs: (n) => `The slow threshold must be a whole number of ms between ${L.slowMs.min} and ${L.slowMs.max}, got ${n}`,
  langRule: 'The language must be en or zh-CN',
};

const zh: RequestMessages = {
  lang: 'zh-CN',
  invalid: '请求无效',
  emptyUrl: '请输入 API 地址，以 https:// 开头',
  notUrl: (t) => `“${t}”不是网址：请填写完整的 URL，以 https:// 开头`,
  scheme: (p) => `不支持“${p}”地址：请使用 http:// 或 https://`,
  noHost: (t) => `“${t}”中没有主机名`,
  method: (m) => `“${m}”不是 HTTP 请求方法`,
  methodConnect: 'CONNECT 用于建立代理隧道，并不调用 API：请使用客户端实际发送的方法',
  headerName: (n) => `“${n}”不是有效的请求头名称（只能包含字母、数字和 -）`,
  headerValue: (n) => `请求头 ${n} 的值包含换行或 NUL`,
  headerTooLong: (n, max) => `请求头 ${n} 的值超过 ${max} 个字符`,
  tooMany: (max) => `最多接受 ${max} 项`,
  body: (bytes, max) => `请求体为 ${bytes} 字节，超过诊断可发送的 ${max} 字节`,
  provider: (list) => `服务商必须是以下之一：${list}`,
  credentialName: `已保存凭据的名称须为 1 到 ${L.credentialNameChars} 个字符`,
  envVar: (v) => `“${v}”不是环境变量名（只能包含字母、数字和 _）`,
  queryParam: '放置密钥的查询参数名须为 1 到 100 个字符',
  oauthClientId: 'OAuth client id 须为 1 到 500 个字符',
  oauthSecret: 'OAuth 需要 client secret：请指定已保存的凭据或环境变量',
  dns: (raw) => `“${raw}”不是 DNS 服务器：请填写其 IP 地址，可带 :端口（IPv6 写作 [地址]:端口）`,
  resolveHost: '固定解析的主机名须为 1 到 253 个字符',
  port: (n) => `${n} 不是端口号（1 到 65535）`,
  ip: (a) => `“${a}”不是 IP 地址`,
  proxy: '代理须为 URL，例如 http://proxy.example:8080（http、https、socks、socks4、socks4a、socks5 或 socks5h）',
  caFile: 'CA 文件路径为空、过长或包含 NUL',
  timeout: (n) => `超时须为 ${L.timeoutMs.min} 到 ${L.timeoutMs.max} 之间的整数毫秒，实际为 ${n}`,
  samples: (n) => `采样次数须为 ${L.samples.min} 到 ${L.samples.max} 之间的整数，实际为 ${n}`,
  slowMs: (n) => `慢响应阈值须为 ${L.slowMs.min} 到 ${L.slowMs.max} 之间的整数毫秒，实际为 ${n}`,
  langRule: '语言须为 en 或 zh-CN',
};

export const REQUEST_MESSAGES: Record<Lang, RequestMessages> = { en, 'zh-CN': zh };
