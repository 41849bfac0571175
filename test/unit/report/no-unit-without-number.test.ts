import { describe, expect, it } from 'vitest';
import { sayText } from '../../../src-main/report/text/say.js';

describe('a missing measurement reads "–", not "– ms"', () => {
  // The Server step of a run whose samples all failed showed "3 samples: p50 TTFB – ms, errors 100%".
  it.each(['en', 'zh-CN'] as const)('%s', (lang) => {
    const sampled = sayText({ code: 'server.sampled', values: { samples: 3, errorPercent: 100 } }, lang);
    expect(sampled).toMatch(/–/);
    expect(sampled).not.toMatch(/– ?(ms|毫秒)/);
    expect(sayText({ code: 'server.sampled', values: { samples: 3, p50Ms: 12, errorPercent: 0 } }, lang)).toMatch(/12 ?(ms|毫秒)/);
  });
});
