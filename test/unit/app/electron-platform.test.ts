import { describe, expect, it } from 'vitest';
import { electronPlatform } from '../../../src-main/app/electron-platform.js';
import { chooseProxy } from '../../../src-main/engine/net/proxy-env.js';

describe('Electron platform adapter', () => {
  it("passes Chromium's proxy resolution to the engine, in PAC form", async () => {
    const asked: string[] = [];
    const platform = electronPlatform({ resolveProxy: async (url: string) => (asked.push(url), 'PROXY 127.0.0.1:3128; DIRECT') });
    expect(await platform.resolveSystemProxy!('https://api.example.test/v1')).toBe('PROXY 127.0.0.1:3128; DIRECT');
    expect(asked).toEqual(['https://api.example.test/v1']);
  });

  it('answers null (unknown) when Electron cannot resolve, instead of failing the run', async () => {
    const platform = electronPlatform({ resolveProxy: async () => Promise.reject(new Error('no session')) });
    expect(await platform.resolveSystemProxy!('https://x.test/')).toBeNull();
  });

  it('feeds the proxy stage: an OS proxy is chosen when no flag or variable says otherwise', async () => {
    const platform = electronPlatform({ resolveProxy: async () => 'PROXY 127.0.0.1:3128' });
    const choice = await chooseProxy(undefined, {}, new URL('https://api.example.test/'), (u) => platform.resolveSystemProxy!(u));
    expect(JSON.stringify(choice)).toContain('127.0.0.1:3128');
  });
});
