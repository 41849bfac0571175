import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
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

type Snippets = Record<string, string>;
const snippetsOf = async (args: string[], env: NodeJS.ProcessEnv) => ((await diagnoseJson([...args, '--timeout', '2000', '--samples', '1'], { env })).report.advice as unknown as { snippets: Snippets }).snippets;

/** Runs the Node fetch snippet with this node, as a user would paste it into a .mjs file. */
async function nodeStatus(code: string, vars: Record<string, string>): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'api-doctor-fetch-'));
  try {
    writeFileSync(path.join(dir, 'snippet.mjs'), code);
    const { stdout } = await run(process.execPath, [path.join(dir, 'snippet.mjs')], { env: { ...vars }, timeout: 20_000 });
    return Number(stdout.split(/\s/)[0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('"copy as": Node fetch, HTTPie and the OpenAI SDKs, secrets as environment variables', () => {
  it('the model list: every flavour, the key only as $K; the Node fetch one reproduces 200 and 401', async () => {
    const s = await snippetsOf([lab.url('/openai/v1/models'), '--provider', 'openai', '--token-env', 'K'], { K: LAB_KEYS.openai });
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['curl', 'pythonRequests', 'nodeFetch', 'httpie', 'pythonOpenai', 'nodeOpenai']));
    expect(JSON.stringify(s)).not.toContain(LAB_KEYS.openai);
    expect(s.pythonOpenai).toContain('os.environ.setdefault("OPENAI_API_KEY", os.environ["K"])');
    expect(s.pythonOpenai).toContain(`OpenAI(base_url="${lab.url('/openai/v1')}"`);
    expect(s.pythonOpenai).toContain('client.models.list()');
    expect(s.nodeOpenai).toContain('apiKey: process.env.K');
    expect(s.httpie).toMatch(/^http --timeout=\S+ GET '.*\/openai\/v1\/models' "Authorization:Bearer \$\{K\}"/);
    expect(await nodeStatus(s.nodeFetch!, { K: LAB_KEYS.openai })).toBe(200);
    expect(await nodeStatus(s.nodeFetch!, { K: 'sk-proj-wrongWrongWrongWrong0000' })).toBe(401);
  });

  it('a chat completion: the SDK snippets carry the body as the call’s arguments', async () => {
    const body = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"max_tokens":1}';
    const s = await snippetsOf([lab.url('/openai/v1/chat/completions'), '-X', 'POST', '-d', body, '--provider', 'openai', '--token-env', 'K'], { K: LAB_KEYS.openai });
    expect(s.pythonOpenai).toContain(`client.chat.completions.create(**${body})`);
    expect(s.nodeOpenai).toContain(`client.chat.completions.create(${body})`);
    expect(s.httpie).toContain(`--raw='${body}'`);
  });

  it('no OpenAI SDK snippet for an endpoint the SDK cannot call', async () => {
    const s = await snippetsOf([lab.url('/api/anthropic/v1/messages'), '-X', 'POST', '-d', '{}', '--token-env', 'K'], { K: LAB_KEYS.anthropic });
    expect(s.pythonOpenai).toBeUndefined();
    expect(s.nodeFetch).toContain('process.env.K');
  });
});
