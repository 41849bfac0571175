import { describe, expect, it } from 'vitest';
import { electronPlatform } from '../../../src-main/app/electron-platform.js';
import { proxyChoiceFor } from '../../../src-main/engine/clients/choice.js';

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

  it('feeds the proxy stage: the OS proxy is the route of a client that reads it (the browser), not of the default curl run', async () => {
    // Was "an OS proxy is chosen when no flag or variable says otherwise": the default run is judged
    // as curl, which never reads the OS settings; the app's run goes through it with --client browser.
    const platform = electronPlatform({ resolveProxy: async () => 'PROXY 127.0.0.1:3128' });
    const target = new URL('https://api.example.test/');
    const browser = await proxyChoiceFor({ client: 'browser' }, {}, target, (u) => platform.resolveSystemProxy!(u));
    expect(browser).toMatchObject({ proxyUrl: 'http://127.0.0.1:3128', source: 'system' });
    const curl = await proxyChoiceFor({}, {}, target, (u) => platform.resolveSystemProxy!(u));
    expect(curl).toMatchObject({ proxyUrl: null, source: 'client:curl', bypassedBy: 'curl does not read the OS proxy settings' });
  });
});
