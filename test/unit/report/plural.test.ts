import { describe, expect, it } from 'vitest';
import { plural } from '../../../src-main/report/text/plural.js';
import { sayText } from '../../../src-main/report/text/say.js';
import { explain } from '../../../src-main/report/explain/index.js';

describe('counts in English read as words, not "day(s)"', () => {
  it('plural: one, many, a count given as text, a missing count', () => {
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural('10', 'day')).toBe('10 days');
    expect(plural(0, 'event')).toBe('0 events');
    expect(plural(undefined, 'sample')).toBe('? samples');
  });

  it('probe summaries and finding titles the wizard showed with "(s)" and "– ms"', () => {
    expect(sayText({ code: 'server.sampled', values: { samples: 3, errorPercent: 100 } }, 'en')).toBe('3 samples: p50 TTFB –, errors 100%');
    expect(sayText({ code: 'server.sampled', values: { samples: 1, p50Ms: 12, errorPercent: 0 } }, 'en')).toBe('1 sample: p50 TTFB 12 ms, errors 0%');
    expect(sayText({ code: 'server.sampled', values: { samples: 3, errorPercent: 100 } }, 'zh-CN')).not.toContain('– 毫秒');
    expect(sayText({ code: 'environment.interfaces', values: { count: 1 } }, 'en')).toBe('1 usable interface');
    expect(explain('TLS_CERT_EXPIRED', { subject: 'localhost', issuer: 'Lab', validTo: '2026-11-19', localClock: '2026-11-29', daysAgo: 1 }, 'en').title).toBe("The server's certificate expired 1 day ago");
  });
});
