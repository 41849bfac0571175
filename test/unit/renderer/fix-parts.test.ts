import { describe, expect, it } from 'vitest';
import { parseFix } from '../../../src-renderer/lib/fix-parts.js';
import { TEXTS } from '../../../src-main/report/explain/index.js';
import type { Evidence, Lang } from '../../../src-main/common/report.js';
import { systemProxyOf } from '../../../src-renderer/lib/system-proxy.js';
import { APP_WORDING } from '../../../src-renderer/lib/app-wording.js';
import { PROBE_TEXTS } from '../../../src-main/report/text/probe-texts.js';
import { en } from '../../../src-renderer/lib/i18n/en.js';
import { zhCN } from '../../../src-renderer/lib/i18n/zh-CN.js';

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

  /** Flags the app offers as controls (Advanced panel, key picker, client picker): a GUI user never types them. */
  const GUI_FLAGS = /--(?:samples|proxy|no-proxy|ca-file|dns-server|reference-dns|timeout|stream|completion|token-env|credential|client)\b/;
  /** Each code's example, and the same with an OS proxy the run did not use (proxy codes add a fix for it). */
  const withSystemProxy = (e: Evidence): Evidence[] => [e, { ...e, systemProxy: 'http://10.1.2.3:3128' }];

  it('no fix the app shows, of any code in either language, asks the user to type a flag the app offers as a control', () => {
    // AUTH_SCHEME_MISMATCH names --auth, which has no control in the app yet (and --provider beside it).
    const left: string[] = [];
    for (const [code, t] of Object.entries(TEXTS)) {
      for (const lang of ['en', 'zh-CN'] as Lang[]) {
        for (const e of withSystemProxy(t!.example)) {
          for (const fix of t![lang](e).fixes) {
            const p = parseFix(fix, { systemProxy: systemProxyOf({ code: code as never, evidence: e }) });
            const shown = [...p.parts.map((x) => x.text), ...p.commands].join(' | ');
            if (GUI_FLAGS.test(shown) && code !== 'AUTH_SCHEME_MISMATCH') left.push(`${code} ${lang}: ${shown}`);
          }
        }
      }
    }
    expect(left).toEqual([]);
  });

  it('server and proxy fixes become re-run buttons: 20 samples, without the proxy, through the OS proxy', () => {
    const actions = (code: string, lang: Lang, e: Evidence) => TEXTS[code as keyof typeof TEXTS]![lang](e).fixes.flatMap((f) => parseFix(f, { systemProxy: systemProxyOf({ code: code as never, evidence: e }) }).actions);
    for (const lang of ['en', 'zh-CN'] as Lang[]) {
      expect(actions('SERVER_FLAKY', lang, TEXTS.SERVER_FLAKY!.example)).toEqual(['samples']);
      for (const code of ['SERVER_UNAVAILABLE', 'SERVER_BAD_GATEWAY', 'SERVER_ERROR', 'SERVER_SLOW']) expect(actions(code, lang, TEXTS[code as 'SERVER_SLOW']!.example), code).toEqual(['samples']);
      // More requests only make a rate limit or an empty quota worse: never offered there.
      for (const code of ['SERVER_RATE_LIMITED', 'SERVER_QUOTA_EXHAUSTED']) expect(actions(code, lang, TEXTS[code as 'SERVER_SLOW']!.example), code).not.toContain('samples');
      expect(actions('SERVER_SLOW', lang, { ...TEXTS.SERVER_SLOW!.example, samples: 20 })).toEqual([]);
      expect(actions('PROXY_UNREACHABLE', lang, TEXTS.PROXY_UNREACHABLE!.example)).toEqual(['no-proxy']);
      // The OS proxy the engine read comes first (the hero offers it), then the direct way.
      expect(actions('PROXY_UNREACHABLE', lang, { ...TEXTS.PROXY_UNREACHABLE!.example, systemProxy: 'http://10.1.2.3:3128' })).toEqual(['system-proxy', 'no-proxy']);
      // A streaming test already on stays on: the re-run without the proxy is the one button.
      expect(actions('STREAM_BUFFERED', lang, TEXTS.STREAM_BUFFERED!.example)).toEqual(['no-proxy']);
    }
  });

  it('"--proxy <url>" is the system-proxy action only for the proxy the finding’s evidence names, never a URL read from the sentence alone', () => {
    const fix = 'The OS proxy settings give http://10.1.2.3:3128 for this URL: api-doctor diagnose URL --proxy http://10.1.2.3:3128.';
    expect(parseFix(fix, { systemProxy: 'http://10.1.2.3:3128' }).actions).toEqual(['system-proxy']);
    expect(parseFix(fix).actions).toEqual(['proxy']);
    expect(parseFix(fix, { systemProxy: 'http://10.9.9.9:8080' }).actions).toEqual(['proxy']);
    expect(parseFix(fix, { systemProxy: 'http://10.1.2.3:3128' }).parts.map((x) => x.text).join('')).toBe('The OS proxy settings give http://10.1.2.3:3128 for this URL');
  });

  it('a colon before a command that became a button goes with it', () => {
    expect(parseFix('Give the key: api-doctor diagnose URL --token-env OPENAI_API_KEY, or from the keychain: api-doctor diagnose URL --credential NAME.').parts.map((x) => x.text).join('')).toBe('Give the key, or from the keychain');
  });
});

describe('the OS proxy a finding names (engine evidence)', () => {
  it('reads evidence.systemProxy, or the ignored proxy of CLIENT_PROXY_IGNORED when it came from the OS', () => {
    expect(systemProxyOf({ code: 'PROXY_UNREACHABLE', evidence: { proxy: 'http://127.0.0.1:7890', systemProxy: 'http://10.1.2.3:3128' } })).toBe('http://10.1.2.3:3128');
    expect(systemProxyOf({ code: 'CLIENT_PROXY_IGNORED', evidence: { proxy: 'http://10.1.2.3:3128', source: 'system' } })).toBe('http://10.1.2.3:3128');
    expect(systemProxyOf({ code: 'CLIENT_PROXY_IGNORED', evidence: { proxy: 'http://10.1.2.3:3128', source: 'env:HTTPS_PROXY' } })).toBeNull();
    expect(systemProxyOf({ code: 'PROXY_IN_USE', evidence: { proxy: 'http://10.1.2.3:3128', source: 'system' } })).toBeNull();
  });
});

describe('probe summaries in the app', () => {
  const GUI_FLAGS = /--(?:samples|proxy|no-proxy|ca-file|dns-server|reference-dns|timeout|stream|completion|token-env|credential|client)\b/;
  it('a summary that names a flag the app offers as a control has app wording without it', () => {
    for (const [code, t] of Object.entries(PROBE_TEXTS)) {
      const cli = `${t.en(t.example as never)} ${t['zh-CN'](t.example as never)}`;
      if (!GUI_FLAGS.test(cli)) continue;
      const key = APP_WORDING[code];
      expect(key, code).toBeDefined();
      expect(`${en[key!]} ${zhCN[key!]}`, code).not.toMatch(GUI_FLAGS);
    }
  });
});
