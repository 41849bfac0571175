import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseResolvConf } from './resolv-conf.js';

/**
 * The hosts file of this OS. API_DOCTOR_HOSTS_FILE overrides it (tests, and systems that keep it
 * elsewhere); `ip netns exec` bind-mounts /etc/netns/<ns>/hosts over it, which the lab uses too.
 */
export function hostsFilePath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env.API_DOCTOR_HOSTS_FILE) return env.API_DOCTOR_HOSTS_FILE;
  if (platform === 'win32') return path.win32.join(env.SystemRoot ?? 'C:\\Windows', 'System32', 'drivers', 'etc', 'hosts');
  return '/etc/hosts';
}

export interface HostsEntry {
  path: string;
  line: number;
  addresses: string[];
}

/** The lines of a hosts file that name `host` (case-insensitive), with every address they give. */
export function findInHosts(text: string, host: string, file: string): HostsEntry | null {
  const want = host.toLowerCase().replace(/\.$/, '');
  const addresses: string[] = [];
  let first = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const [addr, ...names] = line.split(/\s+/);
    if (!addr || !names.some((n) => n.toLowerCase().replace(/\.$/, '') === want)) return;
    if (!addresses.includes(addr)) addresses.push(addr);
    if (!first) first = i + 1;
  });
  return addresses.length > 0 ? { path: file, line: first, addresses } : null;
}

/** Reads the hosts file and looks the name up; a missing or unreadable file pins nothing. */
export async function hostsEntry(env: NodeJS.ProcessEnv, host: string): Promise<HostsEntry | null> {
  const file = hostsFilePath(env);
  try {
    return findInHosts(await readFile(file, 'utf8'), host, file);
  } catch {
    return null;
  }
}

const nameservers = async (file: string): Promise<string[]> => {
  try {
    return parseResolvConf(await readFile(file, 'utf8')).nameservers;
  } catch {
    return [];
  }
};

/**
 * The name servers the system resolver asks, from resolv.conf (Unix); empty when unknown. Behind
 * systemd-resolved's local listener (127.0.0.53) the real upstreams are in /run/systemd/resolve/resolv.conf:
 * quote both, "127.0.0.53 → 10.0.0.1".
 */
export async function systemNameservers(file = '/etc/resolv.conf', upstreamFile = '/run/systemd/resolve/resolv.conf'): Promise<string[]> {
  if (process.platform === 'win32') return [];
  const list = await nameservers(file);
  if (list.length === 1 && list[0] === '127.0.0.53') {
    const up = await nameservers(upstreamFile);
    if (up.length > 0) return up.map((u) => `127.0.0.53 → ${u}`);
  }
  return list;
}
