import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cli } from '../cli-run.js';
import { closedPort } from '../lab/index.js';
import { startHttpLab, LAB_KEYS, type HttpLab } from '../lab/http-lab.js';

/**
 * Two real bundles of the same call: one made where it works (no proxy), one where a dead proxy
 * is configured (HTTPS_PROXY at a closed port, the "Clash was closed" case). `diff` must put the
 * verdict and the proxy first, and find nothing between a bundle and itself.
 */
let lab: HttpLab;
let dir: string;
let works: string;
let fails: string;
beforeAll(async () => {
  lab = await startHttpLab();
  dir = await mkdtemp(path.join(os.tmpdir(), 'intake-diff-'));
  works = path.join(dir, 'works.zip');
  fails = path.join(dir, 'fails.zip');
  const url = lab.url('/openai/v1/models', 'https');
  const common = [url, '-H', `Authorization: Bearer ${LAB_KEYS.openai}`, '--ca-file', lab.pki.caFile, '--samples', '1', '--json'];
  const a = await cli(['diagnose', ...common, '--bundle', works], {});
  expect(a.code).toBe(0);
  const dead = await closedPort();
  const b = await cli(['diagnose', ...common, '--bundle', fails], { HTTPS_PROXY: `http://127.0.0.1:${dead}`, NO_PROXY: '' });
  expect(b.code).toBe(1);
});
afterAll(async () => {
  await lab?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Diff {
  differences: { path: string; a: unknown; b: unknown; 'why it matters': string }[];
}

describe('api-doctor diff', () => {
  it('--json: the contract shape, the verdict first, the proxy before DNS/TCP/TLS and versions', async () => {
    const r = await cli(['diff', works, fails, '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as Diff;
    expect(Object.keys(d)).toEqual(['differences']);
    for (const x of d.differences) expect(Object.keys(x).sort()).toEqual(['a', 'b', 'path', 'why it matters']);
    const paths = d.differences.map((x) => x.path);
    expect(paths[0]).toBe('summary.verdict');
    expect(d.differences[0]).toMatchObject({ a: 'healthy', b: 'failing' });
    expect(paths).toContain('summary.rootCause');
    expect(paths).toContain('findings.PROXY_UNREACHABLE');
    expect(paths).toContain('stages.proxy');
    expect(paths).toContain('environment.proxy.effective');
    expect(paths.indexOf('stages.proxy')).toBeLessThan(paths.indexOf('environment.proxy.effective'));
    const names = d.differences.find((x) => x.path === 'environment.variableNames');
    expect(names).toMatchObject({ a: [], b: expect.arrayContaining(['HTTPS_PROXY']) });
  });

  it('a bundle diffed with itself has no differences', async () => {
    const r = await cli(['diff', works, works, '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ differences: [] });
    const h = await cli(['diff', fails, fails]);
    expect(h.stdout).toContain('No differences.');
  });

  it('human text, in Chinese too', async () => {
    const r = await cli(['diff', works, fails, '--lang', 'zh-CN']);
    expect(r.stdout).toContain('summary.verdict');
    expect(r.stdout).toMatch(/代理/);
    // Values worded in Chinese too (they were "healthy", "present", "fail: …" before): the verdict, a finding's mark, a stage's status.
    expect(r.stdout).toMatch(/summary\.verdict\n {2}A: 正常\n {2}B: 失败/);
    expect(r.stdout).toMatch(/findings\.PROXY_UNREACHABLE\n {2}A: —\n {2}B: 出现/);
    expect(r.stdout).toMatch(/stages\.proxy\n {2}A: 通过\n {2}B: 失败\n/);
    expect(r.stdout).toMatch(/stages\.dns\n {2}A: 通过\n {2}B: 跳过：代理 失败：/);
    expect(r.stdout).not.toMatch(/\b(present|healthy|failing|pass|fail)\b/);
    // --json keeps the values as data (stable for scripts), only the why in Chinese.
    const j = JSON.parse((await cli(['diff', works, fails, '--json', '--lang', 'zh-CN'])).stdout) as Diff;
    expect(j.differences[0]).toMatchObject({ path: 'summary.verdict', a: 'healthy', b: 'failing' });
    expect(j.differences[0]!['why it matters']).toMatch(/一边正常一边失败/);
  });

  it('bad input: exit 2, one line', async () => {
    const notZip = path.join(dir, 'x.zip');
    await writeFile(notZip, 'not a zip');
    for (const args of [['diff', works], ['diff', works, notZip], ['diff', works, path.join(dir, 'missing.zip')]]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--from-har reads our own bundle’s requests.har', async () => {
    const r = await cli(['diagnose', '--from-har', works, '--list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('/openai/v1/models');
  });
});
