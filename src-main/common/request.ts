import type { Lang, ProviderChoice } from './report.js';
import type { ClientId } from './clients.js';

/** Where the credential goes (contract: --auth). */
export type AuthPlacement =
  | { kind: 'bearer' }
  | { kind: 'basic' }
  | { kind: 'header'; name: string }
  | { kind: 'query'; param: string };

/** Which credential to use: never the secret itself across IPC, only a reference to it. */
export type CredentialRef =
  | { kind: 'keychain'; name: string }
  /** `confirmed`: the user agreed to send a variable that does not look like an API key (app only, common/env-credential-policy.ts). */
  | { kind: 'env'; variable: string; confirmed?: boolean }
  | { kind: 'none' };

/** What the user asked to diagnose: the contract's CLI flags as data. Identical for CLI and app. */
export interface DiagnosisRequest {
  url: string;
  method: string;
  headers: { name: string; value: string }[];
  body?: string;
  provider: ProviderChoice;
  credential: CredentialRef;
  auth?: AuthPlacement;
  oauth?: { tokenUrl: string; clientId: string };
  dnsServers: string[];
  referenceDns: string[];
  resolve: { host: string; port: number; address: string }[];
  /** undefined: from the environment (and the OS in the app); null: --no-proxy; string: --proxy. */
  proxy?: string | null;
  caFile?: string;
  /**
   * The call as the user makes it skips certificate checks (`curl -k` in a pasted command). The
   * doctor still verifies; the environment stage reports it as ENV_TLS_VERIFY_DISABLED.
   */
  insecure?: boolean;
  timeoutMs: number;
  samples: number;
  /**
   * True when the user chose `samples` (CLI `--samples`): the server probe then takes exactly that
   * many. Absent or false: `samples` is a ceiling and the probe samples adaptively (one request
   * when the first answer is healthy and fast; see engine/server/sampling.ts).
   */
  samplesExplicit?: boolean;
  slowMs: number;
  stream: boolean;
  /** `--completion`: also send the smallest real completion (max 1 token, the cheapest model the key can use). */
  completion?: boolean;
  lang: Lang;
  /** --client: diagnose as this client would (its proxy sources, trust store, timeouts); default curl. */
  client?: ClientId;
}

export const DEFAULTS = {
  method: 'GET',
  /** Per-phase budget: long enough for a slow mobile network, short enough to not feel hung. */
  timeoutMs: 10_000,
  samples: 3,
  slowMs: 5_000,
} as const;

export function defaultRequest(url: string, over: Partial<DiagnosisRequest> = {}): DiagnosisRequest {
  return {
    url,
    method: DEFAULTS.method,
    headers: [],
    provider: 'auto',
    credential: { kind: 'none' },
    dnsServers: [],
    referenceDns: [],
    resolve: [],
    timeoutMs: DEFAULTS.timeoutMs,
    samples: DEFAULTS.samples,
    slowMs: DEFAULTS.slowMs,
    stream: false,
    lang: 'en',
    ...over,
  };
}
