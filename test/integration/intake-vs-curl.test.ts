import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildRequest } from '../../src-main/intake/curl/build.js';
import { parseCurlCommand } from '../../src-main/intake/curl/parse.js';
import { listen, type LabServer } from '../lab/index.js';

/**
 * The intake must read a command the way curl does. Each command here is run twice: by the real
 * curl (bash, against a loopback echo server) and by the intake; the method, path with query,
 * headers and body curl actually sent must equal what the intake understood.
 */
const run = promisify(execFile);
const hasCurl = existsSync('/usr/bin/curl');
interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}
let server: LabServer;
let last: Seen | null = null;
beforeAll(async () => {
  server = await listen(
    http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        const headers: Record<string, string> = {};
        for (let i = 0; i < req.rawHeaders.length; i += 2) headers[req.rawHeaders[i]!.toLowerCase()] = req.rawHeaders[i + 1]!;
        last = { method: req.method ?? '', url: req.url ?? '', headers, body };
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    }),
  );
});
afterAll(async () => {
  await server?.close();
});

const FIXTURES = path.resolve('test/fixtures/curl');
const fixture = (name: string) =>
  readFileSync(path.join(FIXTURES, name), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('# '))
    .join('\n');

/** Headers curl adds itself (the intake leaves them to the engine). */
const CURL_OWN = new Set(['host', 'user-agent', 'accept', 'content-length', 'expect']);

async function compare(command: string, env: Record<string, string> = {}) {
  last = null;
  await run('bash', ['-c', `${command.trim()} -o /dev/null -s`], { env: { PATH: '/usr/bin:/bin', ...env }, timeout: 20_000 });
  const seen = last as Seen | null;
  expect(seen).not.toBeNull();
  // The intake does not expand variables; expand the ones this test set, as bash did.
  const expanded = command.replace(/\$\{?([A-Z_]+)\}?/g, (m, v: string) => env[v] ?? m);
  const r = buildRequest(parseCurlCommand(expanded));
  const u = new URL(r.url);
  expect(r.method).toBe(seen!.method);
  expect(`${u.pathname}${u.search}`).toBe(seen!.url);
  expect(r.body ?? '').toBe(seen!.body);
  const ours = Object.fromEntries(r.headers.map((h) => [h.name.toLowerCase(), h.value]));
  for (const [name, value] of Object.entries(seen!.headers)) {
    if (CURL_OWN.has(name) && !(name in ours)) continue;
    if (name === 'accept-encoding') continue; // --compressed: curl's own list
    expect(ours[name], name).toBe(value);
  }
  for (const name of Object.keys(ours)) expect(seen!.headers[name], `${name} sent by curl`).toBeDefined();
}

describe.skipIf(!hasCurl && process.env.CI !== 'true')('the intake reads commands as curl does', () => {
  const base = () => server.url('http', '');

  it('the provider documentation commands (host swapped for the loopback echo)', async () => {
    const env = { OPENAI_API_KEY: 'sk-proj-docDocDocDocDocDoc0001', ANTHROPIC_API_KEY: 'sk-ant-docdocdoc0001', DEEPSEEK_API_KEY: 'sk-deepseek0001' };
    for (const [file, host] of [
      ['openai-chat.sh', 'https://api.openai.com'],
      ['anthropic-messages.sh', 'https://api.anthropic.com'],
      ['zhipu-chat.sh', 'https://open.bigmodel.cn'],
      ['deepseek-chat.sh', 'https://api.deepseek.com'],
    ] as const) {
      await compare(fixture(file).split(host).join(base()), env);
    }
  });

  it('DevTools "Copy as cURL (bash)"', async () => {
    await compare(fixture('chrome-bash.sh').replace(/http:\/\/127\.0\.0\.1:8080/g, base()));
  });

  it('the options whose meaning is easy to get wrong', async () => {
    const u = `${base()}/v1/x`;
    for (const cmd of [
      `curl -G -d a=1 --data-urlencode 'q=a b&c' '${u}?z=9'`,
      `curl -d a=1 -d b=2 --data-raw '@lit' '${u}'`,
      `curl --data-urlencode '=x/y z' --data-urlencode 'plain text+1' '${u}'`,
      `curl --json '{"a":1}' --json ',"b":2}' -H 'Accept: text/plain' '${u}'`,
      `curl -I '${u}'`,
      `curl -XPATCH -d x '${u}'`,
      `curl -u alice:s3cr3t -A agent/1 -e 'https://ref.example/;auto' -b 'a=1; b=2' '${u}'`,
      `curl -H 'X-Empty;' -H 'X-Gone:' -H 'X-Kept: v' '${u}'`,
      `curl --oauth2-bearer tok123 --url '${u}' --url-query 'k=v w'`,
      `curl $'${u}' -H $'X-Ansi: it\\'s \\x41'`,
    ]) {
      await compare(cmd);
    }
  });
});
