import { describe, expect, it } from 'vitest';
import { planCredential } from '../../../src-main/engine/auth/plan.js';
import { defaultRequest } from '../../../src-main/common/request.js';
import type { Evidence } from '../../../src-main/common/report.js';
import { profileById } from '../../../src-main/engine/providers/index.js';
import { Redactor } from '../../../src-main/engine/redact.js';
import { Secret, fingerprint } from '../../../src-main/engine/secret.js';
import { explain } from '../../../src-main/report/explain/index.js';

// The 401 malformed-key report (issue #15 item 4): the fingerprint survives the report's redaction
// and reads the same in both languages, the title names the variable and what is wrong, and each
// fix removes exactly that thing.
const KEY = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123';
const CLEAN_FP = 'sk-proj-…0123';

/** The AUTH_MALFORMED evidence as the report carries it: planned, then scrubbed by the run's redactor. */
function reported(value: string, credential: 'env' | 'keychain' | 'header' = 'env'): Evidence {
  const redactor = new Redactor();
  const url = new URL('https://api.openai.com/v1/models');
  const secret = credential === 'header' ? null : new Secret(value);
  redactor.add(secret);
  const ref = credential === 'env' ? { kind: 'env' as const, variable: 'OPENAI_API_KEY' } : credential === 'keychain' ? { kind: 'keychain' as const, name: 'work-openai' } : { kind: 'none' as const };
  const headers = credential === 'header' ? [{ name: 'Authorization', value }] : [];
  const request = { ...defaultRequest(url.href, { headers }), credential: ref };
  const p = planCredential({ request, url, provider: profileById('openai'), credential: secret, oauthToken: null, redactor, tlsTrusted: true, now: Date.parse('2026-06-01T00:00:00Z') });
  expect(p.plan.problem?.code).toBe('AUTH_MALFORMED');
  expect(p.headers).toEqual([]);
  return redactor.scrubDeep(p.plan.problem!.evidence);
}
const texts = (e: Evidence) => ({ en: explain('AUTH_MALFORMED', e, 'en'), zh: explain('AUTH_MALFORMED', e, 'zh-CN') });
const all = (t: { title: string; detail: string; fixes: string[] }) => [t.title, t.detail, ...t.fixes].join('\n');

describe('AUTH_MALFORMED in words', () => {
  it.each([
    ['double quotes', `"${KEY}"`],
    ['single quotes', `'${KEY}'`],
    ['a trailing newline', `${KEY}\n`],
    ['a CRLF and spaces', ` ${KEY}\r\n`],
    ['a doubled Bearer', `Bearer ${KEY}`],
  ])('%s: the fingerprint of the key survives redaction, the same in en and zh-CN', (_, value) => {
    const e = reported(value);
    expect(e.credential).toBe(CLEAN_FP);
    const { en, zh } = texts(e);
    for (const t of [en, zh]) {
      expect(t.detail).toContain(CLEAN_FP);
      expect(all(t)).not.toContain('REDACTED');
      expect(all(t)).not.toContain(KEY);
    }
  });

  it('quotes: the title names the variable and the quotes; the fix removes quotes, not line breaks', () => {
    const { en, zh } = texts(reported(`"${KEY}"`));
    expect(en.title).toBe('The key in $OPENAI_API_KEY is wrapped in quotes');
    expect(zh.title).toBe('环境变量 OPENAI_API_KEY 中的密钥被引号包住了');
    expect(en.fixes).toHaveLength(1);
    expect(en.fixes[0]).toContain('export OPENAI_API_KEY="${OPENAI_API_KEY//[\\"\\\']/}"');
    expect(all(en)).not.toMatch(/tr -d|line break/);
    expect(zh.fixes[0]).toContain('export OPENAI_API_KEY="${OPENAI_API_KEY//[\\"\\\']/}"');
  });

  it('a trailing newline is a line break, not "spaces around it", and its fix removes line breaks', () => {
    const { en } = texts(reported(`${KEY}\n`));
    expect(en.title).toBe('The key in $OPENAI_API_KEY contains a line break');
    expect(en.detail).not.toMatch(/spaces or tabs/);
    expect(en.fixes).toEqual([expect.stringContaining("export OPENAI_API_KEY=\"${OPENAI_API_KEY//[$'\\r\\n']/}\"")]);
    expect(all(en)).not.toMatch(/quote/i);
  });

  it('a doubled "Bearer ": the fix strips that prefix', () => {
    const { en, zh } = texts(reported(`Bearer ${KEY}`));
    expect(en.title).toBe('The key in $OPENAI_API_KEY already starts with "Bearer "');
    expect(en.fixes[0]).toContain('export OPENAI_API_KEY="${OPENAI_API_KEY#Bearer }"');
    expect(zh.title).toContain('已经以 "Bearer " 开头');
  });

  it('names a saved credential, or the header the user added, instead of a variable', () => {
    const saved = texts(reported(`"${KEY}"`, 'keychain'));
    expect(saved.en.title).toBe('The saved credential work-openai is wrapped in quotes');
    expect(saved.en.fixes[0]).toMatch(/save work-openai again in Credentials/);
    expect(all(saved.en)).not.toContain('export ');
    const header = texts(reported(KEY, 'header'));
    expect(header.en.title).toBe('The Authorization header you added has no "Bearer " scheme');
    expect(header.zh.title).toBe('你添加的 Authorization 请求头缺少 "Bearer " 认证方案');
    const twice = texts(reported(`Bearer Bearer ${KEY}`, 'header'));
    expect(twice.en.title).toBe('The Authorization header you added says "Bearer " twice');
    expect(twice.en.fixes).toEqual(['Write "Bearer " once: Authorization: Bearer <key>.']);
    expect(twice.en.detail).toContain(CLEAN_FP);
  });

  it('says the key was not sent (the plan withheld it) in both languages', () => {
    const { en, zh } = texts(reported(`"${KEY}"`));
    expect(en.detail).toMatch(/did not send it/);
    expect(zh.detail).toMatch(/没有发送它/);
  });

  it('names the first bad character in Chinese words on a Chinese screen', () => {
    const { zh } = texts(reported('sk-proj-AbCd\u200bEfGhIjKlMnOp0123'));
    expect(zh.detail).toContain('第 13 个字符 U+200B');
    expect(zh.detail).not.toContain('at position');
  });
});

describe('fingerprint', () => {
  it('is the key as its owner knows it: wrapping quotes, blanks and a doubled Bearer left out', () => {
    for (const v of [`"${KEY}"`, `'${KEY}'`, `\`${KEY}\``, ` ${KEY}\n`, `Bearer ${KEY}`, `\u200b${KEY}\ufeff`]) expect(fingerprint(v)).toBe(CLEAN_FP);
  });

  it('keeps the shape the redactor leaves alone, whatever the key ends with', () => {
    const r = new Redactor();
    for (const v of ['sk-AbCdEfGhIjKlMnOp-x+/=', 'AbCdEfGhIjKlMnOpQrSt<b>', 'AbCdEfGhIjKlMnOpQrSt"\'`x']) {
      r.add(v);
      const fp = fingerprint(v);
      expect(r.scrubDeep({ credential: fp })).toEqual({ credential: fp });
    }
    expect(fingerprint('AbCdEfGhIjKlMnOpQrSt<b>')).toBe('…t?b?');
  });
});

describe('AUTH_FORBIDDEN without a server message', () => {
  it('reads our meaning of the provider error in Chinese on a Chinese screen, and says it once', () => {
    const e = { url: 'https://api.openai.com/v1/models', status: 403, credentialSent: true, sentAs: 'Bearer (Authorization header)', credential: CLEAN_FP, reason: 'region not supported', providerMeaning: 'region not supported', providerMeaningZh: '不支持所在地区' };
    const zh = explain('AUTH_FORBIDDEN', e, 'zh-CN');
    expect(zh.detail).toContain('“不支持所在地区”');
    expect(zh.detail).not.toContain('region not supported');
    const en = explain('AUTH_FORBIDDEN', e, 'en');
    expect(en.detail.split('region not supported')).toHaveLength(2);
    // With the server's own words, those are quoted and our reading follows.
    const said = explain('AUTH_FORBIDDEN', { ...e, reason: 'Country, region, or territory not supported' }, 'zh-CN');
    expect(said.detail).toContain('“Country, region, or territory not supported”');
    expect(said.detail).toContain('（不支持所在地区）');
  });
});
