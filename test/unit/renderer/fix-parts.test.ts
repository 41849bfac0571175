import { describe, expect, it } from 'vitest';
import { parseFix } from '../../../src-renderer/lib/fix-parts.js';
import { TEXTS } from '../../../src-main/report/explain/index.js';
import type { Lang } from '../../../src-main/common/report.js';

describe('fix texts split into a sentence, command chips and in-app actions', () => {
  it('sets commands and env lines apart, without the sentence’s punctuation', () => {
    expect(parseFix('Get the CA certificate (PEM) from IT, then for Node programs: export NODE_EXTRA_CA_CERTS=/path/to/ca.pem (read at start-up).').commands).toEqual(['export NODE_EXTRA_CA_CERTS=/path/to/ca.pem']);
    expect(parseFix('向 IT 部门索取该 CA 证书（PEM），对 Node 程序设置：export NODE_EXTRA_CA_CERTS=/path/to/ca.pem（启动时读取）。').commands).toEqual(['export NODE_EXTRA_CA_CERTS=/path/to/ca.pem']);
    expect(parseFix('Flush the DNS cache (Windows: ipconfig /flushdns; macOS: sudo dscacheutil -flushcache; Linux: resolvectl flush-caches) and retry.').commands).toEqual(['ipconfig /flushdns', 'sudo dscacheutil -flushcache', 'resolvectl flush-caches']);
    expect(parseFix(`Copy the key again (e.g. export KEY="$(tr -d '\\r\\n ' < key.txt)").`).commands).toEqual([`export KEY="$(tr -d '\\r\\n ' < key.txt)"`]);
  });

  it('never shows raw backticks: a quoted command is code', () => {
    const p = parseFix('Check that it was started with networking (e.g. not `docker run --network none`).');
    expect(p.parts.map((x) => x.text).join('')).not.toContain('`');
    expect(p.parts).toContainEqual({ kind: 'code', text: 'docker run --network none' });
  });

  it('offers no Copy for what a fix warns against', () => {
    const p = parseFix('Never turn verification off (NODE_TLS_REJECT_UNAUTHORIZED=0).');
    expect(p.commands).toEqual([]);
    expect(p.parts).toContainEqual({ kind: 'code', text: 'NODE_TLS_REJECT_UNAUTHORIZED=0' });
  });

  it('leaves prose alone: "set a read timeout" and "curl and many tools" are not commands', () => {
    expect(parseFix('In your client, set a read timeout and retry with backoff.').commands).toEqual([]);
    expect(parseFix('Add no_proxy too, which curl and many tools prefer.').commands).toEqual([]);
  });

  it('turns api-doctor flags the app offers into actions, never a command to type', () => {
    const p = parseFix('Check it here first: api-doctor diagnose URL --ca-file ca.pem.');
    expect(p.actions).toEqual(['choose-ca']);
    expect(p.commands).toEqual([]);
    expect(p.parts.map((x) => x.text).join('')).toBe('Check it here first');
    expect(parseFix('提供密钥：api-doctor diagnose URL --token-env OPENAI_API_KEY（或用 --credential NAME 读取钥匙串中的凭据）。').actions).toEqual(['key']);
  });

  it('no fix of any code, in either language, offers an api-doctor command to copy', () => {
    for (const [code, t] of Object.entries(TEXTS)) {
      for (const lang of ['en', 'zh-CN'] as Lang[]) {
        for (const fix of t![lang](t!.example as never).fixes) {
          const p = parseFix(fix);
          expect(p.commands.filter((c) => c.startsWith('api-doctor')), `${code} ${lang}: ${fix}`).toEqual([]);
          expect(p.parts.map((x) => x.text).join(''), `${code} ${lang}`).not.toMatch(/`/);
        }
      }
    }
  });
});
