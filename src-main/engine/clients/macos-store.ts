import { execFile } from 'node:child_process';

/** Runs a command and returns stdout, or null when it is missing, fails or overruns. Injected in tests. */
export type RunBig = (cmd: string, args: string[]) => Promise<string | null>;

/** The system roots plus the admin (MDM) keychain, where a company's inspection CA is installed. */
export const MAC_KEYCHAINS = ['/System/Library/Keychains/SystemRootCertificates.keychain', '/Library/Keychains/System.keychain'] as const;

/** ~150 roots as PEM are ~250 KB: room for a few hundred more, bounded in time. */
const run: RunBig = (cmd, args) =>
  new Promise((resolve) => {
    execFile(cmd, args, { timeout: 3_000, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' }, (err, stdout) => resolve(err ? null : stdout));
  });

/**
 * The macOS trust store from the CLI on a Node without tls.getCACertificates('system'):
 * `security find-certificate -a -p` over the system keychains. Certificates listed there are taken
 * as anchors (their per-certificate trust settings are not read: an admin-added root is normally
 * trusted, a distrusted one would be counted wrongly).
 */
export async function macosTrustStore(exec: RunBig = run): Promise<{ source: string; pems: string[] } | null> {
  const out = await exec('security', ['find-certificate', '-a', '-p', ...MAC_KEYCHAINS]);
  if (out === null || !out.includes('-----BEGIN CERTIFICATE-----')) return null;
  return { source: `security find-certificate -a -p ${MAC_KEYCHAINS.join(' ')}`, pems: [out] };
}
