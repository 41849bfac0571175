import { describe, expect, it } from 'vitest';
import { progressPrinter } from '../../../src-main/cli/diagnose-progress.js';
import type { ProgressEvent } from '../../../src-main/common/progress.js';

const feed = (lang: 'en' | 'zh-CN', events: ProgressEvent[]): string[] => {
  const out: string[] = [];
  const p = progressPrinter({ write: (s: string) => out.push(s) }, lang);
  for (const e of events) p(e);
  return out;
};

const sampling: ProgressEvent[] = [
  { type: 'stage-started', stage: 'server' },
  { type: 'sample', probe: 'server', stage: 'server', n: 2, of: 5, state: 'started' },
  { type: 'sample', probe: 'server', stage: 'server', n: 2, of: 5, state: 'finished', status: 503, code: 'SERVER_UNAVAILABLE' },
  { type: 'sample', probe: 'server', stage: 'server', n: 3, of: 5, state: 'started' },
  { type: 'stage-finished', stage: 'server', status: 'warn', durationMs: 900 },
];

describe('CLI live line: the sample the server stage is at', () => {
  it('rewrites the running line with "sample n of m" as each sample starts, and drops it when the stage ends', () => {
    const out = feed('en', sampling);
    expect(out).toEqual([
      '\r\x1b[K  … checking server…',
      '\r\x1b[K  … checking server: sample 2 of 5…',
      '\r\x1b[K  … checking server: sample 3 of 5…',
      '\r\x1b[K  ⚠ server (900 ms)\n',
    ]);
  });

  it('in Chinese', () => {
    expect(feed('zh-CN', sampling)[2]).toBe('\r\x1b[K  … 正在检查 服务端：第 3/5 次采样…');
  });
});
