import type { FindingCode } from '../../common/codes.js';
import type { Evidence, Lang, Verdict } from '../../common/report.js';
import type { CodeText, Explanation } from './types.js';
import { environmentTexts } from './environment.js';
import { proxyTexts } from './proxy.js';
import { dnsTexts } from './dns.js';
import { tcpTexts } from './tcp.js';
import { tlsTexts } from './tls.js';
import { httpTexts } from './http.js';
import { authTexts } from './auth.js';
import { serverTexts } from './server.js';

/** Every code's text, one file per stage; test/unit/report/explain.test.ts checks none is missing. */
export const TEXTS: Partial<Record<FindingCode, CodeText>> = {
  ...environmentTexts,
  ...proxyTexts,
  ...dnsTexts,
  ...tcpTexts,
  ...tlsTexts,
  ...httpTexts,
  ...authTexts,
  ...serverTexts,
};

export function explain(code: FindingCode, evidence: Evidence, lang: Lang): Explanation {
  const text = TEXTS[code];
  if (!text) return { title: code, detail: JSON.stringify(evidence), fixes: [] };
  return text[lang](evidence);
}

const HEADLINES = {
  en: {
    healthy: 'Every check passed: the API answered correctly from here.',
    degraded: (title: string) => `Calls work, but: ${title}`,
    cancelled: 'Cancelled: the diagnosis was stopped before it finished; the unfinished checks were not judged.',
    cancelledAfter: (title: string) => `Cancelled before the end; found before that: ${title}`,
    notChecked: (what: string) => `No problem found in what could be checked; not checked: ${what}`,
    caFileOnly: (client: string, failing: string) =>
      `Every check passed with the CA file you chose; ${client}'s own trust store does not accept this certificate, so without that CA ${failing} fail (see the client matrix).`,
  },
  'zh-CN': {
    healthy: '所有检查均已通过：从本机可以正常访问该 API。',
    degraded: (title: string) => `调用可以成功，但存在问题：${title}`,
    cancelled: '已取消：诊断在完成前被停止，未完成的检查没有作出判断。',
    cancelledAfter: (title: string) => `已在完成前取消；取消前发现：${title}`,
    notChecked: (what: string) => `已检查的部分未发现问题；未检查：${what}`,
    caFileOnly: (client: string, failing: string) => `所有检查均已通过，但这是借助你选择的 CA 文件判断的：${client} 自己的信任库不接受该证书，没有这个 CA 时 ${failing} 会失败（见客户端矩阵）。`,
  },
} as const;

/**
 * The healthy headline of a run trusted only through --ca-file (summary.caFileOnly): the clients
 * would not have that CA, and their rows say they fail, so the headline must not say "all is well" alone.
 */
export function caFileHeadline(client: string, clients: readonly { id: string; outcome: string; code: string | null }[] | undefined, lang: Lang): string {
  const failing = (clients ?? []).filter((c) => c.outcome === 'fail' && (c.code === 'TLS_UNTRUSTED_CERT' || c.code === 'TLS_OS_TRUST_ONLY')).map((c) => c.id);
  const names = failing.length > 0 ? failing.join(lang === 'zh-CN' ? '、' : ', ') : client;
  return HEADLINES[lang].caFileOnly(client, names);
}

/** The healthy headline when some check could not run: says which, and why. */
export const notCheckedHeadline = (what: string, lang: Lang): string => HEADLINES[lang].notChecked(what);

/** The report's one-sentence summary: the root cause's title, or why all is well. */
export function headline(verdict: Verdict, title: string | null, lang: Lang): string {
  const h = HEADLINES[lang];
  if (verdict === 'cancelled') return title === null ? h.cancelled : h.cancelledAfter(title);
  if (verdict === 'healthy' || title === null) return h.healthy;
  return verdict === 'degraded' ? h.degraded(title) : title;
}
