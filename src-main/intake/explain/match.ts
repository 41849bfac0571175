import type { FindingCode } from '../../common/codes.js';
import type { Lang } from '../../common/report.js';
import { redactUrl, scrubPatterns } from '../../engine/redact-patterns.js';
import { parseErrorBody } from '../../engine/providers/error-body.js';
import { PROVIDERS, type ProviderProfile } from '../../engine/providers/index.js';
import type { CredentialPlan } from '../../engine/auth/plan.js';
import { judgeAnswer } from '../../engine/http/answer-finding.js';
import type { AnswerSummary } from '../../engine/http/types.js';
import { GENERIC_ROWS, KNOWLEDGE, type Confirm } from './table.js';

/** `explain --json`, exactly as the contract names it. */
export interface Explanation {
  matches: { code: FindingCode; confidence: number; why: string }[];
  next: string;
}

/** A traceback can be long; the part that names the cause is never megabytes away. */
export const MAX_EXPLAIN_CHARS = 200_000;
const MAX_MATCHES = 5;

/** Which run confirms the guess, as a command (the wizard's matching step is named too). */
function nextStep(confirm: Confirm | null, target: string | null, lang: Lang): string {
  const url = target ?? '<url>';
  const zh = lang === 'zh-CN';
  const run = `api-doctor diagnose ${url}`;
  switch (confirm) {
    case 'proxy':
      return zh ? `运行 ${run}：代理阶段（向导的"代理"步骤）会说明使用了哪个代理、来自哪里、能否连通。` : `Run ${run}: the proxy stage (wizard step "Proxy") says which proxy applies, where it came from, and whether it answers.`;
    case 'dns':
      return zh ? `运行 ${run} --reference-dns <解析器IP>：DNS 阶段（向导的"DNS"步骤）会给出每个解析器的应答。` : `Run ${run} --reference-dns <resolver IP>: the DNS stage (wizard step "DNS") shows what each resolver answers.`;
    case 'tcp':
      return zh ? `运行 ${run}：TCP 阶段（向导的"网络"步骤）会对每个解析出的地址分别尝试连接。` : `Run ${run}: the TCP stage (wizard step "Network") tries each resolved address and says which fail and how.`;
    case 'tls':
      return zh ? `运行 ${run}：TLS 阶段（向导的"TLS"步骤）会给出证书链、签发者以及哪些信任库接受它。` : `Run ${run}: the TLS stage (wizard step "TLS") shows the chain, its issuer, and which trust stores accept it.`;
    case 'http':
      return zh ? `运行 ${run}：HTTP 阶段（向导的"HTTP"步骤）会显示实际收到的响应。` : `Run ${run}: the HTTP stage (wizard step "HTTP") shows the response that actually came back.`;
    case 'auth':
      return zh ? `运行 ${run} --token-env <变量名>：认证阶段（向导的"认证"步骤）会检查密钥的格式、所属服务商以及服务器的答复。` : `Run ${run} --token-env <VAR>: the auth stage (wizard step "Auth") checks the key's format, its provider and the server's answer.`;
    case 'server':
      return zh ? `运行 ${run} --token-env <变量名>：服务器阶段（向导的"服务器"步骤）会读取响应体和限流响应头，区分限流与额度耗尽。` : `Run ${run} --token-env <VAR>: the server stage (wizard step "Server") reads the body and rate-limit headers and tells a rate limit from an exhausted quota.`;
    case 'stream':
      return zh ? `运行 ${run} --stream：会检查流式响应是否完整结束。` : `Run ${run} --stream: it checks that a streamed answer reaches its end.`;
    case 'timeout':
      return zh ? `运行 ${run}：计时条会显示时间花在哪个阶段（连接、TLS 还是等待首字节）。` : `Run ${run}: the timing bar shows which phase the time goes to (connect, TLS, or waiting for the first byte).`;
    case 'clients':
      return zh ? `运行 ${run}：报告中的客户端对照会显示 curl、Node 和 Python 各自是否使用代理以及结果。` : `Run ${run}: the report compares clients (curl, Node, Python): whether each uses the proxy, and what each gets.`;
    case 'cause':
      return zh ? `粘贴完整的回溯（包括 "The above exception was the direct cause" 之前的部分），或运行 ${run} 逐层检查。` : `Paste the whole traceback (including the part before "The above exception was the direct cause"), or run ${run} to check each layer.`;
    default:
      return zh ? `没有认出这段文字。运行 ${run}，它会逐层（代理、DNS、TCP、TLS、HTTP、认证、服务器）检查。` : `Nothing here is recognised. Run ${run}: it checks each layer (proxy, DNS, TCP, TLS, HTTP, auth, server) in turn.`;
  }
}

/** The URL (or host) the error names, secrets redacted, for the suggested command. */
export function targetOf(text: string): string | null {
  // Providers' messages link their docs and consoles ("You can find your API key at
  // https://platform.openai.com/account/api-keys"): those are not the URL that failed.
  const url = [...text.matchAll(/\bhttps?:\/\/[^\s"'<>`\\)\]]+/gi)].map((m) => m[0]).find((u) => !isDocsUrl(u));
  if (url) {
    try {
      const u = new URL(url.replace(/[.,;:]+$/, ''));
      return redactUrl(`${u.origin}${u.pathname.replace(/\/{2,}/g, '/')}`);
    } catch {
      // not a URL after all
    }
  }
  const host =
    /host='([a-z0-9.-]+\.[a-z]{2,})'/i.exec(text)?.[1] ??
    /Cannot connect to host ([a-z0-9.-]+\.[a-z]{2,}):/i.exec(text)?.[1] ??
    /(?:ENOTFOUND|EAI_AGAIN|resolve host:?|Unable to resolve host) "?([a-z0-9.-]+\.[a-z]{2,})/i.exec(text)?.[1] ??
    /Failed to connect to ([a-z0-9.-]+\.[a-z]{2,})/i.exec(text)?.[1] ??
    null;
  return host ? `https://${host.toLowerCase()}` : null;
}

/** "Incorrect API key provided: sk-…", "invalid x-api-key": the server saw a key, so "none was sent" is no reading. */
const keySeen = (text: string): boolean => /\b(?:incorrect|invalid|wrong|expired|revoked)\b[^.\n]{0,20}\b(?:api[ _-]?key|x-api-key|token)\b/i.test(text);

/** A provider's documentation, console or help page, as quoted in its error messages. */
const isDocsUrl = (u: string): boolean =>
  /^https?:\/\/(?:platform\.openai\.com|help\.openai\.com|docs\.[^/]+|console\.[^/]+|github\.com|open\.bigmodel\.cn\/(?:dev|usercenter)|learn\.microsoft\.com)(?:[/:?#]|$)/i.test(u) ||
  /^https?:\/\/[^/]+\/(?:docs|account|settings|billing|usercenter)(?:[/?#]|$)/i.test(u);

/** The HTTP status an SDK or relay printed with the body ("Error code: 429", "401 {", "status 503"). */
function statusOf(text: string): number | null {
  const m =
    /(?:Error code|status(?: code)?|HTTP\/[\d.]+|API Error \(|Error: |\[)\s*:?\s*([1-5]\d\d)\b/i.exec(text) ??
    /\b([45]\d\d) [-–]? ?[{[]/.exec(text) ??
    /"status"\s*:\s*([1-5]\d\d)/.exec(text);
  return m ? Number(m[1]) : null;
}

/** The first JSON-ish object in the text (JSON, or a Python dict repr), parsed; null if none. */
export function embeddedBody(text: string): string | null {
  for (let start = text.indexOf('{'), tries = 0; start >= 0 && tries < 20; start = text.indexOf('{', start + 1), tries++) {
    let depth = 0;
    let inStr: string | null = null;
    for (let i = start; i < text.length && i - start < 50_000; i++) {
      const c = text[i]!;
      if (inStr) {
        if (c === '\\') i++;
        else if (c === inStr) inStr = null;
        continue;
      }
      if (c === '"' || c === "'") inStr = c;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        const raw = text.slice(start, i + 1);
        for (const candidate of [raw, pythonToJson(raw)]) {
          try {
            JSON.parse(candidate);
            return candidate;
          } catch {
            // try the next reading
          }
        }
        break;
      }
    }
  }
  return null;
}

/** `{'a': None, 'b': 'it''s'}` → JSON. Good enough for the bodies SDKs print; anything else stays unparsed. */
function pythonToJson(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "'" || c === '"') {
      const q = c;
      let j = i + 1;
      let str = '';
      while (j < s.length && s[j] !== q) {
        if (s[j] === '\\' && j + 1 < s.length) {
          str += s[j + 1] === q ? q : s[j]! + s[j + 1]!;
          j += 2;
          continue;
        }
        str += s[j];
        j++;
      }
      out += JSON.stringify(str);
      i = j;
      continue;
    }
    const word = /^(None|True|False)\b/.exec(s.slice(i));
    if (word) {
      out += word[1] === 'None' ? 'null' : word[1] === 'True' ? 'true' : 'false';
      i += word[1]!.length - 1;
      continue;
    }
    out += c;
  }
  return out;
}

/** How the pasted call was most likely sent: with a key, as Bearer (what SDKs do). */
const NO_KEY: CredentialPlan = { source: 'none', sentAs: null, headerName: null, scheme: null, fingerprint: null, problem: null, withheld: false, withheldReason: null, placement: null };
const SENT_WITH_KEY: CredentialPlan = { source: 'credential', sentAs: 'Bearer (Authorization header)', headerName: 'authorization', scheme: 'bearer', fingerprint: null, problem: null, withheld: false, withheldReason: null, placement: { kind: 'bearer' } };

/**
 * What the answer in the text means, judged by the engine itself: the provider tables read the
 * body (the most specific reading wins — the provider the text's host belongs to, then one whose
 * reason names the body's own code or type: Zhipu's 1113 is "arrears" though it comes as 429),
 * then the same judge a live run uses turns status + body into a code (WAF pages, wrong base
 * URLs, content filters, 5xx…).
 */
function providerMatches(text: string, lang: Lang, target: string | null): { code: FindingCode; confidence: number; why: string }[] {
  const body = embeddedBody(text);
  const status = statusOf(text);
  // 407 is the proxy's answer, not the API's: the knowledge table reads it (PROXY_AUTH_REQUIRED).
  if ((!body && status === null) || status === 407) return [];
  const err = body ? parseErrorBody(body) : null;
  let host: URL | null = null;
  try {
    host = target ? new URL(target) : null;
  } catch {
    host = null;
  }
  let best: { score: number; profile: ProviderProfile; why: string | null; code: FindingCode | null } | null = null;
  for (const p of PROVIDERS) {
    const meaning = p.meaning(status ?? 0, err);
    const score = (host !== null && p.matches(host) ? 4 : 0) + (meaning ? 1 : 0) + (meaning && err?.code && meaning.reason.includes(err.code) ? 2 : 0) + (meaning && err?.type && meaning.reason.includes(err.type) ? 1 : 0) - (p.id === 'generic' ? 0.5 : 0);
    if (best && score <= best.score) continue;
    const reason = meaning ? (lang === 'zh-CN' ? (meaning.reasonZh ?? meaning.reason) : meaning.reason) : null;
    const who = p.id === 'generic' ? (lang === 'zh-CN' ? '响应体' : 'the response body') : p.name;
    best = { score, profile: p, why: reason ? (lang === 'zh-CN' ? `${who}：${reason}` : `${who}: ${reason}`) : null, code: meaning?.code ?? null };
  }
  if (!best) return [];
  const url = host?.href ?? 'https://api.invalid/';
  const answer: AnswerSummary = { url, method: 'POST', status: status ?? 400, statusText: '', headers: {}, contentType: body ? 'application/json' : null, bodyText: body ?? '', bodyTruncated: false, html: false, title: null, receivedAt: Date.now(), serverIp: null, ttfbMs: null, requestBytes: 0 };
  // Whether the call carried a key is not in the text: judge it both ways. "No key seen" with a
  // key sent is a scheme mismatch, without one it is a missing key; both stay, the likelier first.
  const withKey = judgeAnswer(answer, SENT_WITH_KEY, best.profile)?.code ?? null;
  // "Incorrect API key provided: sk-…", "invalid x-api-key": the server saw a key, so "none sent" is no reading.
  const noKey = keySeen(text) ? null : (judgeAnswer(answer, NO_KEY, best.profile)?.code ?? null);
  // Without a status the judge would assume one; the provider's own reading of the body is then the better guide.
  const top = status === null && best.code ? best.code : withKey === 'AUTH_SCHEME_MISMATCH' && noKey ? noKey : (withKey ?? noKey);
  if (!top) return [];
  const conf = status !== null && body ? 0.9 : body ? 0.75 : 0.6;
  const why = best.why ?? (lang === 'zh-CN' ? `HTTP ${answer.status}：见 ${top}` : `HTTP ${answer.status}: see ${top}`);
  const out = [{ code: top, confidence: conf, why }];
  // The other reading gets its own reason: the body's reason names the likelier one.
  const whyOther = (other: FindingCode): string =>
    other === noKey
      ? lang === 'zh-CN' ? `如果请求根本没有带密钥：HTTP ${answer.status} 即表示缺少凭据。` : `If the call carried no key at all, HTTP ${answer.status} means the credential is missing.`
      : lang === 'zh-CN' ? `如果请求带了密钥：HTTP ${answer.status} 表示密钥或其发送方式不被接受（见 ${other}）。` : `If the call carried a key, HTTP ${answer.status} means the key or the way it was sent was not accepted (see ${other}).`;
  for (const other of [withKey, noKey]) if (other && other !== top && !out.some((o) => o.code === other)) out.push({ code: other, confidence: Math.round(conf * 60) / 100, why: whyOther(other) });
  return out;
}

/**
 * An error text → the likely codes (most likely first, at most five), why, and the run that
 * confirms it. Pure and total: any input gives an answer, never an exception.
 */
export function explainText(input: string, lang: Lang = 'en'): Explanation {
  const text = input.length > MAX_EXPLAIN_CHARS ? input.slice(0, MAX_EXPLAIN_CHARS) : input;
  const target = targetOf(text);
  const best = new Map<FindingCode, { confidence: number; why: string; order: number }>();
  let nextFrom: { confirm: Confirm; confidence: number } | null = null;
  const offer = (code: FindingCode, confidence: number, why: string, order: number) => {
    const had = best.get(code);
    if (!had || confidence > had.confidence) best.set(code, { confidence, why, order });
  };
  let order = 0;
  for (const m of providerMatches(text, lang, target)) {
    offer(m.code, m.confidence, m.why, order++);
    nextFrom = { confirm: m.code.startsWith('AUTH') ? 'auth' : m.code.startsWith('HTTP') ? 'http' : 'server', confidence: m.confidence };
  }
  const hits = KNOWLEDGE.filter((row) => row.re.test(text));
  const specific = best.size > 0 || hits.some((row) => !GENERIC_ROWS.has(row.id) && row.codes.some(([, c]) => c >= 0.5));
  for (const row of hits) {
    if (specific && GENERIC_ROWS.has(row.id)) continue;
    for (const [code, confidence] of row.codes) offer(code, confidence, row.why[lang], order++);
    const top = Math.max(...row.codes.map(([, c]) => c));
    if (!nextFrom || top > nextFrom.confidence) nextFrom = { confirm: row.confirm, confidence: top };
  }
  if (keySeen(text)) best.delete('AUTH_MISSING');
  const matches = [...best.entries()]
    .sort((a, b) => b[1].confidence - a[1].confidence || a[1].order - b[1].order)
    .slice(0, MAX_MATCHES)
    .map(([code, v]) => ({ code, confidence: v.confidence, why: scrubPatterns(v.why) }));
  return { matches, next: scrubPatterns(nextStep(nextFrom?.confirm ?? null, target, lang)) };
}
