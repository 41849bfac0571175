import { describe, expect, it } from 'vitest';
import { en } from '../../../src-renderer/lib/i18n/en.js';
import { zhCN } from '../../../src-renderer/lib/i18n/zh-CN.js';
import { detectLang, format } from '../../../src-renderer/lib/i18n/format.js';

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('wizard catalogues', () => {
  it('English and Simplified Chinese have exactly the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message has the same parameters in both languages, and no empty text', () => {
    for (const [key, text] of Object.entries(en)) {
      const zh = zhCN[key as keyof typeof en];
      expect(params(zh), key).toEqual(params(text));
      expect(text.trim(), key).not.toBe('');
      expect(zh.trim(), key).not.toBe('');
    }
  });

  it('Chinese texts are Chinese: each one that has words has CJK characters', () => {
    // Names of things (DNS, TLS, API Doctor, a placeholder URL) are the same in both; punctuation has no words.
    const same = new Set(['punct.colon', 'app.name', 'step.dns', 'step.tls', 'target.url.placeholder', 'target.dns.placeholder', 'report.phase.dns', 'report.phase.connect', 'report.phase.ssl']);
    for (const [key, zh] of Object.entries(zhCN)) {
      if (same.has(key)) continue;
      expect(zh, key).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('language choice', () => {
  it('follows the OS locale unless the user chose', () => {
    expect(detectLang(null, ['zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLang(null, ['zh-TW'])).toBe('zh-CN');
    expect(detectLang(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(detectLang(null, ['fr'])).toBe('en');
    expect(detectLang('en', ['zh-CN'])).toBe('en');
    expect(detectLang('xx', ['zh-CN'])).toBe('zh-CN');
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(format('Saved as {name} ({fingerprint})', { name: 'prod', fingerprint: 'sk-…9f2c' })).toBe('Saved as prod (sk-…9f2c)');
    expect(format('Version {v}', {})).toBe('Version {v}');
    expect(format('{n} {n|sample|samples}', { n: 1 })).toBe('1 sample');
    expect(format('{n} {n|sample|samples}', { n: 0 })).toBe('0 samples');
    expect(format('{n} {n|sample|samples}', { n: 20 })).toBe('20 samples');
  });
});
