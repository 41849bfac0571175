import { describe, expect, it } from 'vitest';
import { collectEnvironment } from '../../../src-main/bundle/environment.js';
import { proxyFromEnv } from '../../../src-main/engine/net/proxy-env.js';

/** Item 12: environment.json names the proxy the run used (the engine's proxyFromEnv), not another. */
const env = async (e: NodeJS.ProcessEnv, target: string) => (await collectEnvironment({ env: e, target, resolvConf: async () => null })).proxy as { effective: { value: string | null; source: string } | null; noProxy: string | null };

describe('environment.json proxy', () => {
  it('lower-case first, like curl and the engine', async () => {
    const e = { HTTPS_PROXY: 'http://upper.test:1', https_proxy: 'http://lower.test:2', NO_PROXY: 'upper.internal', no_proxy: 'lower.internal' };
    const p = await env(e, 'https://api.test/v1');
    expect(p.effective).toMatchObject({ value: 'http://lower.test:2', source: 'env:https_proxy' });
    expect(p.noProxy).toBe('lower.internal');
    expect(proxyFromEnv(e, new URL('https://api.test/v1')).proxyUrl).toBe('http://lower.test:2');
  });

  it('HTTP_PROXY alone is not used for https (nor HTTP_PROXY for http: curl ignores it)', async () => {
    expect((await env({ HTTP_PROXY: 'http://only-http.test:3' }, 'https://api.test/')).effective).toBeNull();
    expect((await env({ HTTP_PROXY: 'http://only-http.test:3' }, 'http://api.test/')).effective).toBeNull();
    expect((await env({ http_proxy: 'http://h.test:3' }, 'http://api.test/')).effective).toMatchObject({ source: 'env:http_proxy' });
  });

  it('NO_PROXY matching the target: no proxy, and says why', async () => {
    const p = await env({ https_proxy: 'http://p.test:1', no_proxy: '.api.test' }, 'https://x.api.test/');
    expect(p.effective).toMatchObject({ value: null, source: 'env:https_proxy', bypassedBy: expect.stringContaining('.api.test') });
  });

  it('--proxy and --no-proxy win, as in the run', async () => {
    expect((await collectEnvironment({ env: { https_proxy: 'http://p.test:1' }, target: 'https://a.test/', proxyFlag: null, resolvConf: async () => null })).proxy).toMatchObject({ effective: { value: null, source: 'flag:--no-proxy' } });
    expect((await collectEnvironment({ env: {}, target: 'https://a.test/', proxyFlag: 'http://u:pw@flag.test:8', resolvConf: async () => null })).proxy).toMatchObject({ effective: { source: 'flag', value: expect.not.stringContaining('pw') } });
  });
});
