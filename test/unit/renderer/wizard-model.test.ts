import { describe, expect, it } from 'vitest';
import { STAGES as RENDERER_STAGES } from '../../../src-renderer/lib/stages.js';
import { STAGES } from '../../../src-main/common/stages.js';
import { detectProvider } from '../../../src-renderer/lib/provider.js';
import { resolveProvider } from '../../../src-main/engine/target.js';
import { defaultRequest } from '../../../src-main/common/request.js';
import { stepStatus } from '../../../src-renderer/wizard/step-status.js';
import { loadRecent, rememberTarget, scrubUrl } from '../../../src-renderer/lib/recent-targets.js';

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

describe('renderer copies of main data', () => {
  it('stage order matches the contract', () => {
    expect(RENDERER_STAGES).toEqual([...STAGES]);
  });

  it('the provider guess matches the engine for every known host', () => {
    for (const url of ['https://api.openai.com/v1', 'https://open.bigmodel.cn/api/paas/v4', 'https://api.z.ai/x', 'https://api.anthropic.com/v1/messages', 'https://me.openai.azure.com/openai', 'https://example.com', 'not a url']) {
      const engine = (() => {
        try {
          return resolveProvider(defaultRequest(url), new URL(url));
        } catch {
          return 'generic';
        }
      })();
      expect(detectProvider(url), url).toBe(engine);
    }
  });
});

describe('step status', () => {
  it('is the worst of its stages, and not reached when all were skipped', () => {
    const v = (status: 'running' | 'pass' | 'warn' | 'fail' | 'skipped') => ({ status, durationMs: 1, reason: null });
    expect(stepStatus(['environment', 'proxy', 'tcp'], {})).toBe('idle');
    expect(stepStatus(['environment', 'proxy', 'tcp'], { environment: v('pass'), proxy: v('running') })).toBe('running');
    expect(stepStatus(['environment', 'proxy', 'tcp'], { environment: v('pass'), proxy: v('warn'), tcp: v('fail') })).toBe('fail');
    expect(stepStatus(['http', 'auth'], { http: v('pass'), auth: v('warn') })).toBe('warn');
    const blocked = { status: 'skipped' as const, durationMs: 0, reason: 'tcp failed: ECONNREFUSED' };
    expect(stepStatus(['http', 'auth'], { http: blocked, auth: blocked })).toBe('skipped');
    expect(stepStatus(['http', 'auth'], { http: v('pass'), auth: v('pass') })).toBe('pass');
  });
});

describe('recent targets', () => {
  it('never keep a secret: no userinfo, key-like query values blanked, only the credential name', () => {
    expect(scrubUrl('https://user:pw@api.example.com/v1?api_key=sk-123&model=x&token=abc')).toBe('https://api.example.com/v1?api_key=&model=x&token=');
    const s = new MemoryStorage();
    rememberTarget(s, { url: 'https://u:p@a.test/x?key=SECRET', method: 'POST', provider: 'auto', credential: { kind: 'env', variable: 'MY_KEY' } });
    const stored = s.items.get('api-doctor.recent-targets')!;
    expect(stored).not.toContain('SECRET');
    expect(stored).not.toContain('u:p');
    expect(loadRecent(s)).toEqual([{ url: 'https://a.test/x?key=', method: 'POST', provider: 'auto', credential: { kind: 'env', variable: 'MY_KEY' } }]);
  });

  it('keeps the newest first, without duplicates, at most 8, and survives garbage', () => {
    const s = new MemoryStorage();
    for (let i = 0; i < 12; i++) rememberTarget(s, { url: `https://a.test/${i % 10}`, method: 'GET', provider: 'auto', credential: { kind: 'none' } });
    const list = loadRecent(s);
    expect(list).toHaveLength(8);
    expect(list[0]!.url).toBe('https://a.test/1');
    expect(new Set(list.map((x) => x.url)).size).toBe(8);
    s.items.set('api-doctor.recent-targets', '{not json');
    expect(loadRecent(s)).toEqual([]);
  });
});
