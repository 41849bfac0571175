import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cli } from '../cli-run.js';
import type { Report } from '../../src-main/common/report.js';
import { intakeToCli, curlToIntake } from '../../src-main/cli/intake-request.js';
import { startHttpLab, LAB_KEYS, type HttpLab } from '../lab/http-lab.js';
import { reportSchemaErrors } from '../report-schema.js';

let lab: HttpLab;
let dir: string;
beforeAll(async () => {
  lab = await startHttpLab();
  dir = await mkdtemp(path.join(os.tmpdir(), 'intake-cli-'));
});
afterAll(async () => {
  await lab?.close();
  await rm(dir, { recursive: true, force: true });
});

const parseReport = (stdout: string): Report => {
  const r = JSON.parse(stdout) as Report;
  expect(reportSchemaErrors(r)).toEqual([]);
  return r;
};

describe('diagnose --from-curl', () => {
  it('a pasted command with the right key: healthy, exit 0, the key never printed', async () => {
    const cmd = `curl '${lab.url('/openai/v1/models', 'https')}' \\\n  -H 'Authorization: Bearer ${LAB_KEYS.openai}' \\\n  --cacert ${lab.pki.caFile} -s`;
    const r = await cli(['diagnose', '--from-curl', cmd, '--json', '--samples', '1']);
    expect(r.code).toBe(0);
    const report = parseReport(r.stdout);
    expect(report.target.url).toBe(lab.url('/openai/v1/models', 'https'));
    expect(report.stages.find((s) => s.id === 'auth')?.status).toBe('pass');
    expect(r.stderr).toContain('understood: GET');
    expect(r.stderr).toContain('-s: only changes what curl prints');
    expect(`${r.stdout}${r.stderr}`).not.toContain(LAB_KEYS.openai);
  });

  it('a command copied from the docs: $OPENAI_API_KEY comes from the environment, as in a shell', async () => {
    const cmd = `curl ${lab.url('/openai/v1/models')} -H "Authorization: Bearer $OPENAI_API_KEY"`;
    const r = await cli(['diagnose', '--from-curl', cmd, '--json', '--samples', '1'], { OPENAI_API_KEY: LAB_KEYS.openai });
    expect(r.code).toBe(0);
    expect(`${r.stdout}${r.stderr}`).not.toContain(LAB_KEYS.openai);
    const unset = await cli(['diagnose', '--from-curl', cmd, '--json', '--samples', '1'], {});
    expect(unset.stderr).toContain('$OPENAI_API_KEY is not set here');
  });

  it('a wrong key in -H: the auth stage judges it (AUTH_REJECTED), exit 1', async () => {
    const wrong = 'sk-proj-wrongWrongWrongWrongWrong9999';
    const r = await cli(['diagnose', '--from-curl', `curl -H "Authorization: Bearer ${wrong}" ${lab.url('/openai/v1/models')}`, '--json', '--samples', '1']);
    expect(r.code).toBe(1);
    const report = parseReport(r.stdout);
    expect(report.summary.rootCause).toBe('AUTH_REJECTED');
    expect(`${r.stdout}${r.stderr}`).not.toContain(wrong);
  });

  it('options next to the command win over it (--timeout), and the rest still comes from the command', async () => {
    const r = await cli(['diagnose', '--from-curl', `curl -X POST --connect-timeout 3 ${lab.url('/openai/v1/models')}`, '--timeout', '4000', '--json', '--samples', '1']);
    const report = parseReport(r.stdout);
    expect(report.target.method).toBe('POST');
  });

  it('bad input: exit 2, one line on stderr, the secret in the command redacted', async () => {
    const secret = 'sk-proj-SecretInABrokenCommand12345';
    for (const cmd of [`curl -H 'Authorization: Bearer ${secret}'`, `curl -H 'Authorization: Bearer ${secret} https://x.example`, `curl -H 'Authorization Bearer ${secret}' https://x.example/`, `curl -u bob:${secret} ftp://x.example/`]) {
      const r = await cli(['diagnose', '--from-curl', cmd]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toContain(secret);
    }
  });

  it('-k marks the request insecure (for ENV_TLS_VERIFY_DISABLED); a key in the URL becomes the query credential', () => {
    const cliReq = intakeToCli(curlToIntake({ command: `curl -k 'https://api.example.com/v1/models?key=AIzaSyA-abcdefghijklmnop0123'` }, dir), [], dir);
    expect(cliReq.request.insecure).toBe(true);
    expect(cliReq.request.auth).toEqual({ kind: 'query', param: 'key' });
    expect(cliReq.request.url).toBe('https://api.example.com/v1/models');
    expect(cliReq.credential?.reveal()).toBe('AIzaSyA-abcdefghijklmnop0123');
    expect(cliReq.understood.join('\n')).not.toContain('AIzaSyA-abcdefghijklmnop0123');
  });

  it('curl -k: the doctor still verifies, and the environment stage reports ENV_TLS_VERIFY_DISABLED from "curl -k"', async () => {
    const r = await cli(['diagnose', '--from-curl', `curl -k -H 'Authorization: Bearer ${LAB_KEYS.openai}' ${lab.url('/openai/v1/models', 'https')}`, '--json', '--samples', '1']);
    const report = parseReport(r.stdout);
    const f = report.findings.find((x) => x.code === 'ENV_TLS_VERIFY_DISABLED');
    expect(f?.evidence).toMatchObject({ source: 'curl -k' });
    // No --cacert: the lab's certificate is not trusted, whatever -k says.
    expect(report.findings.map((x) => x.code)).toContain('TLS_UNTRUSTED_CERT');
    expect(r.stdout + r.stderr).not.toContain(LAB_KEYS.openai);
  });

  it('-d @file is read relative to the working directory', async () => {
    await writeFile(path.join(dir, 'body.json'), '{"model":"gpt-4o-mini"}\n');
    const c = intakeToCli(curlToIntake({ command: `curl -d @body.json ${lab.url('/openai/v1/models')}` }, dir), [], dir);
    expect(c.request.body).toBe('{"model":"gpt-4o-mini"}');
    expect(c.request.method).toBe('POST');
  });
});

describe('api-doctor curl (drop-in)', () => {
  it('takes curl’s own words and prints the human report with diagnose’s exit code', async () => {
    const r = await cli(['curl', '-sS', '-H', `Authorization: Bearer ${LAB_KEYS.openai}`, lab.url('/openai/v1/models')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/HEALTHY|DEGRADED/);
    expect(r.stdout + r.stderr).not.toContain(LAB_KEYS.openai);
  });
  it('no arguments: exit 2', async () => {
    const r = await cli(['curl']);
    expect(r.code).toBe(2);
  });
});

describe('explain', () => {
  it('--json prints exactly the contract shape', async () => {
    const r = await cli(['explain', 'openai.APIConnectionError: Connection error.', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { matches: { code: string; confidence: number; why: string }[]; next: string };
    expect(Object.keys(j).sort()).toEqual(['matches', 'next']);
    for (const m of j.matches) expect(Object.keys(m).sort()).toEqual(['code', 'confidence', 'why']);
    expect(j.matches.length).toBeGreaterThan(0);
    expect(j.matches.length).toBeLessThanOrEqual(5);
  });
  it('reads stdin for -, and speaks Chinese with --lang zh-CN', async () => {
    const r = await cli(['explain', '-', '--lang', 'zh-CN'], {}, { stdin: 'connect ECONNREFUSED 127.0.0.1:7890\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('TCP_REFUSED');
    expect(r.stdout).toContain('下一步');
  });
  it('nothing recognised: empty matches, still a next step', async () => {
    const r = await cli(['explain', 'the weather is nice today', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ matches: [] });
  });
});
