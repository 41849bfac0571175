import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildRequest } from '../../../src-main/intake/curl/build.js';
import { CurlParseError, parseCurlArgs, parseCurlCommand } from '../../../src-main/intake/curl/parse.js';
import { detectFlavour, splitMsvcrt, tokenize } from '../../../src-main/intake/curl/tokenize.js';
import { copyAsCurl } from './devtools-curl.js';

const FIXTURES = path.resolve('test/fixtures/curl');
/** A fixture without its `# Source:` line. */
const fixture = (name: string) =>
  readFileSync(path.join(FIXTURES, name), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('# '))
    .join('\n');
const read = (cmd: string, deps = {}) => buildRequest(parseCurlCommand(cmd), deps);

describe('the shell tokenizer', () => {
  it('posix: quotes, escapes, line continuations, $\'…\'', () => {
    expect(tokenize(`curl 'a b' "c \\"d\\" \\$e" f\\ g \\\n -H x`).words).toEqual(['curl', 'a b', 'c "d" $e', 'f g', '-H', 'x']);
    expect(tokenize(`curl $'it\\'s\\n\\x41\\u00e9\\u0021'`).words).toEqual(['curl', "it's\nAé!"]);
    expect(tokenize(`curl "$HOME" '$X'`).words).toEqual(['curl', '$HOME', '$X']);
  });
  it('posix: a pipe or redirection ends the command, and is reported', () => {
    const t = tokenize(`curl -s https://x.example/v1 | jq .`);
    expect(t.words).toEqual(['curl', '-s', 'https://x.example/v1']);
    expect(t.rest).toBe('| jq .');
  });
  it('posix: an unclosed quote is a syntax error', () => {
    expect(() => parseCurlCommand(`curl 'https://x.example`)).toThrow(CurlParseError);
  });
  it('cmd: ^ continuations, ^" literal quotes, MSVCRT backslash rules', () => {
    expect(detectFlavour('curl "https://x" ^\n  -H "a: b"')).toBe('cmd');
    expect(tokenize('curl "https://x" ^\n  -H "a: b"').words).toEqual(['curl', 'https://x', '-H', 'a: b']);
    expect(splitMsvcrt('a "b c" d\\"e "f\\\\" g\\\\h')).toEqual(['a', 'b c', 'd"e', 'f\\', 'g\\\\h']);
    expect(tokenize('curl.exe -d "{\\"a\\": 1}" https://x').words).toEqual(['curl.exe', '-d', '{"a": 1}', 'https://x']);
  });
});

describe('provider documentation commands', () => {
  it('OpenAI chat completions: POST, JSON body, the Authorization header kept for the auth stage', () => {
    const r = read(fixture('openai-chat.sh'));
    expect(r.method).toBe('POST');
    expect(r.url).toBe('https://api.openai.com/v1/chat/completions');
    expect(r.headers).toEqual([
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Authorization', value: 'Bearer $OPENAI_API_KEY' },
    ]);
    expect(JSON.parse(r.body!)).toMatchObject({ model: 'gpt-4o' });
    expect(r.ignored).toEqual([]);
  });
  it('Anthropic messages: --header long form, --data on the next line', () => {
    const r = read(fixture('anthropic-messages.sh'));
    expect(r.method).toBe('POST');
    expect(r.headers.map((h) => h.name)).toEqual(['x-api-key', 'anthropic-version', 'content-type']);
    expect(JSON.parse(r.body!)).toMatchObject({ max_tokens: 1024 });
  });
  it('Zhipu: --request and --url, a Chinese body intact', () => {
    const r = read(fixture('zhipu-chat.sh'));
    expect(r.method).toBe('POST');
    expect(r.url).toBe('https://open.bigmodel.cn/api/paas/v4/chat/completions');
    expect(r.body).toContain('你是一个有用的AI助手。');
    expect(r.secrets).toContain('<token>');
  });
  it('DeepSeek: -d implies POST', () => {
    const r = read(fixture('deepseek-chat.sh'));
    expect(r.method).toBe('POST');
    expect(r.url).toBe('https://api.deepseek.com/chat/completions');
  });
});

describe('DevTools "Copy as cURL"', () => {
  const req = {
    url: 'http://127.0.0.1:8080/v1/chat/completions?tags[0]=a',
    method: 'POST',
    headers: [
      { name: 'accept', value: '*/*' },
      { name: 'authorization', value: 'Bearer sk-devtools-0123456789abcdef' },
      { name: 'content-type', value: 'application/json' },
      { name: 'x-empty', value: '' },
    ],
    body: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"it\'s \\"quoted\\" 100% fine!"}]}',
  };
  for (const flavour of ['bash', 'cmd'] as const) {
    it(`${flavour}: method, URL, headers and body come back exactly`, () => {
      const r = read(copyAsCurl(req, flavour));
      expect(r.flavour).toBe(flavour === 'bash' ? 'posix' : 'cmd');
      expect(r.url).toBe('http://127.0.0.1:8080/v1/chat/completions?tags[0]=a');
      expect(r.method).toBe('POST');
      expect(r.headers).toEqual(req.headers);
      expect(r.body).toBe(req.body);
      expect(r.secrets).toContain('sk-devtools-0123456789abcdef');
    });
  }
  it('the committed fixtures parse the same way', () => {
    for (const f of ['chrome-bash.sh', 'chrome-cmd.txt']) {
      const r = read(fixture(f));
      expect(r.headers.find((h) => h.name === 'authorization')?.value).toBe('Bearer sk-devtools-0123456789abcdef');
      expect(JSON.parse(r.body!)).toMatchObject({ model: 'gpt-4o-mini' });
    }
  });
});

describe('flags', () => {
  it('-k sets insecure, --cacert, --resolve, --connect-timeout, -x with --proxy-user, --noproxy', () => {
    const r = read(`curl -k --cacert ca.pem --resolve api.example.com:443:127.0.0.1 --connect-timeout 2.5 -x proxy.local:3128 --proxy-user bob:s3cret-pass https://api.example.com/v1`);
    expect(r.insecure).toBe(true);
    expect(r.caFile).toBe('ca.pem');
    expect(r.resolve).toEqual(['api.example.com:443:127.0.0.1']);
    expect(r.timeoutMs).toBe(2500);
    expect(r.proxy).toBe('http://bob:s3cret-pass@proxy.local:3128');
    expect(r.secrets).toEqual(expect.arrayContaining(['bob:s3cret-pass', 's3cret-pass']));
    expect(read(`curl --noproxy api.example.com -x http://p:1 https://api.example.com/`).proxy).toBeNull();
    expect(read(`curl --noproxy '*' https://api.example.com/`).proxy).toBeNull();
    expect(read(`curl --noproxy other.example -x http://p:1 https://api.example.com/`).notes).toContainEqual({ kind: 'noproxy-other-host', list: 'other.example' });
  });
  it('-u becomes Basic auth (secret, password, base64 all known); -A -e -b become headers', () => {
    const r = read(`curl -u alice:pa55word-xyz -A agent/1 -e https://ref.example -b 'sid=abc123def' https://x.example/`);
    const b64 = Buffer.from('alice:pa55word-xyz').toString('base64');
    expect(r.headers).toContainEqual({ name: 'Authorization', value: `Basic ${b64}` });
    expect(r.headers).toContainEqual({ name: 'User-Agent', value: 'agent/1' });
    expect(r.headers).toContainEqual({ name: 'Referer', value: 'https://ref.example' });
    expect(r.headers).toContainEqual({ name: 'Cookie', value: 'sid=abc123def' });
    expect(r.secrets).toEqual(expect.arrayContaining(['alice:pa55word-xyz', 'pa55word-xyz', b64, 'abc123def']));
  });
  it('-G moves data to the query; -I is HEAD; -X wins; --json sets both headers', () => {
    expect(read(`curl -G -d a=1 -d b=2 https://x.example/s`).url).toBe('https://x.example/s?a=1&b=2');
    expect(read(`curl -G -d a=1 https://x.example/s`).method).toBe('GET');
    expect(read(`curl -I https://x.example/`).method).toBe('HEAD');
    expect(read(`curl -XPUT -d x https://x.example/`).method).toBe('PUT');
    const j = read(`curl --json '{"a":1}' https://x.example/`);
    expect(j.method).toBe('POST');
    expect(j.headers).toEqual([
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Accept', value: 'application/json' },
    ]);
  });
  it('--data-urlencode encodes as curl does; -d parts join with &; --data-raw keeps @', () => {
    expect(read(`curl --data-urlencode 'q=a b&c' --data-urlencode '=x/y' https://x.example/`).body).toBe('q=a+b%26c&x%2Fy');
    expect(read(`curl -d a=1 --data-raw '@not-a-file' https://x.example/`).body).toBe('a=1&@not-a-file');
  });
  it('-d @file reads through the given reader, stripping newlines; without a reader it is named', () => {
    const r = read(`curl -d @body.txt https://x.example/`, { readFile: () => 'a=1\nb=2\n' });
    expect(r.body).toBe('a=1b=2');
    const n = read(`curl -d @body.txt https://x.example/`);
    expect(n.ignored).toContainEqual({ flag: '-d @body.txt', reason: 'file' });
  });
  it('a key in the URL is a secret, and is moved out for the auth stage when asked', () => {
    const r = read(`curl 'https://generativelanguage.example/v1/models?key=AIzaSyA-0123456789abcdefghijk'`, { extractQueryKey: true });
    expect(r.queryKey).toEqual({ param: 'key', value: 'AIzaSyA-0123456789abcdefghijk' });
    expect(r.url).toBe('https://generativelanguage.example/v1/models');
    expect(r.secrets).toContain('AIzaSyA-0123456789abcdefghijk');
  });
  it('user-info in the URL becomes Basic auth and leaves the URL', () => {
    const r = read(`curl https://u:p4ssw0rd-long@x.example/`);
    expect(r.url).toBe('https://x.example/');
    expect(r.headers[0]!.name).toBe('Authorization');
    expect(r.secrets).toContain('p4ssw0rd-long');
  });
  it('names every ignored flag with a reason, never crashes on an unknown one', () => {
    const r = read(`curl -sSL -v -i -o out.json --retry 3 -F a=b --frobnicate --cert c.pem https://x.example/ https://second.example/`);
    expect(r.url).toBe('https://x.example/');
    expect(r.ignored).toEqual(
      expect.arrayContaining([
        { flag: '-s', reason: 'output' },
        { flag: '-S', reason: 'output' },
        { flag: '-v', reason: 'output' },
        { flag: '-o', reason: 'output' },
        { flag: '--retry', reason: 'output' },
        { flag: '-F', reason: 'unsupported' },
        { flag: '--frobnicate', reason: 'unknown' },
        { flag: '--cert', reason: 'unsupported' },
        { flag: 'https://second.example/', reason: 'extra-url' },
      ]),
    );
    // -L is understood (the engine follows redirects as curl -L would).
    expect(r.ignored.map((i) => i.flag)).not.toContain('-L');
  });
  it('no scheme: http:// like curl, and said so', () => {
    const r = read(`curl api.example.com/v1/models`);
    expect(r.url).toBe('http://api.example.com/v1/models');
    expect(r.notes).toContainEqual({ kind: 'scheme-guessed' });
  });
  it('bad input is a CurlParseError, not a crash', () => {
    expect(() => read(`curl -H`)).toThrow(CurlParseError);
    expect(() => read(`curl -s`)).toThrow(/no URL/);
    expect(() => read(`ls -la`)).toThrow(/not a curl command/);
    expect(() => read(`curl ftp://x.example/`)).toThrow(/not supported/);
    expect(() => read(`curl -m soon https://x.example/`)).toThrow(/seconds/);
  });
  it('$VAR expands as the shell would when the caller knows it (the CLI passes its environment); single quotes keep it', () => {
    const env: Record<string, string> = { OPENAI_API_KEY: 'sk-proj-fromTheEnvironment00001', HOST: 'api.example.com' };
    const r = buildRequest(parseCurlCommand(fixture('openai-chat.sh'), (n) => env[n]));
    expect(r.headers).toContainEqual({ name: 'Authorization', value: 'Bearer sk-proj-fromTheEnvironment00001' });
    expect(r.secrets).toContain('sk-proj-fromTheEnvironment00001');
    const q = buildRequest(parseCurlCommand(`curl "https://\${HOST}/v1" -H 'X-Literal: $HOST' -H "X-Token: $OPENAI_API_KEY"`, (n) => env[n]));
    expect(q.url).toBe('https://api.example.com/v1');
    expect(q.headers).toEqual([{ name: 'X-Literal', value: '$HOST' }, { name: 'X-Token', value: 'sk-proj-fromTheEnvironment00001' }]);
    // A variable named like a secret is a secret wherever it lands.
    expect(q.secrets).toContain('sk-proj-fromTheEnvironment00001');
    const u = buildRequest(parseCurlCommand(`curl https://x.example/ -H "Authorization: Bearer $NOT_SET_HERE"`, (n) => env[n]));
    expect(u.headers[0]!.value).toBe('Bearer $NOT_SET_HERE');
    expect(u.notes).toContainEqual({ kind: 'variable-not-set', name: 'NOT_SET_HERE' });
    // Without a lookup (the app), nothing expands.
    expect(read(fixture('openai-chat.sh')).headers[1]!.value).toBe('Bearer $OPENAI_API_KEY');
  });

  it('the drop-in gets argv already split', () => {
    const r = buildRequest(parseCurlArgs(['-H', 'Authorization: Bearer sk-abc', 'https://x.example/v1/models']));
    expect(r.headers).toEqual([{ name: 'Authorization', value: 'Bearer sk-abc' }]);
    expect(r.method).toBe('GET');
  });
});
