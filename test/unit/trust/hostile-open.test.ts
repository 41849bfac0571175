import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { buildBundle } from '../../../src-main/bundle/write.js';
import { readBundle, readBundleFile } from '../../../src-main/bundle/read.js';
import { runCli } from '../../../src-main/cli/main.js';
import { leakyReport } from '../bundle/fixtures.js';

/** Items 5 and 6: a stranger's bundle cannot drive the terminal, and a FIFO is refused at once. */
const HOSTILE = [
  '\u001b[2J\u001b[H', // clear screen, cursor home
  '\u001b]0;pwned title\u0007', // OSC 0: window title
  '\u001b]8;;javascript:alert(1)\u001b\\click me\u001b]8;;\u001b\\', // OSC 8 link
  'all good\rFAILING', // CR overwrite
  '\u009b31m', // 8-bit CSI
  '\u202egnp.exe', // bidi override
  '\u0007\u0008\u007f',
].join(' ');

// eslint-disable-next-line no-control-regex
const CONTROL_BYTE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostileBundle(): Uint8Array {
  const built = buildBundle(leakyReport('cnry-not-a-real-secret-0123456789'), { environment: {} });
  const files = unzipSync(built.zip);
  const report = JSON.parse(strFromU8(files['report.json']!)) as Record<string, unknown> & { summary: Record<string, unknown>; findings: Record<string, unknown>[]; target: Record<string, unknown>; stages: Record<string, unknown>[] };
  report.summary.headline = `${HOSTILE} headline`;
  report.target.url = `https://api.example.test/${HOSTILE}`;
  for (const f of report.findings) {
    f.title = `${HOSTILE} title`;
    f.detail = `${HOSTILE} detail`;
    f.fixes = [`${HOSTILE} fix`];
  }
  for (const s of report.stages) s.reason = `${HOSTILE} reason`;
  files['report.json'] = strToU8(JSON.stringify(report));
  return zipSync(files);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hostile-open-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function open(args: string[], tty: boolean) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['open', ...args], { stdout: { write: (s: string) => (stdout += s), isTTY: tty }, stderr: { write: (s: string) => (stderr += s), isTTY: tty }, env: {}, cwd: dir });
  return { code, stdout, stderr };
}

describe('item 5: control characters from a bundle never reach the screen', () => {
  it('the bundle is opened (not refused) with every control character removed, at import', () => {
    const r = readBundle(hostileBundle());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.stringify(r.value.report)).not.toMatch(/\\u00(0[0-8]|1[0-9a-f]|7f|8|9)|\\u202e/i);
    expect(JSON.stringify(r.value.report)).not.toMatch(CONTROL_BYTE);
    expect(r.value.report.summary.headline).toContain('headline');
  });

  it.each([
    ['text', [], false],
    ['text on a terminal (colours on)', [], true],
    ['--json', ['--json'], false],
  ] as const)('api-doctor open (%s) prints no control byte', async (_n, extra, tty) => {
    const file = path.join(dir, 'hostile.zip');
    await writeFile(file, hostileBundle());
    const o = await open([file, ...extra], tty);
    expect(o.code).toBe(0);
    // Our own colour codes (SGR) are the only escape allowed, and only on a terminal.
    // eslint-disable-next-line no-control-regex
    const withoutSgr = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
    expect(withoutSgr(o.stdout)).not.toMatch(CONTROL_BYTE);
    expect(withoutSgr(o.stderr)).not.toMatch(CONTROL_BYTE);
    if (!tty) expect(o.stdout).not.toContain('\u001b');
    expect(o.stdout).toContain('pwned title');
  });
});

describe.skipIf(process.platform === 'win32')('item 6: a FIFO (or anything but a regular file) is refused at once', () => {
  it('api-doctor open <fifo> exits 2 with one line, without blocking', async () => {
    const fifo = path.join(dir, 'bundle.zip');
    execFileSync('mkfifo', [fifo]);
    const t0 = performance.now();
    const o = await open([fifo], false);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(o.code).toBe(2);
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
    expect(o.stderr).toMatch(/is not a file: it is a named pipe/);
    const r = await readBundleFile(fifo);
    expect(r.ok).toBe(false);
  }, 10_000);

  it('a directory and a device are refused the same way', async () => {
    expect((await open([dir], false)).stderr).toMatch(/is not a file: it is a directory/);
    expect((await open(['/dev/null'], false)).stderr).toMatch(/is not a file: it is a device/);
  });
});
