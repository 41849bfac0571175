import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src-main/cli/io.js';
import { DIAGNOSE_OPTIONS, parseAuth, parseDiagnoseArgs, parseDnsServer, parseHeader, parseResolve, parseTargetUrl } from '../../src-main/cli/parse-diagnose.js';
import { cli } from '../cli-run.js';
import { hostileString, PROPERTY_RUNS } from './arbitraries.js';

// Property: whatever the command line holds, the parser either builds a valid request or says
// why in one UsageError (exit 2, one line, no stack). It never throws anything else.

// -d @file and --ca-file read files: keep them inside an empty folder, and never let a generated
// path reach a device that reads forever (see docs/performance.md, "known problems").
const cwd = mkdtempSync(path.join(os.tmpdir(), 'prop-cli-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const safePath = (s: string) => !/(^|\/)(dev|proc|sys)(\/|$)/.test(s) && !s.includes('..') && !s.startsWith('/');

const flagNames = Object.entries(DIAGNOSE_OPTIONS).flatMap(([name, o]) => ['--' + name, ...('short' in o ? ['-' + o.short] : [])]);
const flagValue = fc.oneof(
  hostileString,
  fc.constantFrom('https://api.example.com/v1', 'http://127.0.0.1:8080/', '127.0.0.1:53', '[::1]:5353', 'bearer', 'header:X-Key', 'query:key', 'zh-CN', 'openai', '2000', '0', '-1', '99999999999', 'X-A: 1', 'a:1:1.2.3.4'),
);
const argv = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...flagNames) }, { weight: 4, arbitrary: flagValue }), { maxLength: 12 }).filter((a) => a.every(safePath));

function parseOrUsage(args: string[]): 'ok' | UsageError {
  try {
    parseDiagnoseArgs(args, cwd);
    return 'ok';
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
}

describe('diagnose argument parser (property)', () => {
  it('returns a valid request or throws UsageError, for any argv', () => {
    fc.assert(
      fc.property(argv, (args) => {
        let r;
        try {
          r = parseDiagnoseArgs(args, cwd);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
          expect((e as Error).message.length).toBeGreaterThan(0);
          return;
        }
        const u = new URL(r.request.url);
        expect(['http:', 'https:']).toContain(u.protocol);
        expect(u.hostname).not.toBe('');
        for (const h of r.request.headers) {
          expect(h.name).toMatch(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/);
          expect(h.value).not.toMatch(/[\r\n\0]/);
        }
        expect(r.request.method).toMatch(/^[!#$%&'*+.^_`|~0-9A-Z-]+$/);
        expect(r.request.timeoutMs).toBeGreaterThanOrEqual(100);
        expect(r.request.timeoutMs).toBeLessThanOrEqual(600_000);
        expect(r.request.samples).toBeGreaterThanOrEqual(1);
        expect(r.request.samples).toBeLessThanOrEqual(100);
        for (const s of [...r.request.dnsServers, ...r.request.referenceDns]) expect(s).toMatch(/^(\d+\.\d+\.\d+\.\d+|\[[0-9a-f:.]+\]):\d+$/i);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('answers every bad command line with exit 2 and one line on stderr, never a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        // A command line that parses would start a real diagnosis: only bad ones go through the CLI.
        fc.pre(parseOrUsage(args) !== 'ok');
        const { code, stdout, stderr } = await cli(['diagnose', ...args]);
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr.startsWith('api-doctor: ')).toBe(true);
        expect(stderr.endsWith('\n')).toBe(true);
        expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
        expect(stderr).not.toMatch(/internal error/);
      }),
      { numRuns: Math.round(PROPERTY_RUNS / 2) },
    );
  });

  // The reason echoes the user's argument; control characters in it are shown escaped, so it
  // stays one line and cannot move the cursor or inject terminal escapes.
  it('the one-line reason stays one line whatever argv holds', async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        fc.pre(parseOrUsage(args) !== 'ok');
        const { stderr } = await cli(['diagnose', ...args]);
        const reason = stderr.slice(0, -1);
        for (const c of ['\r', '\n', '\u001b']) expect(reason).not.toContain(c);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('-H: any string gives a clean header or a UsageError; well-formed headers round-trip', () => {
    fc.assert(
      fc.property(hostileString, (raw) => {
        try {
          const h = parseHeader(raw);
          expect(h.name).toMatch(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/);
          expect(h.value).not.toMatch(/[\r\n\0]/);
          expect(h.value).toBe(h.value.trim());
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
    const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/);
    const value = fc.string({ unit: 'grapheme', maxLength: 40 }).map((v) => v.replace(/[\r\n\0]/g, '').trim());
    fc.assert(
      fc.property(token, value, fc.constantFrom(':', ': ', ' :  '), (name, v, sep) => {
        expect(parseHeader(`${name}${sep}${v}`)).toEqual({ name, value: v });
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('--dns-server / --resolve / --auth / URL: a valid value or a UsageError, never another throw', () => {
    fc.assert(
      fc.property(hostileString, (raw) => {
        const attempt = <T>(f: () => T, check: (v: T) => void) => {
          try {
            check(f());
          } catch (e) {
            if (!(e instanceof UsageError)) throw e;
          }
        };
        attempt(
          () => parseDnsServer('dns-server', raw),
          (s) => {
            const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(s);
            expect(m).not.toBeNull();
            expect(net.isIP(m![1]!)).not.toBe(0);
            expect(Number(m![2])).toBeGreaterThanOrEqual(1);
            expect(Number(m![2])).toBeLessThanOrEqual(65535);
          },
        );
        attempt(
          () => parseResolve(raw),
          (r) => {
            expect(net.isIP(r.address)).not.toBe(0);
            expect(r.port).toBeGreaterThanOrEqual(1);
            expect(r.port).toBeLessThanOrEqual(65535);
          },
        );
        attempt(
          () => parseAuth(raw),
          (a) => expect(['bearer', 'basic', 'header', 'query']).toContain(a.kind),
        );
        attempt(
          () => parseTargetUrl(raw),
          (u) => expect(['http:', 'https:']).toContain(u.protocol),
        );
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('accepts every address an IP generator produces as --dns-server and --resolve', () => {
    const ip = fc.oneof(fc.ipV4(), fc.ipV6());
    const port = fc.integer({ min: 1, max: 65535 });
    fc.assert(
      fc.property(ip, port, (addr, p) => {
        const v6 = net.isIPv6(addr);
        const server = v6 ? `[${addr}]:${p}` : `${addr}:${p}`;
        expect(parseDnsServer('dns-server', server)).toBe(server);
        expect(parseResolve(`api.example.com:${p}:${v6 ? `[${addr}]` : addr}`)).toEqual({ host: 'api.example.com', port: p, address: addr });
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
