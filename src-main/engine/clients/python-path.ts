import { constants } from 'node:fs';
import { access, open, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Which interpreter `python3` is for the user's scripts, found from the file system alone (no
 * process): the first executable on PATH, and for a pyenv shim the version's own interpreter —
 * what `pyenv exec` would run (PYENV_VERSION, then `.python-version` up from the working
 * directory, then $PYENV_ROOT/version; https://github.com/pyenv/pyenv#choosing-the-python-version).
 * A shim is a shell script that starts several processes before Python (≈0.3–1 s on a busy
 * machine); asking the interpreter directly gives the same answers for a fraction of that.
 */
export interface PythonPath {
  /** The file to run: an interpreter, or the name itself when it is a path or not resolvable here. */
  file: string;
  /** false: nothing by that name on PATH, so no process is started. */
  found: boolean;
  /** Set when a pyenv shim was resolved to a version's interpreter. */
  viaShim: string | null;
}

const isExec = (p: string): Promise<boolean> =>
  access(p, constants.X_OK).then(
    () => true,
    () => false,
  );

/** The first bytes of a file: a pyenv shim is a short script naming pyenv. */
async function head(p: string): Promise<string> {
  try {
    const fh = await open(p, 'r');
    try {
      const buf = Buffer.alloc(512);
      const { bytesRead } = await fh.read(buf, 0, 512, 0);
      return buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await fh.close();
    }
  } catch {
    return '';
  }
}

const firstLine = (text: string | null): string | null => text?.split(/\s+/).find((w) => w !== '') ?? null;

async function pyenvVersion(env: NodeJS.ProcessEnv, root: string, cwd: string): Promise<string | null> {
  const fromEnv = env.PYENV_VERSION?.split(':')[0]?.trim();
  if (fromEnv) return fromEnv;
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const v = firstLine(await readFile(path.join(dir, '.python-version'), 'utf8').catch(() => null));
    if (v) return v;
    if (path.dirname(dir) === dir) break;
  }
  return firstLine(await readFile(path.join(root, 'version'), 'utf8').catch(() => null));
}

/** Resolves `name` on env.PATH; never throws. */
export async function resolvePython(name: string, env: NodeJS.ProcessEnv, cwd = process.cwd()): Promise<PythonPath> {
  if (name.includes('/') || name.includes('\\')) return { file: name, found: true, viaShim: null };
  // Windows: PATHEXT, the py launcher and the Store alias are for the interpreter to sort out.
  if (process.platform === 'win32') return { file: name, found: true, viaShim: null };
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  let skipShims: string | null = null;
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (dir === skipShims || !(await isExec(candidate))) continue;
    const text = await head(candidate);
    const shim = /^#!.*\n[\s\S]*pyenv/.test(text) && path.basename(dir) === 'shims';
    if (!shim) return { file: candidate, found: true, viaShim: null };
    const root = env.PYENV_ROOT?.trim() || /PYENV_ROOT="([^"]+)"/.exec(text)?.[1] || path.dirname(dir);
    const version = await pyenvVersion(env, root, cwd);
    if (version === 'system') {
      // pyenv's "system": the next python3 on PATH after the shims.
      skipShims = dir;
      continue;
    }
    const real = version ? path.join(root, 'versions', version, 'bin', name) : null;
    if (real && (await isExec(real))) return { file: real, found: true, viaShim: candidate };
    // A version pyenv would refuse (not installed) or one we cannot tell: let the shim answer.
    return { file: candidate, found: true, viaShim: null };
  }
  return { file: name, found: false, viaShim: null };
}
