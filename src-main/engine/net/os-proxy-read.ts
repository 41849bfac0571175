import { execFile } from 'node:child_process';
import { parseGsettings, parseKioslaverc, parseRegQuery, parseScutil, type OsProxySettings } from './os-proxy.js';

/** Runs a command and returns its stdout, or null when it is missing, fails or overruns. Injected in tests. */
export type RunCommand = (cmd: string, args: string[]) => Promise<string | null>;

/** Each settings tool answers in milliseconds; a hung D-Bus must not hold up the proxy stage. */
const COMMAND_BUDGET_MS = 2_000;

export const runCommand: RunCommand = (cmd, args) =>
  new Promise((resolve) => {
    execFile(cmd, args, { timeout: COMMAND_BUDGET_MS, maxBuffer: 256 * 1024, windowsHide: true, encoding: 'utf8' }, (err, stdout) => resolve(err ? null : stdout));
  });

export interface OsProxyDeps {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  run: RunCommand;
  readFile: (path: string) => Promise<string | null>;
}

const GNOME_KEYS = [
  ['org.gnome.system.proxy', 'mode'],
  ['org.gnome.system.proxy', 'ignore-hosts'],
  ['org.gnome.system.proxy', 'autoconfig-url'],
  ['org.gnome.system.proxy.http', 'host'],
  ['org.gnome.system.proxy.http', 'port'],
  ['org.gnome.system.proxy.https', 'host'],
  ['org.gnome.system.proxy.https', 'port'],
  ['org.gnome.system.proxy.socks', 'host'],
  ['org.gnome.system.proxy.socks', 'port'],
] as const;

async function gnome(run: RunCommand): Promise<OsProxySettings | null> {
  const mode = await run('gsettings', ['get', 'org.gnome.system.proxy', 'mode']);
  if (mode === null) return null;
  const get: Record<string, string | undefined> = { 'org.gnome.system.proxy mode': mode.trim() };
  // "none" (the default on most machines) needs no further questions.
  if (mode.trim() === "'none'") return parseGsettings(get);
  const rest = await Promise.all(GNOME_KEYS.slice(1).map(async ([schema, key]) => [`${schema} ${key}`, (await run('gsettings', ['get', schema, key]))?.trim()] as const));
  for (const [k, v] of rest) get[k] = v;
  return parseGsettings(get);
}

/**
 * The OS proxy as the desktop sets it, for the CLI (the app asks Chromium instead). null when
 * this OS or desktop has no setting we can read: "unknown", not "none".
 */
export async function readOsProxy(d: OsProxyDeps): Promise<OsProxySettings | null> {
  switch (d.platform) {
    case 'darwin': {
      const out = await d.run('scutil', ['--proxy']);
      return out === null ? null : parseScutil(out);
    }
    case 'win32': {
      const out = await d.run('reg', ['query', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings']);
      return out === null ? null : parseRegQuery(out);
    }
    case 'linux':
    case 'freebsd':
    case 'openbsd': {
      const desktop = `${d.env.XDG_CURRENT_DESKTOP ?? ''}:${d.env.DESKTOP_SESSION ?? ''}`;
      const home = d.env.HOME;
      // KDE keeps its own file; every other desktop (and a bare server with GNOME's schemas) answers through gsettings.
      if (/kde|plasma/i.test(desktop) && home) {
        const text = await d.readFile(`${d.env.XDG_CONFIG_HOME ?? `${home}/.config`}/kioslaverc`);
        const kde = text === null ? null : parseKioslaverc(text);
        if (kde) return kde;
      }
      return gnome(d.run);
    }
    default:
      return null;
  }
}
