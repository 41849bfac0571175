import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main.js';
import type { Report } from '../../../src-main/common/report.js';
import { startCanaryApi, type CanaryApi } from '../../lab/canary-api.js';

/** Item 10: a 403 says what was actually sent. */
let api: CanaryApi;
beforeAll(async () => {
  api = await startCanaryApi({ accessToken: 'unused-access-token-0123' });
});
afterAll(async () => {
  await api?.close();
});

async function diagnose(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  await runCli(['diagnose', ...args, '--samples', '1', '--timeout', '3000', '--json'], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => {} }, env, cwd: process.cwd() });
  return JSON.parse(stdout) as Report;
}

describe('403', () => {
  it.each(['en', 'zh-CN'] as const)('with no credential sent (%s): never "knows who you are" / "valid"; says none was sent', async (lang) => {
    const r = await diagnose([api.url('http', '/v1/forbidden'), '--lang', lang]);
    const f = r.findings.find((x) => x.code === 'AUTH_FORBIDDEN')!;
    expect(f.evidence.credentialSent).toBe(false);
    const text = `${f.title} ${f.detail} ${f.fixes.join(' ')}`;
    expect(text).not.toMatch(/knows who you are|credential is valid|凭据有效|识别了身份/);
    expect(text).toMatch(lang === 'en' ? /no credential was sent/i : /未发送任何凭据/);
  });

  it('with a credential sent: says how it was sent', async () => {
    const r = await diagnose([api.url('http', '/v1/forbidden'), '--token-env', 'K'], { K: 'sk-lab-forbidden-0123456789abcdef' });
    const f = r.findings.find((x) => x.code === 'AUTH_FORBIDDEN')!;
    expect(f.evidence).toMatchObject({ credentialSent: true, sentAs: expect.stringMatching(/Bearer/) });
    expect(f.detail).toMatch(/made with Bearer/);
  });
});
