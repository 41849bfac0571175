import { describe, expect, it } from 'vitest';
import { addRun, clearHistory, deleteRun, HISTORY_MAX, loadHistory } from '../../../src-renderer/lib/history.js';
import type { Report } from '../../../src-main/common/report.js';

class MemoryStorage {
  items = new Map<string, string>();
  quota = Infinity;
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => {
    if (v.length > this.quota) throw new Error('QuotaExceededError');
    this.items.set(k, v);
  };
  removeItem = (k: string) => void this.items.delete(k);
}

const SECRET = 'sk-proj-SECRETSECRETSECRET0001';
function report(headline: string): Report {
  return {
    schema: 'api-doctor/report@1',
    tool: { name: 'api-doctor', version: '0' },
    target: { url: `https://u:pw@api.test/v1?api_key=${SECRET}`, method: 'POST', provider: 'openai' },
    lang: 'en',
    startedAt: '2026-11-29T00:00:00Z',
    durationMs: 1,
    summary: { verdict: 'failing', rootCause: 'AUTH_REJECTED', headline },
    stages: [],
    findings: [],
    timings: { dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, downloadMs: null, totalMs: 0 },
    exchanges: [
      {
        startedAt: '',
        request: { method: 'POST', url: `https://api.test/v1?token=${SECRET}`, httpVersion: 'HTTP/1.1', headers: [{ name: 'authorization', value: `Bearer ${SECRET}` }], bodySize: 10, body: { mimeType: 'application/json', text: `{"prompt":"${SECRET}"}` } },
        response: { status: 401, statusText: 'Unauthorized', httpVersion: 'HTTP/1.1', headers: [], bodySize: 5, body: { mimeType: 'text/plain', text: `echo ${SECRET}` } },
        timings: { blocked: 0, dns: 0, connect: 0, ssl: 0, send: 0, wait: 0, receive: 0 },
        totalMs: 1,
      },
    ],
  };
}
const target = { url: `https://u:pw@api.test/v1?api_key=${SECRET}`, method: 'POST', provider: 'auto' as const, credential: { kind: 'env' as const, variable: 'OPENAI_API_KEY' } };

describe('run history', () => {
  it('never keeps a secret, even one that slipped into a URL, a header or a body', () => {
    const s = new MemoryStorage();
    addRun(s, target, report('x'));
    const stored = s.items.get('api-doctor.history')!;
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain('u:pw');
    expect(stored).toContain('OPENAI_API_KEY');
    expect(loadHistory(s)[0]!.report.summary.headline).toBe('x');
  });

  it('keeps the newest 50, deletes one, clears all, and survives garbage and a full storage', () => {
    const s = new MemoryStorage();
    for (let i = 0; i < HISTORY_MAX + 5; i++) addRun(s, target, report(`run ${i}`));
    const list = loadHistory(s);
    expect(list).toHaveLength(HISTORY_MAX);
    expect(list[0]!.report.summary.headline).toBe(`run ${HISTORY_MAX + 4}`);
    expect(deleteRun(s, list[0]!.id)).toHaveLength(HISTORY_MAX - 1);
    clearHistory(s);
    expect(loadHistory(s)).toEqual([]);
    s.items.set('api-doctor.history', '{not json');
    expect(loadHistory(s)).toEqual([]);
    const small = new MemoryStorage();
    for (let i = 0; i < 5; i++) addRun(small, target, report(`run ${i}`));
    small.quota = (small.items.get('api-doctor.history')!.length / 5) * 3;
    expect(addRun(small, target, report('new')).length).toBeLessThan(6);
    expect(loadHistory(small)[0]!.report.summary.headline).toBe('new');
  });
});
