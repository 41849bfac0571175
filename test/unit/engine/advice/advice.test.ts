import { describe, expect, it } from 'vitest';
import { adviseTimeouts } from '../../../../src-main/engine/advice/timeouts.js';
import { adviseRetry } from '../../../../src-main/engine/advice/retry.js';
import { curlSnippet, pythonRequestsSnippet, typescriptSnippet, type CallSpec } from '../../../../src-main/engine/advice/snippets.js';
import { Redactor } from '../../../../src-main/engine/redact.js';
import { retryNote, timeoutReason } from '../../../../src-main/report/text/index.js';

const spec = (over: Partial<CallSpec> = {}): CallSpec => ({ method: 'GET', url: 'https://api.example.com/v1/models', headers: [], auth: { kind: 'bearer' }, envVar: 'OPENAI_API_KEY', connectMs: 2000, readMs: 30000, resolve: [], ...over });

describe('timeouts from measurements', () => {
  it('scales with what was measured, within floors and ceilings', () => {
    expect(adviseTimeouts({ connectPhaseMs: 120, p90TtfbMs: 400, samples: 3, streamTotalMs: null })).toMatchObject({ connectMs: 2000, readMs: 30000 });
    const slow = adviseTimeouts({ connectPhaseMs: 1800, p90TtfbMs: 25_000, samples: 5, streamTotalMs: null });
    expect(slow).toMatchObject({ connectMs: 8000, readMs: 75000 });
    expect(timeoutReason({ connectPhaseMs: 1800, p90TtfbMs: 25_000, samples: 5, streamFirstEventMs: null }, 'en')).toContain('25000 ms');
    expect(timeoutReason({ connectPhaseMs: 1800, p90TtfbMs: 25_000, samples: 5, streamFirstEventMs: null }, 'zh-CN')).toContain('25000 毫秒');
    expect(adviseTimeouts({ connectPhaseMs: null, p90TtfbMs: 900_000, samples: 1, streamTotalMs: null }).readMs).toBe(600_000);
  });
});

describe('retry policy from findings', () => {
  it('never retries quota or auth; says why for this run', () => {
    expect(retryNote(adviseRetry(['SERVER_QUOTA_EXHAUSTED']).noteCode, 'en')).toMatch(/retrying will not help/);
    expect(retryNote(adviseRetry(['AUTH_REJECTED']).noteCode, 'zh-CN')).toMatch(/401/);
    // "Do not retry" wins over "how to retry", whatever the order of the findings.
    expect(adviseRetry(['SERVER_RATE_LIMITED', 'AUTH_REJECTED']).noteCode).toBe('AUTH_REJECTED');
    expect(adviseRetry(['SERVER_OVERLOADED']).backoff.initialMs).toBe(2000);
    const p = adviseRetry([]);
    expect(p).toMatchObject({ maxAttempts: 4, honourRetryAfter: true, noteCode: null });
    expect(p.neverRetry).toContain('401');
  });
});

describe('snippets', () => {
  it('quote the user\'s values safely for the shell and keep the secret a variable reference', () => {
    const c = curlSnippet(spec({ method: 'POST', body: `{"q":"it's $HOME \`x\`"}`, headers: [{ name: 'content-type', value: 'application/json' }] }));
    expect(c).toContain(`--data-raw '{"q":"it'\\''s $HOME \`x\`"}'`);
    expect(c).toContain('"Authorization: Bearer ${OPENAI_API_KEY}"');
    expect(c).toContain('--connect-timeout 2 --max-time 32');
  });

  it('survive the redactor (placeholders are not secrets), in every language', () => {
    const r = new Redactor();
    r.add('sk-proj-realSecretValue0000');
    for (const kind of [{ kind: 'bearer' }, { kind: 'header', name: 'x-api-key' }, { kind: 'basic' }] as const) {
      const s = spec({ auth: kind });
      for (const text of [curlSnippet(s), pythonRequestsSnippet(s), typescriptSnippet(s)]) expect(r.scrub(text)).toBe(text);
    }
  });

  it('Python and TypeScript read the variable at run time', () => {
    expect(pythonRequestsSnippet(spec())).toContain(`f"Bearer {os.environ['OPENAI_API_KEY']}"`);
    expect(pythonRequestsSnippet(spec())).toContain('timeout=(2, 30)');
    expect(typescriptSnippet(spec({ auth: { kind: 'header', name: 'api-key' } }))).toContain(`"api-key": process.env.OPENAI_API_KEY ?? ''`);
  });
});
