import os from 'node:os';

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
}

export function nodePlatform(over: Partial<PlatformAdapters> = {}): PlatformAdapters {
  return {
    networkInterfaces: () => os.networkInterfaces(),
    resolveSystemProxy: async () => null,
    systemCaCertificates: async () => null,
    env: process.env,
    now: () => Date.now(),
    ...over,
  };
}
