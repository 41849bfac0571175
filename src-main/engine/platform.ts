import os from 'node:os';
import { readFile, stat } from 'node:fs/promises';

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
  return {
    networkInterfaces: () => os.networkInterfaces(),
    resolveSystemProxy: async () => null,
    systemCaCertificates: async () => null,
    env: process.env,
    now: () => Date.now(),
    readSystemFile,
    ...over,
  };
}
