import { describe, expect, it } from 'vitest';
import { chooseProxy, isLocalTarget, noProxyMatch, proxyFromEnv, proxyFromPac } from '../../../src-main/engine/net/proxy-env.js';

const u = (s: string) => new URL(s);

describe('NO_PROXY matching, curl style', () => {
  const table: [string, string, string | null][] = [
    ['*', 'https://api.openai.com/', '*'],
    ['example.com', 'https://example.com/', 'example.com'],
    ['example.com', 'https://api.example.com/', 'example.com'],
    ['.example.com', 'https://api.example.com/', '.example.com'],
    ['.example.com', 'https://example.com/', '.example.com'],
    ['example.com', 'https://notexample.com/', null],
    ['example.com', 'https://example.com.evil.net/', null],
    ['localhost, 127.0.0.1', 'http://127.0.0.1:8080/', '127.0.0.1'],
    ['127.0.0.1', 'http://127.0.0.2/', null],
    ['10.0.0.0/8', 'https://10.1.2.3/', '10.0.0.0/8'],
    ['10.0.0.0/8', 'https://11.1.2.3/', null],
    ['::1', 'http://[::1]:3000/', '::1'],
    ['[::1]:3000', 'http://[::1]:3000/', '[::1]:3000'],
    ['api.example.com:8443', 'https://api.example.com:8443/', 'api.example.com:8443'],
    ['api.example.com:8443', 'https://api.example.com/', null],
    ['EXAMPLE.COM', 'https://Api.Example.com/', 'EXAMPLE.COM'],
    ['a.com b.com', 'https://b.com/', 'b.com'],
    ['', 'https://b.com/', null],
  ];
  for (const [noProxy, url, want] of table) {
    it(`NO_PROXY=${JSON.stringify(noProxy)} × ${url} → ${want}`, () => expect(noProxyMatch(noProxy, u(url))).toBe(want));
  }
});

describe('proxy variables, curl style', () => {
  it('https URLs read https_proxy before HTTPS_PROXY, then all_proxy', () => {
    expect(proxyFromEnv({ https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:2' }, u('https://x.com/')).source).toBe('env:https_proxy');
    expect(proxyFromEnv({ HTTPS_PROXY: 'http://b:2' }, u('https://x.com/'))).toMatchObject({ source: 'env:HTTPS_PROXY', proxyUrl: 'http://b:2' });
    expect(proxyFromEnv({ ALL_PROXY: 'socks5://c:3' }, u('https://x.com/'))).toMatchObject({ source: 'env:ALL_PROXY', proxyUrl: 'socks5://c:3' });
  });
  it('http URLs ignore upper-case HTTP_PROXY (curl does, against httpoxy)', () => {
    expect(proxyFromEnv({ HTTP_PROXY: 'http://b:2' }, u('http://x.com/')).proxyUrl).toBeNull();
    expect(proxyFromEnv({ http_proxy: 'b:2' }, u('http://x.com/')).proxyUrl).toBe('http://b:2');
  });
  it('no_proxy (lower) wins over NO_PROXY and explains the bypass', () => {
    const c = proxyFromEnv({ https_proxy: 'http://p:1', no_proxy: 'x.com', NO_PROXY: 'y.com' }, u('https://api.x.com/'));
    expect(c).toMatchObject({ proxyUrl: null, source: 'env:https_proxy', bypassedBy: 'no_proxy entry "x.com"' });
  });
  it('flag beats environment, --no-proxy beats both; the OS proxy is never read (curl does not read it)', () => {
    // Was "the system proxy comes last": the default run now follows curl, whose route the matrix
    // computes; the OS proxy is taken only for clients that read it (proxyChoiceFor, routes.ts).
    expect(chooseProxy('http://f:1', { https_proxy: 'http://e:1' }, u('https://x.com/'))).toMatchObject({ proxyUrl: 'http://f:1', source: 'flag' });
    expect(chooseProxy(null, { https_proxy: 'http://e:1' }, u('https://x.com/'))).toMatchObject({ proxyUrl: null });
    expect(chooseProxy(undefined, { https_proxy: 'http://e:1' }, u('https://x.com/'))).toMatchObject({ proxyUrl: 'http://e:1', source: 'env:https_proxy' });
    expect(chooseProxy(undefined, {}, u('https://x.com/'))).toMatchObject({ proxyUrl: null, source: null });
  });
  it('PAC answers', () => {
    expect(proxyFromPac('HTTPS secure:443')).toBe('https://secure:443');
    expect(proxyFromPac('SOCKS5 s:1080; DIRECT')).toBe('socks5://s:1080');
    expect(proxyFromPac('DIRECT')).toBeNull();
  });
  it('local targets', () => {
    for (const h of ['127.0.0.1', 'localhost', '10.2.3.4', '192.168.1.1', '172.16.0.1', '[::1]', 'app.localhost']) expect(isLocalTarget(h), h).toBe(true);
    for (const h of ['api.openai.com', '8.8.8.8', '172.32.0.1']) expect(isLocalTarget(h), h).toBe(false);
  });
});
