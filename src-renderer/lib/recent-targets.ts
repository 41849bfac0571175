import type { CredentialRef } from '../../src-main/common/request.js';
import type { ProviderChoice } from '../../src-main/common/report.js';

/** What is remembered of a target: never a secret, never a body or header values. */
export interface RecentTarget {
  url: string;
  method: string;
  provider: ProviderChoice;
  /** Only the credential's name (keychain entry or variable), not its value. */
  credential: CredentialRef;
}

/** The part of localStorage used here (a plain interface, so unit tests need no DOM). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = 'api-doctor.recent-targets';
const MAX = 8;
const SECRET_PARAM = /key|token|secret|sig|auth|pass|code|session/i;

/** The URL without user:password and with secret-looking query values blanked. */
export function scrubUrl(raw: string): string {
  try {
    const u = new URL(raw);
    u.username = '';
    u.password = '';
    for (const name of [...u.searchParams.keys()]) if (SECRET_PARAM.test(name)) u.searchParams.set(name, '');
    return u.href;
  } catch {
    return '';
  }
}

export function loadRecent(storage: Pick<KeyValueStorage, 'getItem'>): RecentTarget[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((x): x is RecentTarget => typeof x?.url === 'string' && typeof x?.method === 'string' && typeof x?.provider === 'string' && typeof x?.credential?.kind === 'string').slice(0, MAX);
  } catch {
    return [];
  }
}

export function rememberTarget(storage: Pick<KeyValueStorage, 'getItem' | 'setItem'>, t: RecentTarget): RecentTarget[] {
  const entry: RecentTarget = { ...t, url: scrubUrl(t.url) };
  if (!entry.url) return loadRecent(storage);
  const list = [entry, ...loadRecent(storage).filter((x) => !(x.url === entry.url && x.method === entry.method))].slice(0, MAX);
  try {
    storage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Full or unavailable storage: recent targets are a convenience.
  }
  return list;
}

export function forgetRecent(storage: Pick<KeyValueStorage, 'removeItem'>): void {
  try {
    storage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
