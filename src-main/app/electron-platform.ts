import type { Session } from 'electron';
import type { PlatformAdapters } from '../engine/platform.js';

/**
 * What only Electron can tell the engine: the OS proxy for a URL (Chromium's resolver honours
 * system settings, PAC files and WPAD), in PAC form ("DIRECT", "PROXY host:port; DIRECT").
 * The OS trust store needs no adapter here: Electron's Node reads it with tls.getCACertificates.
 */
export function electronPlatform(session: Pick<Session, 'resolveProxy'>): Partial<PlatformAdapters> {
  return {
    resolveSystemProxy: async (url: string) => {
      try {
        const pac = await session.resolveProxy(url);
        return pac.trim() === '' ? null : pac;
      } catch {
        return null;
      }
    },
  };
}
