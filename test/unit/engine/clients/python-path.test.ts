import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolvePython } from '../../../../src-main/engine/clients/python-path.js';
import { discoverPython, forgetPython } from '../../../../src-main/engine/clients/python.js';

// python3 as the user's scripts would get it, found without starting a process: a pyenv shim
// resolves to the version's own interpreter, nothing on PATH starts nothing.
const dir = mkdtempSync(path.join(tmpdir(), 'pyenv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exe = (p: string, text: string) => {
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
  chmodSync(p, 0o755);
};
const root = path.join(dir, '.pyenv');
const shims = path.join(root, 'shims');
const sysBin = path.join(dir, 'usr-bin');
exe(path.join(shims, 'python3'), `#!/usr/bin/env bash\nset -e\nexport PYENV_ROOT="${root}"\nexec "${root}/libexec/pyenv" exec "python3" "$@"\n`);
exe(path.join(root, 'versions', '3.11.7', 'bin', 'python3'), '#!/bin/sh\nexit 0\n');
exe(path.join(sysBin, 'python3'), '#!/bin/sh\nexit 0\n');
writeFileSync(path.join(root, 'version'), '3.11.7\n');
const PATH = [shims, sysBin].join(path.delimiter);

describe('python3 on PATH, resolved from the file system', () => {
  it('a pyenv shim → the version pyenv would run ($PYENV_ROOT/version), not the shim', async () => {
    expect(await resolvePython('python3', { PATH }, dir)).toEqual({ file: path.join(root, 'versions', '3.11.7', 'bin', 'python3'), found: true, viaShim: path.join(shims, 'python3') });
  });

  it('PYENV_VERSION=system → the next python3 on PATH; a version not installed → the shim itself answers', async () => {
    expect((await resolvePython('python3', { PATH, PYENV_VERSION: 'system' }, dir)).file).toBe(path.join(sysBin, 'python3'));
    expect(await resolvePython('python3', { PATH, PYENV_VERSION: '3.99.0' }, dir)).toEqual({ file: path.join(shims, 'python3'), found: true, viaShim: null });
  });

  it('.python-version in the working directory (or above) wins over the global version', async () => {
    const project = path.join(dir, 'project', 'sub');
    mkdirSync(project, { recursive: true });
    writeFileSync(path.join(dir, 'project', '.python-version'), 'system\n');
    expect((await resolvePython('python3', { PATH }, project)).file).toBe(path.join(sysBin, 'python3'));
  });

  it('nothing on PATH: not found, and discoverPython starts no process to learn it', async () => {
    expect(await resolvePython('python3', { PATH: path.join(dir, 'empty') }, dir)).toEqual({ file: 'python3', found: false, viaShim: null });
    forgetPython();
    const facts = await discoverPython('python3', { PATH: path.join(dir, 'empty') });
    expect(facts).toMatchObject({ found: false, reason: 'python3 not found', reasonRef: { code: 'client.python.notFound' } });
  });

  it('asked once per process and PATH: a second run gets the same answer without asking again', async () => {
    forgetPython();
    const env = { PATH: '/usr/bin' };
    const a = discoverPython('python3', env);
    expect(discoverPython('python3', env)).toBe(a);
  });
});
