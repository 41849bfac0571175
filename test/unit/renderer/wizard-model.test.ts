import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detectProvider } from '../../../src-main/common/providers.js';
import { resolveProvider } from '../../../src-main/engine/target.js';
import { defaultRequest } from '../../../src-main/common/request.js';
import { stepStatus } from '../../../src-renderer/wizard/step-status.js';
import { ensureTexts } from '../../../src-renderer/lib/texts.js';
import { loadRecent, rememberTarget, scrubUrl } from '../../../src-renderer/lib/recent-targets.js';

// Step states read reasons through the renderer's texts, which the app loads before it mounts.
beforeAll(() => ensureTexts('en'));

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

describe('the renderer keeps no copies of main data', () => {
  it("the provider guess the wizard shows is the engine's, for every known host (Azure AI Services too)", () => {
    const urls = [
      'https://api.openai.com/v1', 'https://open.bigmodel.cn/api/paas/v4', 'https://api.z.ai/x', 'https://api.anthropic.com/v1/messages', 'https://me.openai.azure.com/openai',
      'https://me.cognitiveservices.azure.com/openai/deployments/gpt-4o/chat/completions', 'https://me.services.ai.azure.com/models', 'https://example.com', 'not a url',
    ];
    for (const url of urls) {
      const engine = (() => {
        try {
          return resolveProvider(defaultRequest(url), new URL(url));
        } catch {
          return 'generic';
        }
      })();
      expect(detectProvider(url), url).toBe(engine);
    }
    expect(detectProvider('https://me.cognitiveservices.azure.com/x')).toBe('azure-openai');
  });

  it('no renderer file holds its own stage list, provider hosts, methods or limits', () => {
    const root = path.resolve(__dirname, '../../../src-renderer');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(ts|svelte)$/.test(f) && !f.includes('i18n'));
    const copies = [/'environment',\s*'proxy',\s*'dns'/, /openai\.azure\.com|bigmodel\.cn|api\.anthropic\.com/, /'GET',\s*'POST',\s*'PUT'/, /max="120000"|max="20"/, /timeoutMs = \$state\(\d/];
    const found = files.flatMap((f) => copies.filter((re) => re.test(readFileSync(path.join(root, f), 'utf8'))).map((re) => `${f}: ${re}`));
    expect(found).toEqual([]);
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
