import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { runCli } from '../../src-main/cli/main.js';
import { startCanaryApi, type CanaryApi } from '../lab/canary-api.js';
import { startConnectProxy, type LabProxy } from '../lab/index.js';
import { findLeak, randomCanary } from './canary-forms.js';

/**
 * Canary tests for pasted artifacts: a curl command (bash and cmd flavours, the drop-in) and a
 * HAR carry random secrets in every place they can — Authorization, x-api-key, -u, a key in the
 * URL, --proxy-user, a cookie — and the lab echoes them back in every way a real API does. Not
 * one may reach stdout, stderr, the JSON report, or any byte of the bundle.
 */
const BEARER = randomCanary('brr');
const XKEY = randomCanary('xky');
const USERPASS = randomCanary('usr');
const URLKEY = randomCanary('url');
const PROXYPASS = randomCanary('pxy');
const COOKIE = randomCanary('cki');
const ALL = [BEARER, XKEY, USERPASS, URLKEY, PROXYPASS, COOKIE];

let api: CanaryApi;
let proxy: LabProxy;
let dir: string;
beforeAll(async () => {
  api = await startCanaryApi({ accessToken: randomCanary('acc') });
  proxy = await startConnectProxy({ kind: 'auth', user: 'alice', pass: 'the-right-password' });
  dir = await mkdtemp(path.join(os.tmpdir(), 'canary-intake-'));
});
afterAll(async () => {
  await Promise.all([api?.close(), proxy?.close()]);
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function run(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; texts: Record<string, string> }> {
  const texts: Record<string, string> = {};
  const bundle = path.join(dir, `b${n++}.zip`);
  let stdout = '';
  let stderr = '';
  const withBundle = argv[0] === 'diagnose' ? [...argv, '--timeout', '4000', '--samples', '1', '--bundle', bundle] : argv;
  const code = await runCli(withBundle, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: true },
    env,
    cwd: dir,
  });
  texts.stdout = stdout;
  texts.stderr = stderr;
  if (argv[0] === 'diagnose' && code !== 2 && !argv.includes('--list')) {
    const zip = await readFile(bundle);
    texts['zip-bytes'] = zip.toString('latin1');
    for (const [name, data] of Object.entries(unzipSync(zip))) texts[`bundle/${name}`] = strFromU8(data);
  }
  return { code, texts };
}

function expectNoLeak(o: { texts: Record<string, string> }) {
  for (const [where, text] of Object.entries(o.texts)) {
    const leak = findLeak(text, ALL);
    expect(leak, `${where}: ${leak}`).toBeNull();
  }
}

const sent = (p: string, value: string) => api.received.some((x) => x.path === p && (x.auth?.includes(value) || x.query.includes(value)));

describe('pasted commands never leak their secrets', () => {
  it('bash: Authorization header, a cookie, a key in the URL', async () => {
    const cmd = `curl '${api.url('http', '/v1/unauthorized')}?api_key=${URLKEY}' \\\n  -H 'Authorization: Bearer ${BEARER}' \\\n  -b 'session=${COOKIE}' -sS`;
    for (const json of [true, false]) {
      const o = await run(['diagnose', '--from-curl', cmd, ...(json ? ['--json'] : [])]);
      expect(o.code).toBe(1);
      expectNoLeak(o);
    }
    expect(sent('/v1/unauthorized', BEARER)).toBe(true);
  });

  it('cmd flavour with x-api-key, and -u user:password', async () => {
    const cmd = `curl ^"${api.url('http', '/v1/forbidden')}^" ^\r\n  -H ^"x-api-key: ${XKEY}^" ^\r\n  -H ^"accept: */*^"`;
    const o = await run(['diagnose', '--from-curl', cmd, '--json']);
    expect(sent('/v1/forbidden', XKEY)).toBe(true);
    expectNoLeak(o);
    const u = await run(['diagnose', '--from-curl', `curl -u bob:${USERPASS} ${api.url('http', '/v1/unauthorized')}`]);
    expect(api.received.some((x) => x.auth === `Basic ${Buffer.from(`bob:${USERPASS}`).toString('base64')}`)).toBe(true);
    expectNoLeak(u);
  });

  it('--proxy-user on a proxy that refuses it (407)', async () => {
    const o = await run(['diagnose', '--from-curl', `curl -x http://${proxy.host}:${proxy.port} --proxy-user alice:${PROXYPASS} -H 'Authorization: Bearer ${BEARER}' https://api.example.invalid/v1/models`, '--json']);
    expect(o.texts.stdout).toContain('PROXY_AUTH_REQUIRED');
    expectNoLeak(o);
  });

  it('$VARIABLES in a pasted command, expanded from the environment (a custom header too)', async () => {
    const o = await run(['diagnose', '--from-curl', `curl ${api.url('http', '/v1/unauthorized')} -H "Authorization: Bearer $MY_API_KEY" -H "X-Custom: \${MY_SESSION_TOKEN}"`, '--json'], { MY_API_KEY: BEARER, MY_SESSION_TOKEN: COOKIE });
    expect(sent('/v1/unauthorized', BEARER)).toBe(true);
    expectNoLeak(o);
  });

  it('the drop-in and a key in the URL moved to the auth stage', async () => {
    const o = await run(['curl', `${api.url('http', '/v1/query')}?key=${URLKEY}`, '-H', `Authorization: Bearer ${BEARER}`]);
    expectNoLeak(o);
  });

  it('usage errors about a pasted command', async () => {
    for (const cmd of [`curl -H 'Authorization ${BEARER}' ${api.url('http', '/v1/models')}`, `curl -u bob:${USERPASS} -m never ${api.url('http', '/v1/models')}`, `curl 'unclosed -H "Authorization: Bearer ${BEARER}"`, `curl -H 'Authorization: Bearer ${BEARER}'`]) {
      const o = await run(['diagnose', '--from-curl', cmd, '--json']);
      expect(o.code).toBe(2);
      expectNoLeak(o);
    }
  });

  it('a HAR with the secrets in headers, cookies and the query', async () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        entries: [
          {
            request: {
              method: 'GET',
              url: `${api.url('http', '/v1/unauthorized')}?api_key=${URLKEY}`,
              headers: [
                { name: 'Authorization', value: `Bearer ${BEARER}` },
                { name: 'Cookie', value: `session=${COOKIE}` },
                { name: 'x-api-key', value: XKEY },
              ],
              cookies: [{ name: 'session', value: COOKIE }],
            },
            response: { status: 401 },
          },
        ],
      },
    };
    const file = path.join(dir, 'secrets.har');
    await writeFile(file, JSON.stringify(har));
    for (const extra of [['--list'], ['--json'], []]) {
      const o = await run(['diagnose', '--from-har', file, ...extra]);
      expectNoLeak(o);
    }
  });
});
