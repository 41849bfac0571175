import { describe, expect, it } from 'vitest';
import { diagnosisHandlers } from '../../../src-main/app/diagnosis-handlers.js';
import type { CallContext } from '../../../src-main/app/handlers.js';
import type { Lang } from '../../../src-main/common/report.js';
import { defaultRequest, type DiagnosisRequest } from '../../../src-main/common/request.js';
import { REQUEST_LIMITS } from '../../../src-main/common/request-limits.js';
import { normalizeDnsServer, validateDiagnosisRequest } from '../../../src-main/common/request-schema.js';
import { parseDiagnoseArgs } from '../../../src-main/cli/parse-diagnose.js';
import { cli } from '../../cli-run.js';

// One request, three faces: the CLI's flags, the wizard over IPC, and the plain validator that
// pasted curl and HAR import call. The same bad request must get the same sentence from each.

const ctx: CallContext = { emit: () => undefined };
const ipc = diagnosisHandlers({ chooseCaFile: async () => null, engine: { probes: [], rules: {}, platform: { env: {} } }, env: {} });

interface Case {
  what: string;
  argv: string[];
  request: Partial<DiagnosisRequest>;
  en: string | RegExp;
}

const URL_OK = 'https://api.example.com/v1/models';
const CASES: Case[] = [
  { what: 'a URL that is not one', argv: ['api.example.com v1'], request: { url: 'api.example.com v1' }, en: '"api.example.com v1" is not a URL: give the full address, starting with https://' },
  { what: 'an ftp URL', argv: ['ftp://files.example/x'], request: { url: 'ftp://files.example/x' }, en: '"ftp:" URLs are not supported: use http:// or https://' },
  { what: 'a method with a space', argv: [URL_OK, '-X', 'GE T'], request: { method: 'GE T' }, en: '"GE T" is not an HTTP method' },
  { what: 'CONNECT', argv: [URL_OK, '-X', 'connect'], request: { method: 'connect' }, en: /^CONNECT opens a proxy tunnel/ },
  { what: 'a header name with a space', argv: [URL_OK, '-H', 'X Key: 1'], request: { headers: [{ name: 'X Key', value: '1' }] }, en: '"X Key" is not a valid header name (letters, digits and - only)' },
  { what: 'a timeout past the ceiling', argv: [URL_OK, '--timeout', '600001'], request: { timeoutMs: 600_001 }, en: 'The timeout must be a whole number of ms between 100 and 600000, got 600001' },
  { what: 'a timeout under the floor', argv: [URL_OK, '--timeout', '99'], request: { timeoutMs: 99 }, en: /between 100 and 600000, got 99$/ },
  { what: 'zero samples', argv: [URL_OK, '--samples', '0'], request: { samples: 0 }, en: 'The number of samples must be a whole number between 1 and 100, got 0' },
  { what: 'too many samples', argv: [URL_OK, '--samples', '101'], request: { samples: 101 }, en: /between 1 and 100, got 101$/ },
  { what: 'a zero slow threshold', argv: [URL_OK, '--slow-ms', '0'], request: { slowMs: 0 }, en: /^The slow threshold must be/ },
  { what: 'an ftp proxy (never echoed: it may hold a password)', argv: [URL_OK, '--proxy', 'ftp://u:hunter2@p:21'], request: { proxy: 'ftp://u:hunter2@p:21' }, en: /^The proxy must be a URL such as http:\/\/proxy\.example:8080/ },
  { what: 'an unknown provider', argv: [URL_OK, '--provider', 'bard'], request: { provider: 'bard' as DiagnosisRequest['provider'] }, en: 'The provider must be one of auto, openai, zhipu, anthropic, azure-openai, generic, deepseek, moonshot, dashscope, openrouter' },
  { what: 'a DNS server by name', argv: [URL_OK, '--dns-server', 'dns.google'], request: { dnsServers: ['dns.google'] }, en: /^"dns\.google" is not a DNS server: give its IP address/ },
  { what: 'a bad env var name', argv: [URL_OK, '--token-env', 'MY-KEY'], request: { credential: { kind: 'env', variable: 'MY-KEY' } }, en: '"MY-KEY" is not an environment variable name (letters, digits and _ only)' },
];

async function viaCli(c: Case, lang: Lang): Promise<string> {
  const r = await cli(['diagnose', ...c.argv, '--lang', lang]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!.replace(/^api-doctor: /, '');
}

async function viaIpc(c: Case, lang: Lang): Promise<string> {
  const r = await ipc.startDiagnosis(ctx, defaultRequest(URL_OK, { ...c.request, lang }));
  if (r.ok) throw new Error('accepted');
  expect(r.error.kind).toBe('bad-input');
  return r.error.message;
}

function viaValidator(c: Case, lang: Lang): string {
  const r = validateDiagnosisRequest(defaultRequest(URL_OK, { ...c.request, lang }));
  if (r.ok) throw new Error('accepted');
  return r.error.message;
}

describe('one DiagnosisRequest schema for every face', () => {
  it.each(CASES)('$what: CLI, IPC and the validator say the same (en)', async (c) => {
    const [fromCli, fromIpc, fromValidator] = [await viaCli(c, 'en'), await viaIpc(c, 'en'), viaValidator(c, 'en')];
    expect(fromCli).toMatch(typeof c.en === 'string' ? new RegExp(`^${c.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : c.en);
    expect(fromIpc).toBe(fromCli);
    expect(fromValidator).toBe(fromCli);
    expect(fromCli).not.toContain('hunter2');
  });

  it.each(CASES)('$what: CLI, IPC and the validator say the same (zh-CN), in Chinese', async (c) => {
    const fromCli = await viaCli(c, 'zh-CN');
    expect(await viaIpc(c, 'zh-CN')).toBe(fromCli);
    expect(viaValidator(c, 'zh-CN')).toBe(fromCli);
    expect(fromCli).toMatch(/[\u4e00-\u9fff]/);
  });

  it('accepts the limits themselves on every face, and normalizes what it accepts', async () => {
    const edge = { timeoutMs: REQUEST_LIMITS.timeoutMs.max, samples: REQUEST_LIMITS.samples.max, method: 'propfind', dnsServers: ['::1', '10.0.0.1'] };
    const v = validateDiagnosisRequest(defaultRequest(` ${URL_OK} `, edge));
    expect(v).toMatchObject({ ok: true, value: { url: URL_OK, method: 'PROPFIND', dnsServers: ['[::1]:53', '10.0.0.1:53'] } });
    const { request } = parseDiagnoseArgs([URL_OK, '--timeout', '600000', '--samples', '100', '-X', 'propfind', '--dns-server', '::1'], process.cwd());
    expect(request).toMatchObject({ timeoutMs: 600_000, samples: 100, method: 'PROPFIND', dnsServers: ['[::1]:53'] });
    expect((await ipc.startDiagnosis(ctx, defaultRequest(URL_OK, edge))).ok).toBe(true);
  });

  it('refuses what is not a request at all, naming the field', () => {
    expect(validateDiagnosisRequest(null)).toMatchObject({ ok: false, error: { kind: 'bad-input' } });
    expect(validateDiagnosisRequest({ url: URL_OK })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^method: /) } });
    expect(validateDiagnosisRequest(defaultRequest(URL_OK, { oauth: { tokenUrl: 'https://t.example/token', clientId: 'c' } }))).toMatchObject({ ok: false, error: { message: /^OAuth needs the client secret/ } });
  });

  it('normalizes DNS servers to one spelling', () => {
    expect(normalizeDnsServer('[::1]:5353')).toBe('[::1]:5353');
    expect(normalizeDnsServer('1.1.1.1')).toBe('1.1.1.1:53');
    expect(normalizeDnsServer('1.1.1.1:0')).toBeNull();
    expect(normalizeDnsServer('a:b:c')).toBeNull();
    expect(normalizeDnsServer('fe80::1%eth0')).toBeNull();
  });
});
