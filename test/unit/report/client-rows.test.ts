import { describe, expect, it } from 'vitest';
import { CLIENT_IDS } from '../../../src-main/common/clients.js';
import type { Report } from '../../../src-main/common/report.js';
import { clientRoutes } from '../../../src-main/engine/clients/routes.js';
import { judgeClients, type MatrixFacts, type PathOutcome } from '../../../src-main/engine/clients/judge.js';
import type { PythonFacts } from '../../../src-main/engine/clients/python.js';
import { clientRow } from '../../../src-main/report/client-rows.js';
import { CLIENT_TEXTS, localizeReport } from '../../../src-main/report/text/index.js';

// Matrix rows are data (a sentence code and values) worded by the text module in either
// language; a language switch re-words them without the engine.

const T = new URL('https://api.example.com/v1/models');
const PY: PythonFacts = { python: 'python3', found: true, version: '3.11.2', executable: '/usr/bin/python3', certifi: '/etc/ssl/certs/ca-certificates.crt', modules: { requests: true, httpx: true, socksio: true, socks: false, openai: false, anthropic: false }, httpxSocks5h: null, reason: null };
const ok = (trust: PathOutcome['trust']): PathOutcome => ({ ok: true, code: null, errno: null, trust, hostnameError: null, chainSeen: true });
const down: PathOutcome = { ok: false, code: 'TCP_UNREACHABLE', errno: 'EHOSTUNREACH', trust: {}, hostnameError: null, chainSeen: false };

function facts(env: NodeJS.ProcessEnv, paths: Record<string, PathOutcome>, over: Partial<MatrixFacts> = {}): MatrixFacts {
  return {
    https: true, routes: clientRoutes(CLIENT_IDS, { env, target: T, systemPac: null, nodeVersion: '20.20.0', os: 'linux' }), paths, mainKey: 'direct', stores: {},
    env, nodeVersion: '20.20.0', python: PY, findings: [], requestSent: true, ttfbMs: 100, ...over,
  };
}

/** Scenarios that between them produce most reason keys. */
const SCENARIOS: MatrixFacts[] = [
  facts({}, { direct: ok({ 'node-bundled': false, 'node-extra': false, os: true, certifi: false }) }),
  facts({ HTTPS_PROXY: 'http://lab:pw@127.0.0.1:3128' }, { direct: down, 'http://lab:pw@127.0.0.1:3128': ok({ 'node-bundled': true, os: true, certifi: true }) }, { mainKey: 'http://lab:pw@127.0.0.1:3128' }),
  facts({}, { direct: ok({ 'node-bundled': true, os: true, certifi: null }) }, { stores: { certifi: { source: null, reason: 'x', reasonRef: { code: 'client.python.noCertifi', values: { python: '/usr/local/bin/python3' } } } } }),
  facts({}, { direct: ok({ 'node-bundled': true, os: true, certifi: true }) }, { python: { ...PY, found: false, reason: 'python3 not found', reasonRef: { code: 'client.python.notFound', values: { python: 'python3' } } } }),
];

const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

describe('client matrix rows as data', () => {
  it('every row of every scenario has a label and reason by code, worded in en and zh-CN (no code shown, no "?" hole, no password)', () => {
    for (const f of SCENARIOS) {
      for (const d of judgeClients(CLIENT_IDS, f)) {
        const row = clientRow(d, f, 'en');
        expect(CLIENT_TEXTS, row.reasonRef?.code).toHaveProperty([row.reasonRef!.code]);
        expect(CLIENT_TEXTS, row.labelRef?.code).toHaveProperty([row.labelRef!.code]);
        const zh = clientRow(d, f, 'zh-CN');
        for (const r of [row, zh]) {
          expect(r.reason, d.reason.key).not.toMatch(/client\.|\?|undefined|\[object/);
          expect(r.reason).not.toContain(':pw@');
        }
        expect(hasCjk(zh.reason), `${d.id} ${d.reason.key}: ${zh.reason}`).toBe(true);
        expect(hasCjk(row.reason), row.reason).toBe(false);
      }
    }
  });

  it('a report written in English re-words its rows in Chinese (and back) from the data alone', () => {
    const f = SCENARIOS[0]!;
    const clients = judgeClients(CLIENT_IDS, f).map((d) => clientRow(d, f, 'en'));
    const report = { lang: 'en', findings: [], stages: [], summary: { verdict: 'healthy', rootCause: null, headline: 'x' }, clients } as unknown as Report;
    const zh = localizeReport(report, 'zh-CN');
    expect(zh.clients?.find((c) => c.id === 'browser')?.label).toBe('浏览器（系统代理与系统信任库）');
    for (const c of zh.clients ?? []) expect(hasCjk(c.reason), c.reason).toBe(true);
    expect(zh.clients?.find((c) => c.id === 'node')?.reason).toBe('失败：它信任的 Node 内置根证书、NODE_EXTRA_CA_CERTS 中没有该证书链的 CA，而系统信任库中有。');
    expect(localizeReport(zh, 'en').clients).toEqual(clients);
    // A row from an older report (words only) keeps its words.
    const old = { ...report, clients: [{ id: 'curl', label: 'curl', outcome: 'ok', code: null, reason: 'Works.' }] } as unknown as Report;
    expect(localizeReport(old, 'zh-CN').clients?.[0]?.reason).toBe('Works.');
  });

  it('a Python row names the interpreter whose facts it used, and says when that interpreter lacks the module', () => {
    const pyenv: PythonFacts = { ...PY, version: '3.11.7', executable: '/root/.pyenv/versions/3.11.7/bin/python3', modules: { ...PY.modules, requests: false } };
    const f = facts({}, { direct: ok({ 'node-bundled': true, os: true, certifi: true }) }, { python: pyenv });
    const rows = judgeClients(['python-requests', 'python-httpx'], f).map((d) => clientRow(d, f, 'en'));
    expect(rows[0]!.label).toBe('Python 3.11.7 requests (/root/.pyenv/versions/3.11.7/bin/python3: requests not installed)');
    expect(rows[1]!.label).toBe('Python 3.11.7 httpx (/root/.pyenv/versions/3.11.7/bin/python3)');
    expect(clientRow(judgeClients(['python-requests'], f)[0]!, f, 'zh-CN').label).toBe('Python 3.11.7 requests（/root/.pyenv/versions/3.11.7/bin/python3：未安装 requests）');
  });
});
