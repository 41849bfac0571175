import { execFile } from 'node:child_process';
import type { TextRef } from '../../common/text-ref.js';
import { resolvePython } from './python-path.js';

/** What the python3 on this machine can do for the matrix. */
export interface PythonFacts {
  /** The interpreter asked (name on PATH or a path). */
  python: string;
  found: boolean;
  version: string | null;
  /** certifi.where(): the bundle requests and httpx trust by default (Debian patches it to the OS bundle). */
  certifi: string | null;
  /** Installed modules that change a client's behaviour: requests, httpx, socksio (httpx SOCKS), socks (PySocks, requests SOCKS). */
  modules: Record<'requests' | 'httpx' | 'socksio' | 'socks' | 'openai' | 'anthropic', boolean>;
  /**
   * Whether this httpx accepts socks5h:// (asked only when a SOCKS proxy is configured: importing
   * httpx costs a tenth of a second). httpx 0.23 refuses it with "Unknown scheme for proxy URL".
   */
  httpxSocks5h: boolean | null;
  /** Why something is unknown (no python3, it timed out). */
  reason: string | null;
  /** The same as data (report/text words it in the language on screen). */
  reasonRef?: TextRef;
  /** sys.executable: the interpreter whose facts these are (a pyenv shim resolves to a version's python). */
  executable?: string | null;
  /**
   * python3 was not started: nothing a Python row needed depended on it (lazy-python.ts). `found`
   * and `executable` come from PATH; version, modules and certifi are unknown, not absent.
   */
  notAsked?: true;
}

/**
 * A slow interpreter start (a cold pyenv shim on a busy machine) must not hold the report up for
 * long; it runs alongside the probes, so the run waits only for what is left of this.
 */
export const PYTHON_BOUND_MS = 5_000;

const SCRIPT = [
  'import json, sys, importlib.util as u',
  'o = {"version": sys.version.split()[0], "executable": sys.executable, "modules": {m: u.find_spec(m) is not None for m in ["requests", "httpx", "socksio", "socks", "openai", "anthropic"]}}',
  'try:',
  '  import certifi; o["certifi"] = certifi.where()',
  'except Exception:',
  '  o["certifi"] = None',
  'if len(sys.argv) > 1 and o["modules"]["httpx"]:',
  '  import httpx',
  '  try:',
  '    httpx.Proxy("socks5h://127.0.0.1:1"); o["httpx_socks5h"] = True',
  '  except Exception:',
  '    o["httpx_socks5h"] = False',
  'print(json.dumps(o))',
].join('\n');

/** A SOCKS proxy in the variables Python reads: then the SOCKS abilities are worth asking about. */
export const socksConfigured = (env: NodeJS.ProcessEnv): boolean =>
  ['all_proxy', 'https_proxy', 'http_proxy'].some((n) => /^socks/i.test(env[n] ?? env[n.toUpperCase()] ?? ''));

const NONE = { requests: false, httpx: false, socksio: false, socks: false, openai: false, anthropic: false };
export const NO_MODULES: PythonFacts['modules'] = NONE;

/**
 * Asks `python` (default: `python3` on the run's PATH, what the user's scripts would run) which modules and
 * which certifi bundle it has. Bounded; never throws; sends nothing anywhere.
 */
export function discoverPython(python = 'python3', env: NodeJS.ProcessEnv = process.env, boundMs = PYTHON_BOUND_MS): Promise<PythonFacts> {
  // The app and `watch` run many diagnoses in one process: ask once per interpreter, PATH and
  // working directory (pyenv's .python-version) for a while, not once a run.
  const socks = socksConfigured(env);
  const key = [python, env.PATH, env.VIRTUAL_ENV, env.PYENV_VERSION, env.PYTHONPATH, process.cwd(), socks].join('\0');
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.facts;
  const facts = resolvePython(python, env).then((where) =>
    // Nothing by that name on PATH: known without starting a process.
    where.found ? ask(python, env, boundMs, socks, where.file) : { python, found: false, version: null, certifi: null, modules: NONE, httpxSocks5h: null, reason: `${python} not found`, reasonRef: { code: 'client.python.notFound', values: { python } } },
  );
  cache.set(key, { at: Date.now(), facts });
  if (cache.size > 16) cache.delete(cache.keys().next().value!);
  return facts;
}

/** Long enough to span a `watch` at its usual interval; a pip install shows within this. */
const CACHE_MS = 10 * 60_000;
const cache = new Map<string, { at: number; facts: Promise<PythonFacts> }>();
/** For the bench: a CLI run is one process, so every run there asks python3 afresh. */
export const forgetPython = (): void => cache.clear();

function ask(python: string, env: NodeJS.ProcessEnv, boundMs: number, socks: boolean, file: string): Promise<PythonFacts> {
  return new Promise((resolve) => {
    // Not isolated (-I): user site-packages and PYTHONPATH are part of what the user's scripts see.
    execFile(file, ['-c', SCRIPT, ...(socks ? ['socks'] : [])], { timeout: boundMs, windowsHide: true, maxBuffer: 64 * 1024, env }, (err, stdout) => {
      if (err) {
        const e = err as NodeJS.ErrnoException & { killed?: boolean };
        const error = e.message.split('\n')[0] ?? '';
        const reason = e.code === 'ENOENT' ? `${python} not found` : e.killed ? `${python} did not answer within ${boundMs} ms` : `${python} failed: ${error}`;
        const reasonRef: TextRef = e.code === 'ENOENT' ? { code: 'client.python.notFound', values: { python } } : e.killed ? { code: 'client.python.timeout', values: { python, ms: boundMs } } : { code: 'client.python.failed', values: { python, error } };
        // No answer is not an answer: the Python rows become "unknown" with this reason, never a guess.
        return resolve({ python, found: false, version: null, certifi: null, modules: NONE, httpxSocks5h: null, reason, reasonRef });
      }
      try {
        const o = JSON.parse(stdout) as { version?: unknown; executable?: unknown; certifi?: unknown; modules?: Record<string, unknown>; httpx_socks5h?: unknown };
        const m = o.modules ?? {};
        const modules = { requests: m.requests === true, httpx: m.httpx === true, socksio: m.socksio === true, socks: m.socks === true, openai: m.openai === true, anthropic: m.anthropic === true };
        const certifi = typeof o.certifi === 'string' ? o.certifi : null;
        const executable = typeof o.executable === 'string' && o.executable !== '' ? o.executable : null;
        const who = executable ?? python;
        resolve({
          python, found: true, version: typeof o.version === 'string' ? o.version : null, executable, certifi, modules, httpxSocks5h: typeof o.httpx_socks5h === 'boolean' ? o.httpx_socks5h : null,
          reason: certifi ? null : `certifi is not installed for ${who}`,
          ...(certifi ? {} : { reasonRef: { code: 'client.python.noCertifi', values: { python: who } } }),
        });
      } catch {
        resolve({ python, found: true, version: null, certifi: null, modules: NONE, httpxSocks5h: null, reason: `${python} gave an unreadable answer`, reasonRef: { code: 'client.python.unreadable', values: { python } } });
      }
    });
  });
}
