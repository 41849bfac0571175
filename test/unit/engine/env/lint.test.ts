import { describe, expect, it } from 'vitest';
import { lintEnvironment, typoDistance, verifyDisabledSources } from '../../../../src-main/engine/env/lint.js';
import { defaultGateway, detectContainer } from '../../../../src-main/engine/env/container.js';

const problems = (env: NodeJS.ProcessEnv) => lintEnvironment(env).issues.map((i) => `${i.variable}:${i.problem}${i.suggestion ? `→${i.suggestion}` : ''}`);

describe('environment lint (ENV_CONFIG_SUSPECT)', () => {
  it('transpositions and doubled letters are one slip', () => {
    expect(typoDistance('HTTPS_PORXY', 'HTTPS_PROXY')).toBe(1);
    expect(typoDistance('HTTP_PROXXY', 'HTTP_PROXY')).toBe(1);
    expect(typoDistance('NO_PORXY', 'NO_PROXY')).toBe(1);
  });

  it.each([
    [{ HTTPS_PORXY: 'http://127.0.0.1:7890' }, 'HTTPS_PORXY:misspelled→HTTPS_PROXY'],
    [{ http_proxxy: 'http://127.0.0.1:7890' }, 'http_proxxy:misspelled→HTTP_PROXY'],
    [{ NO_PORXY: 'localhost' }, 'NO_PORXY:misspelled→NO_PROXY'],
    [{ OPENAI_APIKEY: 'sk-abcdefghijklmnop' }, 'OPENAI_APIKEY:misspelled→OPENAI_API_KEY'],
    [{ NODE_EXTRA_CA_CERT: '/x.pem' }, null],
    [{ OPENAI_API_BASE: 'https://relay.example/v1' }, 'OPENAI_API_BASE:legacy→OPENAI_BASE_URL'],
    [{ HTTPS_PROXY: '' }, 'HTTPS_PROXY:empty'],
    [{ https_proxy: '  ' }, 'https_proxy:empty'],
    [{ Https_Proxy: 'http://p:8080' }, 'Https_Proxy:wrong-case→https_proxy or HTTPS_PROXY'],
    [{ openai_api_key: 'sk-abcdefghijklmnop' }, 'openai_api_key:wrong-case→OPENAI_API_KEY'],
    [{ HTTPS_PROXY: '"http://127.0.0.1:7890"' }, 'HTTPS_PROXY:proxy-quoted'],
  ] as [NodeJS.ProcessEnv, string | null][])('%o → %s', (env, want) => {
    expect(problems(env)).toEqual(want === null ? [] : [want]);
  });

  it('real variables near a known name are not typos (FTP_PROXY, HTTP_PROXY next to HTTPS_PROXY)', () => {
    expect(problems({ FTP_PROXY: 'http://p:21', HTTP_PROXY: 'http://p:1', HTTPS_PROXY: 'http://p:1', PATH: '/usr/bin', HOME: '/root', TERM: 'xterm' })).toEqual([]);
  });

  it('a legacy name is fine when the new one is set too', () => {
    expect(problems({ OPENAI_API_BASE: 'https://a/v1', OPENAI_BASE_URL: 'https://a/v1' })).toEqual([]);
  });

  it('keys with whitespace or quotes: named with a fingerprint, never the value', () => {
    const key = 'sk-proj-AbCdEfGhIjKlMnOpQrStUv9f2c';
    const r = lintEnvironment({ OPENAI_API_KEY: `${key}\n`, ANTHROPIC_API_KEY: `'${key}'` });
    expect(r.issues.map((i) => i.problem).sort()).toEqual(['key-quoted', 'key-whitespace']);
    expect(JSON.stringify(r)).not.toContain(key);
    expect(r.issues[0]!.fingerprint).toBe('sk-proj-…9f2c');
  });

  it('Anthropic: both variables set, or ANTHROPIC_API_KEY for a compatible endpoint that wants the token', () => {
    expect(problems({ ANTHROPIC_API_KEY: 'sk-ant-xxxxxxxxxxxx', ANTHROPIC_AUTH_TOKEN: 'tok-xxxxxxxxxxxx' })).toEqual(['ANTHROPIC_AUTH_TOKEN:anthropic-both→ANTHROPIC_API_KEY']);
    expect(problems({ ANTHROPIC_API_KEY: 'abc.defghijklmnop', ANTHROPIC_BASE_URL: 'https://open.bigmodel.cn/api/anthropic' })).toEqual(['ANTHROPIC_API_KEY:anthropic-key-for-compatible-endpoint→ANTHROPIC_AUTH_TOKEN']);
    expect(problems({ ANTHROPIC_API_KEY: 'sk-ant-xxxxxxxxxxxx', ANTHROPIC_BASE_URL: 'https://api.anthropic.com' })).toEqual([]);
  });

  it('CA variables are handed to the probe to read', () => {
    expect(lintEnvironment({ NODE_EXTRA_CA_CERTS: '/etc/corp.pem', SSL_CERT_DIR: '/etc/ssl/certs' })).toMatchObject({ caFiles: [{ variable: 'NODE_EXTRA_CA_CERTS', path: '/etc/corp.pem' }], caDirs: [{ variable: 'SSL_CERT_DIR' }] });
  });
});

describe('verification switched off (ENV_TLS_VERIFY_DISABLED)', () => {
  it('names each source', () => {
    expect(verifyDisabledSources({ NODE_TLS_REJECT_UNAUTHORIZED: '0', PYTHONHTTPSVERIFY: '0', CURL_INSECURE: '1' }, true, '# mine\ninsecure\n')).toEqual([
      'NODE_TLS_REJECT_UNAUTHORIZED=0', 'PYTHONHTTPSVERIFY=0', 'CURL_INSECURE=1', '~/.curlrc: insecure', 'curl -k',
    ]);
    expect(verifyDisabledSources({ NODE_TLS_REJECT_UNAUTHORIZED: '1', CURL_INSECURE: 'false' }, false, '--silent\n')).toEqual([]);
  });
});

describe('container detection (injected files)', () => {
  const files = (m: Record<string, string>) => async (p: string) => m[p] ?? null;
  const route = 'Iface\tDestination\tGateway\tFlags\neth0\t00000000\t010011AC\t0003\neth0\t000011AC\t00000000\t0001\n';
  it('/.dockerenv → docker, with the gateway from /proc/net/route', async () => {
    expect(await detectContainer(files({ '/.dockerenv': '', '/proc/net/route': route }))).toEqual({ kind: 'docker', marker: '/.dockerenv', gateway: '172.17.0.1' });
  });
  it('cgroup v1 kubepods, podman, overlay root in mountinfo, nothing', async () => {
    expect(await detectContainer(files({ '/proc/1/cgroup': '12:pids:/kubepods/burstable/pod1/abc\n' }))).toMatchObject({ kind: 'kubernetes' });
    expect(await detectContainer(files({ '/run/.containerenv': '' }))).toMatchObject({ kind: 'podman' });
    expect(await detectContainer(files({ '/proc/1/cgroup': '0::/\n', '/proc/self/mountinfo': '550 480 0:52 / / rw,relatime master:1 - overlay overlay rw,lowerdir=/a\n' }))).toMatchObject({ kind: 'container', marker: '/proc/self/mountinfo (overlay root)' });
    expect(await detectContainer(files({ '/proc/1/cgroup': '0::/init.scope\n', '/proc/self/mountinfo': '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n' }))).toBeNull();
  });
  it('no default route → no gateway', () => {
    expect(defaultGateway('Iface\tDestination\tGateway\n')).toBeNull();
  });
});
