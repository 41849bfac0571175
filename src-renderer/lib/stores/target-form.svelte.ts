import type { Lang, ProviderChoice } from '../../../src-main/common/report.js';
import { DEFAULTS, type CredentialRef, type DiagnosisRequest } from '../../../src-main/common/request.js';
import { detectProvider } from '../../../src-main/common/providers.js';
import type { ClientId } from '../../../src-main/common/clients.js';
import type { PastedFill } from '../../../src-main/common/intake.js';
import type { RecentTarget } from '../recent-targets.js';

export type ProxyMode = 'auto' | 'none' | 'custom';
export type CredentialMode = 'none' | 'env' | `keychain:${string}`;

/** Public resolvers offered only as an explicit opt-in: asking them sends the host name off this network. */
export const PUBLIC_RESOLVERS = ['1.1.1.1', '8.8.8.8'] as const;

/** The contract's defaults, the same values the CLI uses (common/request.ts DEFAULTS). */
export class TargetForm {
  url = $state('');
  method: string = $state(DEFAULTS.method);
  body = $state('');
  provider: ProviderChoice = $state('auto');
  credentialMode: CredentialMode = $state('none');
  envVar = $state('');
  /** The user agreed to send a variable that does not look like an API key (common/env-credential-policy.ts). */
  envConfirmed = $state(false);
  timeoutMs: number = $state(DEFAULTS.timeoutMs);
  samples: number = $state(DEFAULTS.samples);
  proxyMode: ProxyMode = $state('auto');
  proxyUrl = $state('');
  caFile: { path: string; name: string } | null = $state(null);
  dnsServers = $state('');
  comparePublicDns = $state(false);
  stream = $state(false);
  /** "What will make this call?": '' is the default (curl-like, how the engine behaves). */
  client: ClientId | '' = $state('');
  /** --completion: one real, billed one-token completion (opt-in: it costs a few tokens). */
  completion = $state(false);
  /** A call pasted as curl or picked from a HAR: its headers (with the user's own key), pins and -k go with the request. */
  pasted: PastedFill | null = $state(null);

  detected = $derived(detectProvider(this.url.trim()));
  hasBody = $derived(!['GET', 'HEAD'].includes(this.method));

  credential(): CredentialRef {
    if (this.credentialMode === 'env') return { kind: 'env', variable: this.envVar.trim(), ...(this.envConfirmed ? { confirmed: true } : {}) };
    if (this.credentialMode.startsWith('keychain:')) return { kind: 'keychain', name: this.credentialMode.slice('keychain:'.length) };
    return { kind: 'none' };
  }

  /** The request as the contract defines it; main validates it again and answers in words. */
  toRequest(lang: Lang): DiagnosisRequest {
    const dns = this.dnsServers
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    return {
      url: this.url.trim(),
      method: this.method,
      headers: this.pasted?.headers ?? [],
      ...(this.hasBody && this.body !== '' ? { body: this.body } : {}),
      provider: this.provider,
      credential: this.credential(),
      dnsServers: [...dns, ...(this.pasted?.dnsServers ?? [])],
      referenceDns: this.comparePublicDns ? [...PUBLIC_RESOLVERS] : [],
      resolve: this.pasted?.resolve ?? [],
      ...(this.pasted?.insecure ? { insecure: true } : {}),
      ...(this.proxyMode === 'none' ? { proxy: null } : this.proxyMode === 'custom' ? { proxy: this.proxyUrl.trim() } : {}),
      ...(this.caFile ? { caFile: this.caFile.path } : {}),
      timeoutMs: Number(this.timeoutMs),
      samples: Number(this.samples),
      // A number other than the default is the user's own: take exactly that many (adaptive sampling may take one).
      ...(Number(this.samples) !== DEFAULTS.samples ? { samplesExplicit: true } : {}),
      slowMs: DEFAULTS.slowMs,
      stream: this.stream,
      ...(this.completion ? { completion: true } : {}),
      lang,
      ...(this.client !== '' ? { client: this.client } : {}),
    };
  }

  /** Fills the form from a pasted call (the paste box shows what it understood first). */
  applyPasted(fill: PastedFill): void {
    this.url = fill.url;
    this.method = fill.method;
    this.body = fill.body ?? '';
    if (fill.proxy === null) this.proxyMode = 'none';
    else if (fill.proxy !== undefined) {
      this.proxyMode = 'custom';
      this.proxyUrl = fill.proxy;
    }
    if (fill.timeoutMs !== undefined) this.timeoutMs = Math.min(120_000, fill.timeoutMs);
    this.pasted = fill;
  }

  recent(): RecentTarget {
    return { url: this.url.trim(), method: this.method, provider: this.provider, credential: this.credential() };
  }

  fill(r: RecentTarget): void {
    this.url = r.url;
    this.method = r.method;
    this.provider = r.provider;
    if (r.credential.kind === 'env') {
      this.credentialMode = 'env';
      this.envVar = r.credential.variable;
    } else if (r.credential.kind === 'keychain') this.credentialMode = `keychain:${r.credential.name}`;
    else this.credentialMode = 'none';
  }
}
