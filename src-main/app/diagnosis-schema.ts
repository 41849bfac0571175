import { CLIENT_IDS } from '../common/clients.js';
import net from 'node:net';
import { z } from 'zod';
import { isFindingCode } from '../common/codes.js';
import { LANGS, REPORT_SCHEMA, type Lang, type Report } from '../common/report.js';
import type { DiagnosisRequest } from '../common/request.js';
import { STAGES, type StageId } from '../common/stages.js';

/**
 * Validation of everything the renderer sends for a diagnosis. The renderer is our own page, but
 * IPC input is untrusted by rule: a compromised page must not reach arbitrary hosts' files or
 * smuggle header injection, and a bug must get a clear message instead of an engine crash.
 */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/**
 * What the user reads when the request is refused, in the request's own language: the wizard shows
 * it inline on the Target step, so a Chinese screen gets a Chinese sentence.
 */
const MESSAGES = {
  en: {
    emptyUrl: 'Enter the address of the API, starting with https://',
    notUrl: (t: string) => `"${t}" is not a web address: give the full URL, starting with https://`,
    scheme: (p: string) => `"${p}" addresses are not supported: use http:// or https://`,
    noHost: (t: string) => `"${t}" has no host name`,
    dns: 'A DNS server is an IP address, optionally with :port (IPv6 as [addr]:port)',
    headerName: 'A header name may only contain letters, digits and -',
    headerValue: 'A header value may not contain a line break',
    envVar: 'An environment variable name has letters, digits and _ only',
    method: (m: string) => `The method must be one of ${m}`,
    body: 'The body may be at most 1 MB',
    proxy: 'The proxy must be a URL such as http://proxy.example:8080',
    timeoutMin: 'The timeout must be at least 100 ms',
    timeoutMax: 'The timeout may be at most 120 s',
    samplesMin: 'Take at least 1 sample',
    samplesMax: 'Take at most 20 samples',
    ip: 'not an IP address',
  },
  'zh-CN': {
    emptyUrl: '请输入 API 地址，以 https:// 开头',
    notUrl: (t: string) => `“${t}”不是网址：请填写完整的 URL，以 https:// 开头`,
    scheme: (p: string) => `不支持“${p}”地址：请使用 http:// 或 https://`,
    noHost: (t: string) => `“${t}”中没有主机名`,
    dns: 'DNS 服务器须为 IP 地址，可带 :端口（IPv6 写作 [地址]:端口）',
    headerName: '请求头名称只能包含字母、数字和 -',
    headerValue: '请求头的值不能包含换行',
    envVar: '环境变量名只能包含字母、数字和 _',
    method: (m: string) => `请求方法必须是以下之一：${m}`,
    body: '请求体最大为 1 MB',
    proxy: '代理须为 URL，例如 http://proxy.example:8080',
    timeoutMin: '超时至少为 100 毫秒',
    timeoutMax: '超时最多为 120 秒',
    samplesMin: '至少采样 1 次',
    samplesMax: '最多采样 20 次',
    ip: '不是 IP 地址',
  },
} satisfies Record<Lang, unknown>;

function requestSchemaFor(lang: Lang) {
  const m = MESSAGES[lang];
  const targetUrl = z.string().superRefine((raw, ctx) => {
    const text = raw.trim();
    if (text === '') return void ctx.addIssue({ code: 'custom', message: m.emptyUrl });
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return void ctx.addIssue({ code: 'custom', message: m.notUrl(text) });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') ctx.addIssue({ code: 'custom', message: m.scheme(url.protocol) });
    else if (!url.hostname) ctx.addIssue({ code: 'custom', message: m.noHost(text) });
  });

  /** `ip`, `ip:port` or `[v6]:port`: a resolver is named by address, never by name (that would need DNS). */
  const dnsServer = z.string().refine((raw) => {
    const mm = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(raw) ?? /^([^:]+)(?::(\d{1,5}))?$/.exec(raw);
    const host = mm?.[1] ?? raw;
    const port = mm?.[2] === undefined ? 53 : Number(mm[2]);
    return net.isIP(host) !== 0 && port >= 1 && port <= 65535;
  }, m.dns);

  const header = z.object({
    name: z.string().regex(TOKEN, m.headerName),
    value: z.string().max(8192).refine((v) => !/[\r\n\0]/.test(v), m.headerValue),
  });

  const credential = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('keychain'), name: z.string().min(1).max(200) }),
    z.object({ kind: z.literal('env'), variable: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, m.envVar), confirmed: z.boolean().optional() }),
  ]);

  const auth = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('bearer') }),
    z.object({ kind: z.literal('basic') }),
    z.object({ kind: z.literal('header'), name: z.string().regex(TOKEN, m.headerName) }),
    z.object({ kind: z.literal('query'), param: z.string().min(1).max(100) }),
  ]);

  return z.object({
    url: targetUrl,
    method: z.string().transform((x) => x.toUpperCase()).pipe(z.enum(METHODS, { message: m.method(METHODS.join(', ')) })),
    headers: z.array(header).max(50),
    body: z.string().max(1_000_000, m.body).optional(),
    provider: z.enum(['auto', 'openai', 'zhipu', 'anthropic', 'azure-openai', 'generic', 'deepseek', 'moonshot', 'dashscope', 'openrouter']),
    credential,
    auth: auth.optional(),
    oauth: z.object({ tokenUrl: targetUrl, clientId: z.string().min(1).max(500) }).optional(),
    dnsServers: z.array(dnsServer).max(8),
    referenceDns: z.array(dnsServer).max(8),
    resolve: z.array(z.object({ host: z.string().min(1).max(253), port: z.number().int().min(1).max(65535), address: z.string().refine((a) => net.isIP(a) !== 0, m.ip) })).max(16),
    proxy: z
      .string()
      .refine((p) => {
        try {
          return ['http:', 'https:', 'socks5:', 'socks5h:', 'socks4:', 'socks4a:', 'socks:'].includes(new URL(p).protocol);
        } catch {
          return false;
        }
      }, m.proxy)
      .nullable()
      .optional(),
    caFile: z.string().optional(),
    insecure: z.boolean().optional(),
    timeoutMs: z.number().int().min(100, m.timeoutMin).max(120_000, m.timeoutMax),
    samples: z.number().int().min(1, m.samplesMin).max(20, m.samplesMax),
    samplesExplicit: z.boolean().optional(),
    slowMs: z.number().int().min(1).max(120_000),
    stream: z.boolean(),
    completion: z.boolean().optional(),
    lang: z.enum(LANGS as [Lang, ...Lang[]]),
    client: z.enum(CLIENT_IDS).optional(),
  });
}

const REQUEST_SCHEMAS = { en: requestSchemaFor('en'), 'zh-CN': requestSchemaFor('zh-CN') };
export const diagnosisRequestSchema = REQUEST_SCHEMAS.en;

/** The first problem of a zod error, in words a person can act on, naming the field. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request is not valid';
  const field = issue.path.join('.');
  return field && issue.code !== 'custom' ? `${field}: ${issue.message}` : issue.message;
}

export function parseDiagnosisRequest(input: unknown): { ok: true; value: DiagnosisRequest } | { ok: false; message: string } {
  // Answer in the language the request asks for (English when that is unreadable too).
  const lang: Lang = (input as { lang?: unknown } | null)?.lang === 'zh-CN' ? 'zh-CN' : 'en';
  const r = REQUEST_SCHEMAS[lang].safeParse(input);
  if (!r.success) return { ok: false, message: describeIssue(r.error) };
  return { ok: true, value: { ...r.data, url: r.data.url.trim() } as DiagnosisRequest };
}

export const stageSchema = z.enum(STAGES as unknown as [StageId, ...StageId[]]);
export const langSchema = z.enum(LANGS as [Lang, ...Lang[]]);
export const runIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'not a run id');

/**
 * Just enough of a report to re-render its text: the renderer hands back a report main made, so
 * this checks shape and codes, and keeps everything else as it was.
 */
const findingSchema = z
  .object({
    code: z.string().refine(isFindingCode, 'unknown finding code'),
    stage: stageSchema,
    severity: z.enum(['error', 'warn', 'info']),
    evidence: z.record(z.string(), z.unknown()),
  })
  .loose();
export const reportSchema = z
  .object({
    schema: z.literal(REPORT_SCHEMA),
    summary: z.object({ verdict: z.enum(['healthy', 'degraded', 'failing', 'cancelled']), rootCause: z.string().nullable(), headline: z.string() }).loose(),
    findings: z.array(findingSchema).max(500),
    stages: z.array(z.object({ id: stageSchema }).loose()),
  })
  .loose();

export function parseReport(input: unknown): { ok: true; value: Report } | { ok: false; message: string } {
  const r = reportSchema.safeParse(input);
  if (!r.success) return { ok: false, message: `This is not an API Doctor report (${describeIssue(r.error)})` };
  return { ok: true, value: r.data as unknown as Report };
}
