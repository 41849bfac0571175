import type { FindingCode } from '../../common/codes.js';
import type { ProviderId } from '../../common/report.js';
import type { AuthPlacement } from '../../common/request.js';

/** An API's error body, read into one shape whatever the provider wrote. */
export interface ProviderError {
  /** The provider's error type (`insufficient_quota`, `rate_limit_error`, …) or null. */
  type: string | null;
  /** Its business code (Zhipu `1113`, OpenAI `invalid_api_key`, Azure `DeploymentNotFound`) or null. */
  code: string | null;
  message: string | null;
}

/** What a provider's own words mean in contract terms. */
export interface ErrorMeaning {
  code: FindingCode;
  /** One short phrase saying why (e.g. "Zhipu code 1113: account in arrears"). */
  reason: string;
  /** The same in Chinese: a Chinese screen shows this one (required, so no table can forget it). */
  reasonZh: string;
}

/** A request the provider answers cheaply; used for sampling and streaming, never by default for a POST. */
export interface ProbeRequest {
  method: string;
  url: URL;
  body?: string;
}

export interface ProviderProfile {
  id: ProviderId;
  name: string;
  /** True when this URL is this provider's (host, sometimes path). */
  matches(url: URL): boolean;
  /** Where the key goes when --auth is not given. */
  auth(url: URL): AuthPlacement;
  /** Headers the API requires besides the key (Anthropic's version header). */
  requiredHeaders(url: URL): { name: string; value: string }[];
  /** The API's base URL (up to the version prefix) for this URL, or null when the path does not say. */
  apiBase(url: URL): string | null;
  /** Known correct base URLs, to suggest when a path is not found. */
  knownBases(url: URL): string[];
  /** The model list: the cheapest authenticated call the API has. */
  modelsRequest(url: URL): ProbeRequest | null;
  /** The smallest possible streamed completion. */
  streamRequest(url: URL, model: string | null): ProbeRequest | null;
  /** Models to prefer for the streamed probe (cheapest first). */
  cheapModels: readonly string[];
  /** Reads the provider's meaning out of an error body (already parsed into ProviderError). */
  meaning(status: number, err: ProviderError | null): ErrorMeaning | null;
  /** The smallest real (non-streamed) completion: one token (`--completion`). */
  completionRequest(url: URL, model: string | null): ProbeRequest | null;
  /**
   * Path prefixes the API is served under, canonical first (`/v1`, `/api/paas/v4`); an endpoint
   * (`/chat/completions`, `/models`) follows them. Empty: the layout is unknown (generic, Azure).
   */
  basePaths: readonly string[];
  /** The same provider's other regions or products whose keys are not interchangeable with this host's. */
  siblings?(url: URL): { origin: string; label: string }[];
}
