import { writeFile } from 'node:fs/promises';
import type { Report } from '../common/report.js';
import type { DiagnosisRequest } from '../common/request.js';

export interface BundleHookInput {
  file: string;
  report: Report;
  request: DiagnosisRequest;
  /** Every secret of the run (credential, proxy password) for the bundle's own redaction pass. */
  secrets: string[];
  /** The environment the run saw (proxy variables, CA variables) for environment.json. */
  env?: NodeJS.ProcessEnv;
}


/**
 * `--bundle FILE`: writes the diagnostic bundle (src-main/bundle/). Returns null when written,
 * else the reason it was not (printed on stderr; the diagnosis itself still counts).
 */
export async function writeBundleHook(input: BundleHookInput): Promise<string | null> {
  const env = input.env ?? process.env;
  try {
    // Loaded only when --bundle is given: zip and HAR code is not needed for a plain diagnosis.
    const [{ collectEnvironment, PROXY_VARS }, { buildBundle }] = await Promise.all([import('../bundle/environment.js'), import('../bundle/write.js')]);
    const built = buildBundle(input.report, {
      environment: await collectEnvironment({ env, target: input.request.url, ...(input.request.proxy !== undefined ? { proxyFlag: input.request.proxy } : {}) }),
      lang: input.request.lang,
      secrets: input.secrets,
      secretUrls: [typeof input.request.proxy === 'string' ? input.request.proxy : null, ...PROXY_VARS.map((v) => env[v])],
    });
    await writeFile(input.file, built.zip, { mode: 0o600 });
    return null;
  } catch (e) {
    return `${(e as NodeJS.ErrnoException).code ?? 'error'}: ${e instanceof Error ? e.message : String(e)}`;
  }
}
