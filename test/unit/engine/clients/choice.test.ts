import { describe, expect, it } from 'vitest';
import { proxyChoiceFor, routesFor } from '../../../../src-main/engine/clients/choice.js';
import { routeKey } from '../../../../src-main/engine/clients/routes.js';

/**
 * The run's own route is the matrix's route for the run's client (default curl): the verdict and
 * that client's row rest on the same way out, whatever the environment and the OS settings say.
 */
const target = new URL('https://api.example.test/v1/models');
const OS = { none: async () => null, direct: async () => 'DIRECT', proxy: async () => 'PROXY corp.example.test:3128; DIRECT', broken: async () => Promise.reject(new Error('gsettings hung')) } as const;
const ENVS: Record<string, NodeJS.ProcessEnv> = {
  empty: {},
  https_proxy: { https_proxy: 'http://env.example.test:8080' },
  HTTPS_PROXY: { HTTPS_PROXY: 'http://env.example.test:8080' },
  bypassed: { HTTPS_PROXY: 'http://env.example.test:8080', NO_PROXY: '.example.test' },
  all_proxy: { ALL_PROXY: 'socks5h://127.0.0.1:1080' },
};

describe('proxyChoiceFor follows the matrix route of the run’s client', () => {
  for (const [envName, env] of Object.entries(ENVS)) {
    for (const [osName, os] of Object.entries(OS)) {
      it(`env ${envName}, OS ${osName}: default = curl's route; --client browser = the browser's route`, async () => {
        const { routes } = await routesFor(env, target, os);
        const asDefault = await proxyChoiceFor({}, env, target, os);
        expect(asDefault.proxyUrl ?? 'direct').toBe(routeKey(routes.curl.route!));
        // curl never takes the OS proxy.
        expect(asDefault.source).not.toBe('system');
        const asBrowser = await proxyChoiceFor({ client: 'browser' }, env, target, os);
        if (routes.browser.route) expect(asBrowser.proxyUrl ?? 'direct').toBe(routeKey(routes.browser.route));
      });
    }
  }

  it('an OS proxy curl ignores is said, with where it was ignored', async () => {
    expect(await proxyChoiceFor({}, {}, target, OS.proxy)).toMatchObject({ proxyUrl: null, source: 'client:curl', bypassedBy: 'curl does not read the OS proxy settings' });
    expect(await proxyChoiceFor({ client: 'browser' }, {}, target, OS.proxy)).toMatchObject({ proxyUrl: 'http://corp.example.test:3128', source: 'system' });
  });

  it('--proxy / --no-proxy win over every client rule, and never read the OS', async () => {
    const never = async () => {
      throw new Error('the OS must not be asked');
    };
    expect(await proxyChoiceFor({ proxy: 'http://flag.example.test:1', client: 'browser' }, {}, target, never)).toMatchObject({ proxyUrl: 'http://flag.example.test:1', source: 'flag' });
    expect(await proxyChoiceFor({ proxy: null }, { https_proxy: 'http://e:1' }, target, never)).toMatchObject({ proxyUrl: null, source: 'flag:--no-proxy' });
  });
});
