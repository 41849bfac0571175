import { describe, expect, it } from 'vitest';
import { ensureTexts, explain, isNotCheckedReason, sayText, switchTexts, textsLoaded, catalogue } from '../../../src-renderer/lib/texts.js';

// The renderer's door to the text module (src-renderer/lib/texts.ts): each language is a chunk of
// its own, loaded when needed. Module state is shared, so the steps below run in order.
const EV = { host: 'api.example.com', port: 443, attempts: [] };

describe('renderer texts, one language at a time', () => {
  it('loads a language on demand; until it is there, the loaded one speaks (never a blank, never a throw)', async () => {
    expect(() => explain('TCP_REFUSED', EV, 'en')).toThrow(/ensureTexts/);
    await ensureTexts('en');
    expect(textsLoaded('en')).toBe(true);
    expect(textsLoaded('zh-CN')).toBe(false);
    expect(isNotCheckedReason({ code: 'run.notChecked', values: { items: 'stream' } })).toBe(true);
    expect(isNotCheckedReason('dns failed: ENOTFOUND')).toBe(false);
    expect(textsLoaded('zh-CN'), 'a question that is the same in every language loads nothing').toBe(false);
    // A report made in Chinese, shown before the Chinese texts are loaded: English meanwhile …
    expect(explain('TCP_REFUSED', EV, 'zh-CN').title).toBe('Connection refused on port 443');
    // … and asking started the load; once there, the same call speaks Chinese.
    await ensureTexts('zh-CN');
    expect(explain('TCP_REFUSED', EV, 'zh-CN').title).toBe('端口 443 拒绝连接');
    expect(explain('TCP_REFUSED', EV, 'en').title).toBe('Connection refused on port 443');
    expect(sayText({ code: 'environment.offline' }, 'zh-CN')).toBe('离线');
    expect(catalogue('zh-CN')['app.steps']).toBe('诊断步骤');
  });

  it('a language switch applies after its texts are there, and only the last switch asked for', async () => {
    const applied: string[] = [];
    switchTexts('zh-CN', () => applied.push('zh-CN'));
    switchTexts('en', () => applied.push('en'));
    await ensureTexts('en');
    await ensureTexts('zh-CN');
    await new Promise((r) => setTimeout(r, 0));
    expect(applied).toEqual(['en']);
  });
});
