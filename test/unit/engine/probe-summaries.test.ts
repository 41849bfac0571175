import { describe, expect, it } from 'vitest';
import { runDiagnosis } from '../../../src-main/engine/run.js';
import { defaultRequest } from '../../../src-main/common/request.js';
import type { ProgressEvent } from '../../../src-main/common/progress.js';
import { PROBES } from '../../../src-main/engine/probes/index.js';
import { sayText } from '../../../src-main/report/text/index.js';

const only = (...ids: string[]) => PROBES.filter((p) => ids.includes(p.id));

async function summaries(lang: 'en' | 'zh-CN'): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const onProgress = (e: ProgressEvent) => {
    if (e.type === 'probe-finished' && e.summary) out[e.probe] = sayText(e.summary, lang);
  };
  // An IP literal and no proxy: nothing leaves the machine.
  await runDiagnosis(defaultRequest('http://127.0.0.1:9/', { lang, proxy: null }), { onProgress, probes: only('environment', 'proxy', 'dns'), platform: { env: {} } });
  return out;
}

describe('probe summaries follow the run language (the wizard shows them next to each check)', () => {
  it('English', async () => {
    const s = await summaries('en');
    expect(s.dns).toBe('IP address: nothing to resolve');
    expect(s.proxy).toMatch(/^direct/);
  });

  it('Simplified Chinese, with no English words left in the fixed phrases', async () => {
    const s = await summaries('zh-CN');
    expect(s.dns).toBe('IP 地址，无需解析');
    expect(s.proxy).toMatch(/^直连/);
    expect(s.environment).toMatch(/网卡/);
  });
});
