import os from 'node:os';
import { readFile, stat } from 'node:fs/promises';
import { osProxyFor, type OsProxySettings } from './net/os-proxy.js';
import { readOsProxy, runCommand } from './net/os-proxy-read.js';

/**
 * What only the host can answer. The CLI and tests use the Node fallbacks; the desktop app
 * injects Electron-backed versions (session.resolveProxy, the OS trust store).
 */
export interface PlatformAdapters {
  /** Network interfaces, as os.networkInterfaces() returns them. */
  networkInterfaces(): NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  /** The OS proxy for a URL, in PAC form ("DIRECT", "PROXY host:port"); null when unknown. */
  resolveSystemProxy(url: string): Promise<string | null>;
  /** PEM certificates of the operating system's trust store; null when unknown. */
  systemCaCertificates(): Promise<string[] | null>;
  /** Environment variables the engine reads (proxy variables, tokens). */
  env: NodeJS.ProcessEnv;
  now(): number;
  /**
   * A small local file's text (container markers under /proc, CA bundles named by variables,
   * ~/.curlrc), null when absent or unreadable. Injected in tests to stage a container.
   */
  readSystemFile?(path: string): Promise<string | null>;
  /**
   * The OS proxy settings as read (and from where: gsettings, kioslaverc, scutil, registry), for
   * the report; null when unknown. The CLI reads them itself; the app leaves this out and lets
   * Chromium resolve (resolveSystemProxy), which also evaluates PAC.
   */
  systemProxyInfo?(): Promise<OsProxySettings | null>;
}

/** CA bundles run to a few hundred kB; anything far larger is not what the variable should name. */
const SYSTEM_FILE_CAP = 8 * 1024 * 1024;

export async function readSystemFile(path: string): Promise<string | null> {
  try {
    const st = await stat(path);
    // /proc files report size 0: read them; refuse FIFOs and devices, which could block or never end.
    if (!st.isFile() || st.size > SYSTEM_FILE_CAP) return null;
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

export function nodePlatform(over: Partial<PlatformAdapters> = {}): PlatformAdapters {
  const env = over.env ?? process.env;
  // Read once per run, and only when asked (the environment's proxy wins and skips this).
  let settings: Promise<OsProxySettings | null> | null = null;
  const systemProxyInfo = () => (settings ??= readOsProxy({ platform: process.platform, env, run: runCommand, readFile: over.readSystemFile ?? readSystemFile }).catch(() => null));
  const osDefaults: Partial<PlatformAdapters> =
    over.resolveSystemProxy === undefined ? { systemProxyInfo, resolveSystemProxy: async (url) => systemProxyInfo().then((s) => (s ? osProxyFor(s, new URL(url)) : null)) } : {};
  return {
    networkInterfaces: () => os.networkInterfaces(),
    resolveSystemProxy: async () => null,
    ...osDefaults,
    systemCaCertificates: async () => null,
    env: process.env,
    now: () => Date.now(),
    readSystemFile,
    ...over,
  };
}
