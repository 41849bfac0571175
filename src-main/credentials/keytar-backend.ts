import { err, ok, type Result } from '../common/result.js';
import type { SecretBackend } from './backend.js';

/** The part of keytar we use. */
interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

export const DEFAULT_SERVICE = 'api-doctor';
/**
 * A keychain that does not answer (a Secret Service waiting on an unlock prompt nobody sees) must
 * not hang the CLI forever; a real keychain answers in milliseconds.
 */
const KEYCHAIN_TIMEOUT_MS = 15_000;

export const HEADLESS_HINT =
  'On a server or in CI without a keychain, pass the secret in an environment variable instead: --token-env VAR. API Doctor never stores secrets in a plain file.';

export function keychainUnavailable(reason: string): Result<never> {
  return err('unavailable', `The OS keychain is not available (${reason}). ${HEADLESS_HINT}`);
}

let keytarPromise: Promise<Keytar> | null = null;
/** keytar is a native module: loaded on first use only, so `diagnose --token-env` never pays for it. */
async function loadKeytar(): Promise<Keytar> {
  keytarPromise ??= import('keytar').then((m: unknown) => {
    const mod = m as Keytar & { default?: Keytar };
    return mod.default && typeof mod.default.getPassword === 'function' ? mod.default : mod;
  });
  try {
    return await keytarPromise;
  } catch (e) {
    keytarPromise = null;
    throw e;
  }
}

export interface KeytarOptions {
  service?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** For tests: a keytar stand-in. */
  load?: () => Promise<Keytar>;
}

/**
 * Secrets in the OS keychain: macOS Keychain, Windows Credential Manager, Secret Service
 * (gnome-keyring, KWallet) on Linux. Every failure becomes `unavailable` with the way out
 * (--token-env); there is no plaintext fallback.
 */
export function keytarBackend(opts: KeytarOptions = {}): SecretBackend {
  const service = opts.service ?? DEFAULT_SERVICE;
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const load = opts.load ?? loadKeytar;

  const call = async <T>(what: string, fn: (k: Keytar) => Promise<T>): Promise<Result<T>> => {
    // Without a session bus libsecret tries to autolaunch one through X11 and fails slowly or oddly.
    if (platform === 'linux' && !env.DBUS_SESSION_BUS_ADDRESS) return keychainUnavailable('no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set, so no Secret Service can be reached');
    let keytar: Keytar;
    try {
      keytar = await load();
    } catch (e) {
      return keychainUnavailable(`the keychain module could not be loaded: ${firstLine(e)}`);
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const value = await Promise.race([
        fn(keytar),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${KEYCHAIN_TIMEOUT_MS / 1000} s (locked, or waiting for an unlock prompt?)`)), KEYCHAIN_TIMEOUT_MS);
          timer.unref?.();
        }),
      ]);
      return ok(value);
    } catch (e) {
      return keychainUnavailable(`${what} failed: ${firstLine(e)}`);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    get: (account) => call('reading', (k) => k.getPassword(service, account)),
    set: (account, value) => call('saving', (k) => k.setPassword(service, account, value)),
    delete: (account) => call('deleting', (k) => k.deletePassword(service, account)),
    accounts: async () => {
      const r = await call('listing', (k) => k.findCredentials(service));
      // Only the account names leave this function; the passwords findCredentials returns are dropped here.
      return r.ok ? ok(r.value.map((c) => c.account)) : r;
    },
  };
}

const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
