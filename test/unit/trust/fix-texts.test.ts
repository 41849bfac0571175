import { describe, expect, it } from 'vitest';
import { CODES, type FindingCode } from '../../../src-main/common/codes.js';
import type { Evidence } from '../../../src-main/common/report.js';
import { TEXTS, explain } from '../../../src-main/report/explain/index.js';

/**
 * Item 11: fix texts must not contradict the evidence. Every code's texts are rendered against its
 * example evidence and, where the evidence names a host or an address, against loopback variants
 * (127.0.0.1, ::1, localhost): no text may then tell the user to listen "not only on" that address,
 * nor show placeholders of missing evidence.
 */
const LOOPBACKS = ['127.0.0.1', '::1', 'localhost'];

function loopbackVariants(e: Evidence): { name: string; evidence: Evidence }[] {
  const out: { name: string; evidence: Evidence }[] = [];
  const hasAddr = Array.isArray(e.attempts) || typeof e.host === 'string' || typeof e.address === 'string';
  if (!hasAddr) return out;
  for (const lb of LOOPBACKS) {
    const v: Evidence = { ...e };
    if (typeof v.host === 'string') v.host = lb;
    if (typeof v.address === 'string') v.address = lb === 'localhost' ? '127.0.0.1' : lb;
    if (typeof v.url === 'string') v.url = v.url.replace(/\/\/[^/:]+/, `//${lb.includes(':') ? `[${lb}]` : lb}`);
    if (Array.isArray(e.attempts)) v.attempts = e.attempts.map((a) => (a && typeof a === 'object' && !Array.isArray(a) ? { ...a, address: lb === 'localhost' ? '127.0.0.1' : lb, family: lb === '::1' ? 6 : 4 } : a));
    out.push({ name: lb, evidence: v });
  }
  return out;
}

const codes = Object.keys(CODES) as FindingCode[];

describe.each(codes)('%s', (code) => {
  const example = TEXTS[code]?.example ?? {};
  const cases = [{ name: 'example', evidence: example }, ...loopbackVariants(example)];
  it.each(cases.flatMap((c) => (['en', 'zh-CN'] as const).map((lang) => ({ ...c, lang }))))('$name ($lang): fixes agree with the evidence', ({ name, evidence, lang }) => {
    const t = explain(code, evidence, lang);
    const all = [t.title, t.detail, ...t.fixes].join('\n');
    expect(all).not.toMatch(/\bundefined\b|\[object Object\]|\bNaN\b/);
    expect(t.fixes.length).toBeGreaterThan(0);
    if (name !== 'example') {
      const target = String(evidence.host ?? evidence.address ?? name);
      for (const lb of new Set([target, ...LOOPBACKS])) {
        expect(all, `${code} on ${name} tells to listen beyond ${lb}`).not.toContain(`not only on ${lb}`);
        expect(all).not.toContain(`只监听 ${lb}`);
      }
    }
  });
});

describe('TCP_TIMEOUT on this machine', () => {
  // The tour's screenshot of a full accept queue on 127.0.0.1 advised a company proxy and security groups.
  it.each(['en', 'zh-CN'] as const)('(%s) names the local program and firewall, not proxies, security groups or another network', (lang) => {
    const e = { host: '127.0.0.1', port: 8080, attempts: [{ address: '127.0.0.1', family: 4, ok: false, ms: 1000, error: 'ETIMEDOUT' }] };
    const t = explain('TCP_TIMEOUT', e, lang);
    const all = [t.detail, ...t.fixes].join('\n');
    expect(all).not.toMatch(/HTTPS_PROXY|security group|hotspot|not routed|安全组|热点|不可路由/);
    expect(all).toContain('8080');
    expect(explain('TCP_TIMEOUT', { ...e, host: 'api.example.com', attempts: [{ ...e.attempts[0], address: '203.0.113.7' }] }, lang).fixes.join(' ')).toMatch(/HTTPS_PROXY/);
  });
});
