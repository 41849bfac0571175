import type { Lang } from '../../common/report.js';
import { isSensitiveHeader, redactUrl } from '../../engine/redact-patterns.js';
import type { IntakeNote, IntakeRequest } from './build.js';
import type { IgnoredOption } from './parse.js';

/**
 * What the intake understood, in words, with every secret masked: for the CLI's stderr and the
 * wizard's preview. Pure (no Node API).
 */

const REASONS: Record<IgnoredOption['reason'], Record<Lang, string>> = {
  output: { en: 'only changes what curl prints or how it retries', 'zh-CN': '只影响 curl 的输出或重试' },
  unsupported: { en: 'not reproduced: the diagnosis runs without it', 'zh-CN': '未复现：诊断不带此选项运行' },
  unknown: { en: 'not a curl option this tool knows', 'zh-CN': '本工具不认识的 curl 选项' },
  'extra-url': { en: 'curl would call this URL too; only the first is diagnosed', 'zh-CN': 'curl 也会请求此 URL；只诊断第一个' },
  file: { en: 'reads a file or stdin, which is not read here', 'zh-CN': '需要读取文件或标准输入，此处不读取' },
  'after-command': { en: 'after a pipe or redirection: not part of the curl call', 'zh-CN': '位于管道或重定向之后：不属于 curl 调用' },
};

export function describeIgnored(o: IgnoredOption, lang: Lang): string {
  return `${o.flag}: ${REASONS[o.reason][lang]}`;
}

export function describeNote(n: IntakeNote, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (n.kind) {
    case 'scheme-guessed':
      return zh ? 'URL 没有协议：按 curl 的做法使用 http://' : 'the URL has no scheme: http:// assumed, as curl does';
    case 'user-without-password':
      return zh ? '-u 没有密码：curl 会提示输入；这里用空密码' : '-u has no password: curl would prompt for one; an empty password is sent';
    case 'noproxy-other-host':
      return zh ? `--noproxy ${n.list} 不包含目标主机：代理照常适用` : `--noproxy ${n.list} does not cover the target host: the proxy still applies`;
    case 'timeout-from-max-time':
      return zh ? `每个阶段的时限取自 -m（${n.seconds} 秒）` : `the budget per phase comes from -m (${n.seconds} s)`;
    case 'compressed':
      return zh ? '--compressed：诊断读取未压缩的响应' : '--compressed: the diagnosis reads the response uncompressed';
    case 'key-moved-from-url':
      return zh ? `URL 中的密钥（${n.param}）作为凭据检查` : `the key in the URL (${n.param}) is checked as the credential`;
    case 'variable-not-set':
      return zh ? `$${n.name} 在这里没有设置：原样发送（在 shell 中它会被展开）` : `$${n.name} is not set here: sent as written (a shell would expand it)`;
    case 'url-credentials':
      return zh ? 'URL 中的用户名和密码按 curl 的做法作为 Basic 认证发送' : 'the user and password in the URL are sent as Basic auth, as curl does';
  }
}

/** `sk-…9f2c`-style mask for a header value the preview shows. */
export function maskValue(v: string): string {
  const t = v.trim();
  const scheme = /^(\S+)\s+(.+)$/.exec(t);
  const inner = scheme && /^(bearer|basic|token|bot|key|digest)$/i.test(scheme[1]!) ? scheme[2]! : t;
  const prefix = scheme && inner !== t ? `${scheme[1]} ` : '';
  if (inner.length <= 8) return `${prefix}•••`;
  return `${prefix}${inner.slice(0, 3)}…${inner.slice(-4)}`;
}

export interface IntakePreview {
  method: string;
  url: string;
  headers: { name: string; value: string; masked: boolean }[];
  body: string | null;
  proxy: string | null | undefined;
  insecure: boolean;
  ignored: string[];
  notes: string[];
}

/** Everything the user should see before the run, secrets masked (known values and by shape). */
export function previewOf(r: IntakeRequest, lang: Lang): IntakePreview {
  const mask = (text: string): string => {
    let out = text;
    for (const s of [...r.secrets].sort((a, b) => b.length - a.length)) if (s.length >= 4) out = out.split(s).join('•••');
    return out;
  };
  return {
    method: r.method,
    url: mask(redactUrl(r.url)),
    headers: r.headers.map((h) => (isSensitiveHeader(h.name) ? { name: h.name, value: maskValue(h.value), masked: true } : { name: h.name, value: mask(h.value), masked: false })),
    body: r.body === undefined ? null : mask(r.body.length > 2000 ? `${r.body.slice(0, 2000)}…` : r.body),
    proxy: r.proxy === undefined || r.proxy === null ? r.proxy : mask(redactUrl(r.proxy)),
    insecure: r.insecure,
    ignored: r.ignored.map((o) => mask(describeIgnored(o, lang))),
    notes: r.notes.map((n) => mask(describeNote(n, lang))),
  };
}

/** The preview as lines for a terminal. */
export function previewLines(p: IntakePreview, lang: Lang): string[] {
  const zh = lang === 'zh-CN';
  const out = [`${zh ? '理解为' : 'understood'}: ${p.method} ${p.url}`];
  for (const h of p.headers) out.push(`  ${h.name}: ${h.value}`);
  if (p.body !== null) out.push(`  ${zh ? '请求体' : 'body'}: ${p.body.length > 200 ? `${p.body.slice(0, 200)}…` : p.body}`);
  if (p.proxy === null) out.push(`  ${zh ? '不使用代理' : 'no proxy'}`);
  else if (p.proxy !== undefined) out.push(`  ${zh ? '代理' : 'proxy'}: ${p.proxy}`);
  if (p.insecure) out.push(`  -k: ${zh ? '该调用跳过证书校验；诊断仍会校验' : 'the call skips certificate checks; the diagnosis still verifies'}`);
  for (const n of p.notes) out.push(`  ${zh ? '注意' : 'note'}: ${n}`);
  for (const i of p.ignored) out.push(`  ${zh ? '已忽略' : 'ignored'} ${i}`);
  return out;
}
