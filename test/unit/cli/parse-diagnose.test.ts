import { describe, expect, it } from 'vitest';
import { parseDiagnoseArgs, parseDnsServer, parseHeader, parseResolve } from '../../../src-main/cli/parse-diagnose.js';
import { UsageError } from '../../../src-main/cli/io.js';

const parse = (...a: string[]) => parseDiagnoseArgs(a, process.cwd());

describe('diagnose flags', () => {
  it('fills the contract defaults', () => {
    const { request, json } = parse('https://api.example.com/v1/models');
    expect(json).toBe(false);
    expect(request).toMatchObject({ url: 'https://api.example.com/v1/models', method: 'GET', provider: 'auto', timeoutMs: 10000, samples: 3, slowMs: 5000, stream: false, lang: 'en', credential: { kind: 'none' } });
    expect(request.proxy).toBeUndefined();
  });

  it('reads every flag', () => {
    const { request, json, bundle } = parse(
      'https://open.bigmodel.cn/api/paas/v4/chat/completions', '--json', '-X', 'post', '-H', 'X-A: 1', '-H', 'X-B:2', '-d', '{"a":1}',
      '--provider', 'zhipu', '--token-env', 'ZHIPU_KEY', '--auth', 'header:api-key', '--dns-server', '127.0.0.1:5353',
      '--reference-dns', '::1', '--resolve', 'open.bigmodel.cn:443:127.0.0.1', '--no-proxy', '--timeout', '2000', '--samples', '5',
      '--slow-ms', '800', '--bundle', 'out.zip', '--stream', '--lang', 'zh-CN',
    );
    expect(json).toBe(true);
    expect(bundle).toMatch(/out\.zip$/);
    expect(request).toMatchObject({
      method: 'POST', headers: [{ name: 'X-A', value: '1' }, { name: 'X-B', value: '2' }], body: '{"a":1}', provider: 'zhipu',
      credential: { kind: 'env', variable: 'ZHIPU_KEY' }, auth: { kind: 'header', name: 'api-key' }, dnsServers: ['127.0.0.1:5353'],
      referenceDns: ['[::1]:53'], resolve: [{ host: 'open.bigmodel.cn', port: 443, address: '127.0.0.1' }], proxy: null,
      timeoutMs: 2000, samples: 5, slowMs: 800, stream: true, lang: 'zh-CN',
    });
  });

  it.each([
    [['not a url'], /not a URL/],
    [['ftp://x.example/'], /not supported/],
    [[], /needs a URL/],
    [['https://a.example', 'https://b.example'], /one URL/],
    [['https://a.example', '--timeout', 'ten'], /whole number/],
    [['https://a.example', '--timeout', '0'], /between/],
    [['https://a.example', '--provider', 'bard'], /provider must be one of/],
    [['https://a.example', '--lang', 'fr'], /--lang/],
    [['https://a.example', '--proxy', 'http://p:1', '--no-proxy'], /contradict/],
    [['https://a.example', '--credential', 'a', '--token-env', 'B'], /either/],
    [['https://a.example', '-H', 'no colon'], /not a header/],
    [['https://a.example', '--dns-server', 'dns.google'], /IP address/],
    [['https://a.example', '--resolve', 'a.example:443'], /host:port:address/],
    [['https://a.example', '--auth', 'cookie'], /--auth/],
    [['https://a.example', '--ca-file', '/nonexistent/ca.pem'], /cannot read/],
    [['https://a.example', '--oauth-token-url', 'https://t.example/token'], /go together/],
    [['https://a.example', '--bogus'], /bogus/],
  ])('rejects %j with a clear reason', (args, reason) => {
    expect(() => parse(...(args as string[]))).toThrow(UsageError);
    expect(() => parse(...(args as string[]))).toThrow(reason);
  });

  it('parses single values', () => {
    expect(parseHeader('Authorization:  Bearer x ')).toEqual({ name: 'Authorization', value: 'Bearer x' });
    expect(parseDnsServer('dns-server', '[::1]:5353')).toBe('[::1]:5353');
    expect(parseDnsServer('dns-server', '10.0.0.1')).toBe('10.0.0.1:53');
    expect(parseResolve('a.example:443:[::1]')).toEqual({ host: 'a.example', port: 443, address: '::1' });
  });
});

describe('usage errors', () => {
  it('show control characters escaped, so the reason is one safe line', () => {
    expect(new UsageError('bad "a\nb\r\u001b[31m\u2028\u007f"').message).toBe('bad "a\\nb\\r\\u001b[31m\\u2028\\u007f"');
  });

  it('refuse a body file that is not a regular file or is too large', () => {
    expect(() => parse('https://a.example', '-d', '@/dev/zero')).toThrow(/not a regular file/);
    expect(() => parse('https://a.example', '-d', '@/nonexistent')).toThrow(/cannot read/);
  });
});
