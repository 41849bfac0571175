import type { Lang, Report } from '../common/report.js';
import { certRole, certValidity, keyAlgorithm, type CertStoreTrust, type CertValidity, type CertView, type TlsCertificates } from '../common/tls-view.js';

/** The certificate section (report.tls) for report.md and, when the verdict is about TLS, the terminal. */
const W = {
  en: {
    title: 'TLS certificates',
    verified: (p: string) => `Verified with the CA file ${p}`,
    role: { leaf: 'server certificate', intermediate: 'intermediate', root: 'root' },
    fromStore: 'from the trust store; the server may not have sent it',
    selfSigned: 'self-signed',
    issuer: 'issued by',
    names: 'names',
    valid: 'valid',
    key: 'key',
    days: (v: CertValidity): string => {
      const n = v.days;
      const s = n === 1 ? '' : 's';
      if (v.state === 'expired') return n === 0 ? 'expired today' : `expired ${n} day${s} ago`;
      if (v.state === 'not-yet') return `not valid for ${n} more day${s}`;
      return n === 0 ? 'expires today' : `${n} day${s} left`;
    },
    stores: 'Trust stores',
    trusts: { yes: 'trusts it', no: 'does not trust it', unknown: 'unknown' },
    store: { 'node-bundled': 'Node.js bundled roots', 'node-extra': 'NODE_EXTRA_CA_CERTS', os: 'operating system store', certifi: 'certifi (Python)', 'ca-file': 'the CA file of this run', file: 'CA file from a variable' },
  },
  'zh-CN': {
    title: 'TLS 证书',
    verified: (p: string) => `校验时使用的 CA 文件：${p}`,
    role: { leaf: '服务器证书', intermediate: '中间证书', root: '根证书' },
    fromStore: '来自信任库，服务器可能没有发送它',
    selfSigned: '自签名',
    issuer: '签发者',
    names: '名称',
    valid: '有效期',
    key: '密钥',
    days: (v: CertValidity): string => {
      if (v.state === 'expired') return v.days === 0 ? '今天已过期' : `已过期 ${v.days} 天`;
      if (v.state === 'not-yet') return `还有 ${v.days} 天才生效`;
      return v.days === 0 ? '今天到期' : `剩余 ${v.days} 天`;
    },
    stores: '信任库',
    trusts: { yes: '信任', no: '不信任', unknown: '未知' },
    store: { 'node-bundled': 'Node.js 内置根证书', 'node-extra': 'NODE_EXTRA_CA_CERTS 环境变量', os: '操作系统信任库', certifi: 'certifi 证书包（Python）', 'ca-file': '本次诊断的 CA 文件', file: '环境变量指定的 CA 文件' },
  },
} as const;

const keyName = (c: CertView, lang: Lang): string => [keyAlgorithm(c), c.keyBits !== undefined ? (lang === 'zh-CN' ? `${c.keyBits} 位` : `${c.keyBits} bits`) : ''].filter((x) => x !== '').join(' · ');
const day = (iso: string) => iso.slice(0, 10);

function certLines(t: TlsCertificates, lang: Lang): { head: string; facts: string[] }[] {
  const w = W[lang];
  const colon = lang === 'zh-CN' ? '：' : ': ';
  return t.chain.map((c, i) => {
    const tags = [w.role[certRole(t.chain, i)], c.selfSigned ? w.selfSigned : '', c.inTrustStore ? w.fromStore : ''].filter((x) => x !== '');
    const v = certValidity(c.validFrom, c.validTo, t.checkedAt);
    const facts = [
      `${w.issuer}${colon}${c.issuer}`,
      ...(i === 0 && c.names.length > 0 ? [`${w.names}${colon}${c.names.join(', ')}`] : []),
      `${w.valid}${colon}${day(c.validFrom)} – ${day(c.validTo)}${v ? (lang === 'zh-CN' ? `（${w.days(v)}）` : ` (${w.days(v)})`) : ''}`,
      ...(keyName(c, lang) ? [`${w.key}${colon}${keyName(c, lang)}`] : []),
      `SHA-256: ${c.fingerprint256}`,
    ];
    return { head: `${c.subject} [${tags.join(', ')}]`, facts };
  });
}

const storeName = (s: CertStoreTrust, lang: Lang) => (s.store.startsWith('file:') ? W[lang].store.file : W[lang].store[s.store as keyof (typeof W)['en']['store']]);
const verdict = (s: CertStoreTrust, lang: Lang) => W[lang].trusts[s.trusts === true ? 'yes' : s.trusts === false ? 'no' : 'unknown'];

const esc = (s: string) => s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);

export function certificatesMarkdown(r: Report, lang: Lang): string[] {
  const t = r.tls;
  if (!t || t.chain.length === 0) return [];
  const w = W[lang];
  const L = [`## ${w.title}`, ''];
  if (t.caFile) L.push(esc(w.verified(t.caFile)), '');
  certLines(t, lang).forEach((c, i) => L.push(`${i + 1}. **${esc(c.head)}**`, ...c.facts.map((f) => `   - ${esc(f)}`)));
  L.push('');
  if (t.stores.length > 0) {
    L.push(`| ${w.stores} | | |`, '| --- | --- | --- |');
    for (const s of t.stores) L.push(`| ${esc(storeName(s, lang))} | ${verdict(s, lang)} | ${esc(s.source ?? '—')}${s.trusts === null && s.reason ? ` (${esc(s.reason)})` : ''} |`);
    L.push('');
  }
  return L;
}

/** For the terminal: only when the verdict is about TLS (elsewhere the chain is noise). */
export function certificatesText(r: Report, lang: Lang, leadStage: string | null, bold: (s: string) => string = (s) => s): string[] {
  const t = r.tls;
  if (!t || t.chain.length === 0 || leadStage !== 'tls') return [];
  const w = W[lang];
  const out = [bold(w.title)];
  if (t.caFile) out.push(`  ${w.verified(t.caFile)}`);
  for (const c of certLines(t, lang)) out.push(`  ${c.head}`, ...c.facts.map((f) => `      ${f}`));
  if (t.stores.length > 0) out.push(`  ${w.stores}${lang === 'zh-CN' ? '：' : ': '}${t.stores.map((s) => `${storeName(s, lang)} ${s.trusts === true ? '✓' : s.trusts === false ? '✗' : '?'}`).join(' · ')}`);
  return [...out, ''];
}
