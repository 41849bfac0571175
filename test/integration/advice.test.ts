import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseJson } from '../lab/index.js';
import { LAB_KEYS, startHttpLab, type HttpLab } from '../lab/http-lab.js';

const run = promisify(execFile);
let lab: HttpLab;
beforeAll(async () => {
  lab = await startHttpLab();
});
afterAll(async () => {
  await lab?.close();
});

const env = { K: LAB_KEYS.openai, BAD: 'sk-proj-wrongWrongWrongWrong0000', A: LAB_KEYS.anthropic, U: 'lab-user:lab-pass-0001' };
interface Advice {
  timeouts: { connectMs: number; readMs: number; reason: string };
  retry: { retryOn: string[]; neverRetry: string[]; note: string | null; honourRetryAfter: boolean };
  headers: string[];
  secretEnvVar: string;
  snippets: { curl: string; pythonRequests: string; pythonHttpx: string; typescript: string };
}
const adviceOf = async (args: string[]) => {
  const r = await diagnoseJson([...args, '--timeout', '2000', '--samples', '1'], { env });
  return { r, advice: r.report.advice as unknown as Advice };
};
/** Runs the generated curl command with the real curl, as a user would paste it, and returns the status it got. */
async function curlStatus(cmd: string, vars: Record<string, string>): Promise<number> {
  const { stdout } = await run('bash', ['-c', `${cmd} -o /dev/null -w '%{http_code}'`], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...vars }, timeout: 20_000 });
  return Number(stdout.trim());
}

/** Runs the generated TypeScript (undici) snippet with node, as a user would after compiling it, and returns what it printed first. */
async function tsStatus(code: string, vars: Record<string, string>): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'api-doctor-snippet-'));
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  try {
    const js = (await transform(code, { loader: 'ts', format: 'esm' })).code;
    writeFileSync(path.join(dir, 'snippet.mjs'), js);
    const { stdout } = await run(process.execPath, [path.join(dir, 'snippet.mjs')], { env: { ...vars }, timeout: 20_000 });
    return Number(stdout.split(/\s/)[0]);
  } finally {
    rmSync(dir, { recursive: true, force: true }); // removes the node_modules link, not what it points to
  }
}

describe('client advice', () => {
  it('healthy https call: timeouts with a reason, retry policy, and a curl that reproduces 200 with the key only as ${K}', async () => {
    const { r, advice } = await adviceOf([lab.url('/openai/v1/models', 'https'), '--ca-file', lab.pki.caFile, '--provider', 'openai', '--token-env', 'K']);
    expect(advice.timeouts.connectMs).toBeGreaterThanOrEqual(2000);
    expect(advice.timeouts.readMs).toBeGreaterThanOrEqual(30_000);
    expect(advice.timeouts.reason).toMatch(/p90 time to first byte/);
    expect(advice.retry.retryOn).toContain('503');
    expect(advice.retry.neverRetry).toContain('401');
    expect(advice.headers).toContain('Authorization: Bearer <K>');
    expect(advice.snippets.curl).toContain('"Authorization: Bearer ${K}"');
    expect(advice.snippets.curl).toContain('--cacert');
    expect(JSON.stringify(advice)).not.toContain(LAB_KEYS.openai);
    expect(await curlStatus(advice.snippets.curl, { K: LAB_KEYS.openai })).toBe(200);
    expect(r.report.exchanges[0]!.response!.status).toBe(200);
    expect(advice.snippets.pythonRequests).toContain("os.environ['K']");
    expect(advice.snippets.typescript).toContain('process.env.K');
    expect(await tsStatus(advice.snippets.typescript, { K: LAB_KEYS.openai })).toBe(200);
  });

  it('the curl for a refused key reproduces the 401; advice says not to retry it', async () => {
    const { r, advice } = await adviceOf([lab.url('/openai/v1/models'), '--provider', 'openai', '--token-env', 'BAD']);
    expect(r.report.summary.rootCause).toBe('AUTH_REJECTED');
    expect(advice.retry.note).toMatch(/retrying a refused key/);
    expect(await curlStatus(advice.snippets.curl, { BAD: env.BAD })).toBe(401);
  });

  it('rate limit: curl reproduces 429; advice says to wait for Retry-After', async () => {
    const { advice } = await adviceOf([lab.url('/s/rate'), '--token-env', 'K']);
    expect(advice.retry.note).toMatch(/Retry-After/);
    expect(await curlStatus(advice.snippets.curl, { K: LAB_KEYS.openai })).toBe(429);
    expect(await tsStatus(advice.snippets.typescript, { K: LAB_KEYS.openai })).toBe(429);
  });

  it('a POST with a body: curl sends the same body and gets the same 400', async () => {
    const { r, advice } = await adviceOf([lab.url('/s/bad-request'), '-X', 'POST', '-d', `{"max_token":1,"note":"it's"}`]);
    expect(r.report.summary.rootCause).toBe('HTTP_BAD_REQUEST');
    expect(advice.snippets.curl).toContain("--data-raw");
    expect(await curlStatus(advice.snippets.curl, {})).toBe(400);
  });

  it('x-api-key placement: curl puts the key in that header and gets 200', async () => {
    const { advice } = await adviceOf([lab.url('/s/anthropic-key'), '--token-env', 'A', '--auth', 'header:x-api-key']);
    expect(advice.snippets.curl).toContain('"x-api-key: ${A}"');
    expect(await curlStatus(advice.snippets.curl, { A: LAB_KEYS.anthropic })).toBe(200);
  });

  it('zh-CN: the timeout reason is in Chinese', async () => {
    const { advice } = await adviceOf([lab.url('/openai/v1/models'), '--provider', 'openai', '--token-env', 'K', '--lang', 'zh-CN']);
    expect(advice.timeouts.reason).toMatch(/读取超时/);
  });

  it('query-parameter and Basic placements: the curl keeps the secret in the variable and reproduces 200', async () => {
    const q = await adviceOf([lab.url('/s/query-key'), '--token-env', 'K', '--auth', 'query:key']);
    expect(q.r.report.summary.verdict).toBe('healthy');
    expect(q.advice.snippets.curl).toContain(`?key='"${'${K}'}"`);
    expect(await curlStatus(q.advice.snippets.curl, { K: LAB_KEYS.openai })).toBe(200);
    const b = await adviceOf([lab.url('/s/basic-auth'), '--token-env', 'U', '--auth', 'basic']);
    expect(b.r.report.summary.verdict).toBe('healthy');
    expect(b.advice.snippets.curl).toContain('-u "${U}"');
    expect(await curlStatus(b.advice.snippets.curl, { U: env.U })).toBe(200);
    expect(JSON.stringify(b.r.report)).not.toContain('lab-pass-0001');
  });
});
