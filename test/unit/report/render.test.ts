import { describe, expect, it } from 'vitest';
import type { Advice } from '../../../src-main/common/advice.js';
import type { Report } from '../../../src-main/common/report.js';
import { STAGES } from '../../../src-main/common/stages.js';
import { renderText } from '../../../src-main/report/render-text.js';
import { renderMarkdown } from '../../../src-main/report/render-markdown.js';
import { explain } from '../../../src-main/report/explain/index.js';
import { TEXTS } from '../../../src-main/report/explain/index.js';
import { reportSchemaErrors } from '../../report-schema.js';

function report(lang: 'en' | 'zh-CN'): Report {
  const ev = TEXTS.TLS_CERT_EXPIRED!.example;
  const ev2 = TEXTS.PROXY_IN_USE!.example;
  return {
    schema: 'api-doctor/report@1',
    tool: { name: 'api-doctor', version: '1.2.3' },
    target: { url: 'https://api.example.com/v1/models', method: 'GET', provider: 'generic' },
    lang,
    startedAt: '2026-11-23T20:00:00.000Z',
    durationMs: 120,
    summary: { verdict: 'failing', rootCause: 'TLS_CERT_EXPIRED', headline: explain('TLS_CERT_EXPIRED', ev, lang).title },
    stages: STAGES.map((id, i) => (i < 4 ? { id, status: 'pass' as const, durationMs: i } : id === 'tls' ? { id, status: 'fail' as const, durationMs: 40 } : { id, status: 'skipped' as const, durationMs: 0, reason: id === 'server' ? 'not yet checked' : 'tls failed: certificate not accepted' })),
    findings: [
      { code: 'PROXY_IN_USE', stage: 'proxy', severity: 'info', ...explain('PROXY_IN_USE', ev2, lang), evidence: ev2 },
      { code: 'TLS_CERT_EXPIRED', stage: 'tls', severity: 'error', ...explain('TLS_CERT_EXPIRED', ev, lang), evidence: ev },
    ],
    timings: { dnsMs: 1.2, connectMs: 3.4, tlsMs: 40, ttfbMs: null, downloadMs: null, totalMs: 44.6 },
    exchanges: [],
  };
}

describe('renderers', () => {
  it('the fixture is a valid report', () => expect(reportSchemaErrors(report('en'))).toEqual([]));

  it('text: root cause and fixes before the checklist; marks per status; timing phases with a dash for what did not run', () => {
    const t = renderText(report('en'));
    expect(t.indexOf('Root cause: TLS_CERT_EXPIRED')).toBeLessThan(t.indexOf('How to fix'));
    expect(t.indexOf('How to fix')).toBeLessThan(t.indexOf('Checks'));
    expect(t).toMatch(/✓ dns/);
    expect(t).toMatch(/✗ tls +40 ms {2}TLS_CERT_EXPIRED/);
    expect(t).toMatch(/– server +not yet checked/);
    expect(t).toMatch(/– http +skipped: tls failed/);
    expect(t).toMatch(/ℹ PROXY_IN_USE/);
    expect(t).toMatch(/\|\s+40ms\s+\|\s+—\s+\|/);
    expect(t).not.toContain('\x1b[');
    expect(renderText(report('en'), 'en', { color: true })).toContain('\x1b[31m');
  });

  it('text in Chinese uses the Chinese UI words and aligns CJK stage names', () => {
    const t = renderText(report('zh-CN'));
    for (const w of ['根本原因', '修复方法', '检查项', '耗时', '尚未检查']) expect(t).toContain(w);
    const rows = t.split('\n').filter((l) => /^ {2}[✓✗⚠–] /.test(l));
    expect(rows).toHaveLength(8);
  });

  it('markdown: headings per finding, fixes numbered, evidence folded, stages table', () => {
    const m = renderMarkdown(report('en'));
    expect(m).toMatch(/^# API Doctor report/);
    expect(m).toContain('## `TLS_CERT_EXPIRED` (error — Root cause)');
    expect(m).toMatch(/\| ✗ \| tls \| 40 \| `TLS_CERT_EXPIRED` \|/);
    expect(m).toContain('<details><summary>Evidence</summary>');
    expect(m).toMatch(/^1\. /m);
    expect(renderMarkdown(report('zh-CN'))).toMatch(/^# API Doctor 诊断报告/);
  });
});

describe('text renderer: client advice and skip reasons', () => {
  const advice: Advice = {
    provider: 'openai',
    basedOn: { connectPhaseMs: 12, p90TtfbMs: 300, samples: 3, streamFirstEventMs: null },
    timeouts: { connectMs: 2000, readMs: 30000, reason: 'connecting (DNS+TCP+TLS) took 12 ms here' },
    retry: { retryOn: ['429'], neverRetry: ['401'], maxAttempts: 4, backoff: { initialMs: 500, factor: 2, maxMs: 30000, jitter: 'full' }, honourRetryAfter: true, noteCode: 'SERVER_QUOTA_EXHAUSTED', note: 'This run hit an exhausted quota/balance: retrying will not help.' },
    headers: [],
    secretEnvVar: 'OPENAI_API_KEY',
    snippets: { curl: `curl -sS 'https://api.example.com/v1/models' -H "Authorization: Bearer \${OPENAI_API_KEY}"`, pythonRequests: '', pythonHttpx: '', typescript: '' },
  };

  it('prints the timeouts, the retry note and a curl that reads the key from the environment', () => {
    const t = renderText({ ...report('en'), advice });
    expect(t).toContain('Client advice');
    expect(t).toContain('Timeouts: connect 2000 ms, read 30000 ms');
    expect(t).toContain('connecting (DNS+TCP+TLS) took 12 ms here');
    expect(t).toContain('retrying will not help');
    expect(t).toContain('Reproduce with curl (the key comes from $OPENAI_API_KEY)');
    expect(t).toContain('-H "Authorization: Bearer ${OPENAI_API_KEY}"');
    const zh = renderText({ ...report('zh-CN'), advice }, 'zh-CN');
    expect(zh).toContain('客户端建议');
    expect(zh).toContain('超时设置：连接 2000 毫秒，读取 30000 毫秒');
    // An English report printed in Chinese: the advice's prose is re-rendered from its data.
    const zhFromEn = renderText({ ...report('en'), advice }, 'zh-CN');
    expect(zhFromEn).toContain('建立连接（DNS+TCP+TLS）实测 12 毫秒');
    expect(zhFromEn).toContain('重试没有用');
    expect(zhFromEn).not.toContain('retrying will not help');
  });

  it('prints no advice section when the run made no HTTP exchange, or the advice is malformed', () => {
    expect(renderText(report('en'))).not.toContain('Client advice');
    expect(renderText({ ...report('en'), advice: 'nonsense' as never })).not.toContain('Client advice');
    expect(renderText({ ...report('en'), advice: { timeouts: { connectMs: 'x' } } as never })).not.toContain('Client advice');
  });

  it('says the fixed "does not apply" reasons in Chinese', () => {
    const r = report('zh-CN');
    const stages = r.stages.map((s) => (s.id === 'tls' ? { ...s, status: 'skipped' as const, reason: 'plain http:// URL: no TLS to check', reasonRef: { code: 'tls.notApplicable' } } : s));
    const t = renderText({ ...r, stages }, 'zh-CN');
    expect(t).toContain('普通 http:// 地址，没有 TLS 需要检查');
    expect(t).not.toContain('no TLS to check');
  });
});

describe('PROXY_UPSTREAM_FAILED from a SOCKS reply', () => {
  const e = { proxy: 'socks5h://127.0.0.1:1080', source: 'flag', status: null, statusText: 'HostUnreachable', target: 'api.openai.com:443', error: 'Socks5 proxy rejected connection - HostUnreachable', socks: { scheme: 'socks5h', remoteDns: true, reply: 'HostUnreachable' } };
  it('names the SOCKS reply, not an HTTP status or a 5xx, in both languages', () => {
    const en = explain('PROXY_UPSTREAM_FAILED', e, 'en');
    expect(en.title).toBe('The proxy could not reach api.openai.com:443 itself (SOCKS HostUnreachable)');
    expect(en.detail).toContain('no route to the host');
    expect(en.detail).not.toMatch(/5xx|null/);
    const zh = explain('PROXY_UPSTREAM_FAILED', e, 'zh-CN');
    expect(zh.title).toContain('SOCKS HostUnreachable');
    expect(zh.detail).toContain('到该主机没有路由');
    expect(zh.detail).not.toMatch(/5xx|null|rejected connection/);
  });
});

describe('timing bar (QA)', () => {
  it('a run that measured no phase shows no total, not "0.0ms"', async () => {
    const { timingBar } = await import('../../../src-main/report/render-timing.js');
    const { UI } = await import('../../../src-main/report/render-strings.js');
    const none = timingBar({ dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, downloadMs: null, totalMs: 0 }, UI.en);
    expect(none[2]).toMatch(/total: —$/);
    const some = timingBar({ dnsMs: 8.2, connectMs: null, tlsMs: null, ttfbMs: null, downloadMs: null, totalMs: 8.2 }, UI.en);
    expect(some[2]).toMatch(/total: 8\.2ms$/);
  });
});

describe('skip reasons in zh-CN (QA)', () => {
  it('name the failed stage in Chinese, as the check list does', async () => {
    const { skipReason } = await import('../../../src-main/report/text/say.js');
    const dep = (probe: string) => ({ code: 'run.depFailed', values: { probe, reason: { code: 'run.notRun' } } });
    expect(skipReason(dep('proxy'), 'zh-CN')).toMatch(/^跳过：代理 失败：/);
    expect(skipReason(dep('auth'), 'zh-CN')).toMatch(/^跳过：认证 失败：/);
    expect(skipReason(dep('tls'), 'zh-CN')).toMatch(/^跳过：TLS 失败：/);
  });
});

describe('reproduce line (QA)', () => {
  it('names the key variable only when the curl command reads it', () => {
    const noKey: Advice = {
      provider: 'generic',
      basedOn: { connectPhaseMs: 12, p90TtfbMs: 300, samples: 1, streamFirstEventMs: null },
      timeouts: { connectMs: 2000, readMs: 30000, reason: 'connecting (DNS+TCP+TLS) took 12 ms here' },
      retry: { retryOn: [], neverRetry: [], maxAttempts: 4, backoff: { initialMs: 500, factor: 2, maxMs: 30000, jitter: 'full' }, honourRetryAfter: true, noteCode: null, note: null },
      headers: [],
      secretEnvVar: 'API_KEY',
      snippets: { curl: "curl -sS 'https://api.example.com/v1/models' --connect-timeout 2", pythonRequests: '', pythonHttpx: '', typescript: '' },
    };
    const en = renderText({ ...report('en'), advice: noKey });
    expect(en).toContain('Reproduce with curl:');
    expect(en).not.toContain('$API_KEY');
    expect(renderText({ ...report('zh-CN'), advice: noKey })).toContain('用 curl 复现：');
  });
});
