import { readFile } from 'node:fs/promises';
import tls from 'node:tls';
import type { PlatformAdapters } from '../platform.js';

/** Where Linux distributions keep the system bundle (Debian/Ubuntu, Fedora/RHEL, openSUSE, Alpine/macOS). */
const BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/ca-bundle.pem',
  '/etc/ssl/cert.pem',
];

type GetCa = (type: 'system' | 'bundled' | 'default') => string[];

/**
 * The operating system's trust store as PEM: the injected adapter (the app, tests), else Node's
 * own view of it (Node ≥ 22.15), else the system bundle file. Null when none is known.
 */
export async function osTrustStore(platform: Pick<PlatformAdapters, 'systemCaCertificates'>): Promise<{ source: string; pems: string[] } | null> {
  try {
    const injected = await platform.systemCaCertificates();
    if (injected !== null) return { source: 'platform', pems: injected };
  } catch {
    // fall through to what Node and the file system know
  }
  const getCa = (tls as unknown as { getCACertificates?: GetCa }).getCACertificates;
  if (typeof getCa === 'function') {
    try {
      return { source: "tls.getCACertificates('system')", pems: getCa('system') };
    } catch {
      // older or restricted: try the files
    }
  }
  for (const file of BUNDLES) {
    try {
      return { source: file, pems: [await readFile(file, 'utf8')] };
    } catch {
      // next candidate
    }
  }
  return null;
}
