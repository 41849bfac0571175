import { describe, expect, it } from 'vitest';
import { CLIENT_IDS } from '../../../../src-main/common/clients.js';
import { clientRoutes, type RouteInputs } from '../../../../src-main/engine/clients/routes.js';

const T = new URL('https://api.example.com/v1/models');
const inp = (env: NodeJS.ProcessEnv, over: Partial<RouteInputs> = {}): RouteInputs => ({ env, target: T, systemPac: null, nodeVersion: '20.20.0', os: 'linux', ...over });
const routes = (env: NodeJS.ProcessEnv, over: Partial<RouteInputs> = {}) => clientRoutes(CLIENT_IDS, inp(env, over));
const via = (url: string) => ({ kind: 'proxy', url });

describe('which way each client goes (one rule a row)', () => {
  it('HTTPS_PROXY: curl and Python use it; Node 20 fetch goes direct and ignores it', () => {
    const r = routes({ HTTPS_PROXY: 'http://p:8080' });
    expect(r.curl.route).toMatchObject(via('http://p:8080'));
    expect(r['python-requests'].route).toMatchObject(via('http://p:8080'));
    expect(r['python-httpx'].route).toMatchObject(via('http://p:8080'));
    expect(r.node).toMatchObject({ route: { kind: 'direct' }, ignored: { url: 'http://p:8080', source: 'env:HTTPS_PROXY' }, why: 'node-no-env-proxy' });
    expect(r['openai-node'].why).toBe('node-no-env-proxy');
  });

  it('Node ≥ 24 reads the proxy variables only with NODE_USE_ENV_PROXY=1 or --use-env-proxy', () => {
    expect(routes({ HTTPS_PROXY: 'http://p:8080' }, { nodeVersion: '24.0.0' }).node.route).toEqual({ kind: 'direct' });
    expect(routes({ HTTPS_PROXY: 'http://p:8080', NODE_USE_ENV_PROXY: '1' }, { nodeVersion: '24.0.0' }).node.route).toMatchObject(via('http://p:8080'));
    expect(routes({ HTTPS_PROXY: 'http://p:8080', NODE_OPTIONS: '--use-env-proxy' }, { nodeVersion: '24.0.0' }).node.route).toMatchObject(via('http://p:8080'));
    // Backported to 22.21: older 22s and Node 20 have no built-in support whatever the variable says.
    expect(routes({ HTTPS_PROXY: 'http://p:8080', NODE_USE_ENV_PROXY: '1' }, { nodeVersion: '22.21.0' }).node.route).toMatchObject(via('http://p:8080'));
    expect(routes({ HTTPS_PROXY: 'http://p:8080', NODE_USE_ENV_PROXY: '1' }, { nodeVersion: '22.20.0' }).node.route).toEqual({ kind: 'direct' });
    expect(routes({ HTTPS_PROXY: 'http://p:8080', NODE_USE_ENV_PROXY: '1' }, { nodeVersion: '20.20.0' }).node.route).toEqual({ kind: 'direct' });
  });

  it('curl ignores upper-case HTTP_PROXY for http:// URLs; Python reads it', () => {
    const r = routes({ HTTP_PROXY: 'http://p:3128' }, { target: new URL('http://api.example.com/') });
    expect(r.curl).toMatchObject({ route: { kind: 'direct' }, ignored: { url: 'http://p:3128' } });
    expect(r['python-requests'].route).toMatchObject(via('http://p:3128'));
  });

  it('lower case wins over upper case for curl and Python', () => {
    const r = routes({ HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' });
    expect(r.curl.route).toMatchObject(via('http://lower:2'));
    expect(r['python-requests'].route).toMatchObject(via('http://lower:2'));
  });

  it('NO_PROXY exempts the host for curl and Python alike', () => {
    const r = routes({ HTTPS_PROXY: 'http://p:8080', NO_PROXY: '.example.com' });
    expect(r.curl).toMatchObject({ route: { kind: 'direct' }, why: 'env-bypassed' });
    expect(r['python-requests']).toMatchObject({ route: { kind: 'direct' }, why: 'env-bypassed', ignored: null });
  });

  it('ALL_PROXY is a fallback for every client that reads the environment', () => {
    const r = routes({ ALL_PROXY: 'socks5h://s:1080' });
    expect(r.curl.route).toMatchObject(via('socks5h://s:1080'));
    expect(r['python-httpx'].route).toMatchObject(via('socks5h://s:1080'));
  });

  it('the browser follows the OS proxy (PAC answer); curl does not read it', () => {
    const r = routes({}, { systemPac: 'PROXY corp:3128; DIRECT' });
    expect(r.browser.route).toMatchObject({ kind: 'proxy', url: 'http://corp:3128', source: 'system' });
    expect(r.curl).toMatchObject({ route: { kind: 'direct' }, ignored: { url: 'http://corp:3128', source: 'system' } });
    expect(routes({}, { systemPac: 'DIRECT' }).browser.route).toEqual({ kind: 'direct' });
  });

  it('without readable OS settings the browser is unknown off Linux, the environment on Linux (Chromium)', () => {
    expect(routes({ HTTPS_PROXY: 'http://p:8080' }, { os: 'darwin' }).browser.route).toBeNull();
    expect(routes({ HTTPS_PROXY: 'http://p:8080' }, { os: 'linux' }).browser).toMatchObject({ route: via('http://p:8080'), why: 'system-fallback-env' });
  });

  it("Python's urllib falls back to the OS proxy on macOS and Windows", () => {
    expect(routes({}, { os: 'win32', systemPac: 'PROXY corp:8080' })['python-requests'].route).toMatchObject(via('http://corp:8080'));
    expect(routes({}, { os: 'darwin' })['python-requests'].route).toBeNull();
  });

  it('no proxy anywhere: everyone goes direct and ignores nothing', () => {
    for (const cr of Object.values(routes({}))) expect(cr).toMatchObject({ route: { kind: 'direct' }, ignored: null });
  });
});
