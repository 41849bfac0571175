import { z } from 'zod';
import { CLIENT_IDS } from './clients.js';
import { PROVIDER_CHOICES } from './providers.js';
import { LANGS, type Lang } from './report.js';
import type { DiagnosisRequest } from './request.js';
import { REQUEST_MESSAGES, type RequestMessages } from './request-messages.js';
import { ENV_VAR_NAME, FORBIDDEN_METHODS, HTTP_TOKEN, PROXY_SCHEMES, REQUEST_LIMITS as L } from './request-limits.js';
import { err, ok, type Result } from './result.js';

/**
 * THE validation of a DiagnosisRequest, whatever face it came from: the CLI's flags (after their
 * syntax is parsed), the wizard over IPC (untrusted by rule: a compromised page must not smuggle
 * header injection or reach odd schemes), a pasted curl command, an imported HAR entry. One set of
 * limits (request-limits.ts) and one set of sentences (request-messages.ts), so every face refuses
 * the same request with the same words. Pure: zod and TypeScript, no Node, so it runs anywhere.
 */

export { PROVIDER_CHOICES };

const ipv4 = z.ipv4();
const ipv6 = z.ipv6();
/** Same answers as Node's net.isIP for plain addresses (zone ids like fe80::1%eth0 are refused). */
export const isIpAddress = (s: string): boolean => ipv4.safeParse(s).success || ipv6.safeParse(s).success;

/** Why a target URL is unusable, in the user's words, or null when it is fine. */
export function targetUrlProblem(raw: string, lang: Lang): string | null {
  const m = REQUEST_MESSAGES[lang];
  const text = raw.trim();
  if (text === '') return m.emptyUrl;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return m.notUrl(text);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return m.scheme(url.protocol);
  if (!url.hostname) return m.noHost(text);
  return null;
}

/**
 * A resolver named by address (a name would need DNS to find DNS): `ip`, `ip:port`, `[v6]:port`
 * or a bare IPv6 address; port 53 by default. Returns the one spelling the engine reads, or null.
 */
export function normalizeDnsServer(raw: string): string | null {
  let host: string;
  let port = '53';
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(raw);
  if (bracketed) {
    host = bracketed[1]!;
    if (bracketed[2] !== undefined) port = bracketed[2];
  } else if (ipv6.safeParse(raw).success) {
    host = raw;
  } else {
    const parts = raw.split(':');
    if (parts.length > 2) return null;
    host = parts[0]!;
    if (parts.length === 2) port = parts[1]!;
  }
  const p = Number(port);
  if (!isIpAddress(host) || !/^\d{1,5}$/.test(port) || p < 1 || p > 65535) return null;
  return host.includes(':') ? `[${host}]:${p}` : `${host}:${p}`;
}

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** A whole number in [min, max], refused with one sentence that names the range and the value. */
const wholeIn = (min: number, max: number, message: (n: number) => string) =>
  z.number().superRefine((n, ctx) => {
    if (!Number.isInteger(n) || n < min || n > max) ctx.addIssue({ code: 'custom', message: message(n) });
  });

/** One of a fixed list, refused with our own sentence (zod's enum message lists values in its own words). */
const oneOf = <T extends string>(values: readonly T[], message: () => string) =>
  z.string().transform((raw, ctx): T => {
    if ((values as readonly string[]).includes(raw)) return raw as T;
    ctx.addIssue({ code: 'custom', message: message() });
    return z.NEVER;
  });

function schemaFor(m: RequestMessages) {
  const url = z.string().superRefine((raw, ctx) => {
    const problem = targetUrlProblem(raw, m.lang);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
  const dnsServer = z.string().transform((raw, ctx) => {
    const server = normalizeDnsServer(raw);
    if (server === null) {
      ctx.addIssue({ code: 'custom', message: m.dns(raw) });
      return z.NEVER;
    }
    return server;
  });
  const headerName = (name: string) => HTTP_TOKEN.test(name);
  const header = z
    .object({ name: z.string(), value: z.string() })
    .superRefine((h, ctx) => {
      if (!headerName(h.name)) ctx.addIssue({ code: 'custom', message: m.headerName(h.name) });
      else if (/[\r\n\0]/.test(h.value)) ctx.addIssue({ code: 'custom', message: m.headerValue(h.name) });
      else if (h.value.length > L.headerValueChars) ctx.addIssue({ code: 'custom', message: m.headerTooLong(h.name, L.headerValueChars) });
    });
  const credential = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('keychain'), name: z.string().min(1, m.credentialName).max(L.credentialNameChars, m.credentialName) }),
    z.object({ kind: z.literal('env'), variable: z.string().superRefine((v, ctx) => void (ENV_VAR_NAME.test(v) || ctx.addIssue({ code: 'custom', message: m.envVar(v) }))), confirmed: z.boolean().optional() }),
  ]);
  const auth = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('bearer') }),
    z.object({ kind: z.literal('basic') }),
    z.object({ kind: z.literal('header'), name: z.string().superRefine((n, ctx) => void (headerName(n) || ctx.addIssue({ code: 'custom', message: m.headerName(n) }))) }),
    z.object({ kind: z.literal('query'), param: z.string().min(1, m.queryParam).max(L.queryParamChars, m.queryParam) }),
  ]);
  const proxy = z.string().superRefine((p, ctx) => {
    let scheme: string;
    try {
      scheme = new URL(p).protocol;
    } catch {
      return void ctx.addIssue({ code: 'custom', message: m.proxy });
    }
    // The URL may carry the proxy's password: name the scheme, never echo the URL.
    if (!(PROXY_SCHEMES as readonly string[]).includes(scheme)) ctx.addIssue({ code: 'custom', message: m.proxy });
  });

  return z
    .object({
      url,
      method: z.string().transform((raw, ctx) => {
        const method = raw.toUpperCase();
        if (method.length > L.methodChars || !HTTP_TOKEN.test(method)) ctx.addIssue({ code: 'custom', message: m.method(raw) });
        else if (FORBIDDEN_METHODS.includes(method)) ctx.addIssue({ code: 'custom', message: m.methodConnect });
        return method;
      }),
      headers: z.array(header).max(L.headers, m.tooMany(L.headers)),
      body: z
        .string()
        .superRefine((b, ctx) => {
          const n = b.length > L.bodyBytes / 4 ? utf8Bytes(b) : b.length;
          if (n > L.bodyBytes) ctx.addIssue({ code: 'custom', message: m.body(n, L.bodyBytes) });
        })
        .optional(),
      provider: oneOf(PROVIDER_CHOICES, () => m.provider(PROVIDER_CHOICES.join(', '))),
      credential,
      auth: auth.optional(),
      oauth: z.object({ tokenUrl: url, clientId: z.string().min(1, m.oauthClientId).max(L.oauthClientIdChars, m.oauthClientId) }).optional(),
      dnsServers: z.array(dnsServer).max(L.dnsServers, m.tooMany(L.dnsServers)),
      referenceDns: z.array(dnsServer).max(L.dnsServers, m.tooMany(L.dnsServers)),
      resolve: z
        .array(
          z.object({
            host: z.string().min(1, m.resolveHost).max(253, m.resolveHost),
            port: wholeIn(1, 65535, m.port),
            address: z.string().superRefine((a, ctx) => void (isIpAddress(a) || ctx.addIssue({ code: 'custom', message: m.ip(a) }))),
          }),
        )
        .max(L.resolveEntries, m.tooMany(L.resolveEntries)),
      proxy: proxy.nullable().optional(),
      caFile: z.string().min(1, m.caFile).max(L.caFilePathChars, m.caFile).refine((f) => !f.includes('\0'), m.caFile).optional(),
      insecure: z.boolean().optional(),
      client: z.enum(CLIENT_IDS).optional(),
      timeoutMs: wholeIn(L.timeoutMs.min, L.timeoutMs.max, m.timeout),
      samples: wholeIn(L.samples.min, L.samples.max, m.samples),
      samplesExplicit: z.boolean().optional(),
      slowMs: wholeIn(L.slowMs.min, L.slowMs.max, m.slowMs),
      stream: z.boolean(),
      completion: z.boolean().optional(),
      lang: oneOf(LANGS, () => m.langRule),
    })
    .superRefine((r, ctx) => {
      // The OAuth client secret is the run's credential; without one the token call cannot be made.
      if (r.oauth && r.credential.kind === 'none') ctx.addIssue({ code: 'custom', message: m.oauthSecret });
    });
}

const SCHEMAS = new Map<Lang, ReturnType<typeof schemaFor>>();
const schema = (lang: Lang) => {
  let s = SCHEMAS.get(lang);
  if (!s) SCHEMAS.set(lang, (s = schemaFor(REQUEST_MESSAGES[lang])));
  return s;
};

/** The first problem, as one sentence. Our own rules carry their sentence; zod's shape errors get the field's path. */
function describe(error: z.ZodError, m: RequestMessages): string {
  const issue = error.issues[0];
  if (!issue) return m.invalid;
  if (issue.code === 'custom') return issue.message;
  const field = issue.path.join('.');
  return field ? `${field}: ${issue.message}` : m.invalid;
}

/**
 * Validates a request from any face. Messages are in `lang`, or in the language the request asks
 * for (English when that is unreadable too): the wizard shows them inline, the CLI prints them as
 * its one-line usage error.
 */
export function validateDiagnosisRequest(input: unknown, lang?: Lang): Result<DiagnosisRequest> {
  const asked = (input as { lang?: unknown } | null)?.lang;
  const l: Lang = lang ?? (asked === 'zh-CN' ? 'zh-CN' : 'en');
  const r = schema(l).safeParse(input);
  if (!r.success) return err('bad-input', describe(r.error, REQUEST_MESSAGES[l]));
  const v = r.data;
  return ok({ ...v, url: v.url.trim() } as DiagnosisRequest);
}
