import type { HandlerTable } from './handlers.js';
import { coreHandlers, type CoreDeps } from './core-handlers.js';
import { diagnosisHandlers, type DiagnosisDeps } from './diagnosis-handlers.js';
import { credentialHandlers, type CredentialDeps } from './credential-handlers.js';
import { bundleHandlers, type BundleDeps } from './bundle-handlers.js';
import { intakeHandlers } from './intake-handlers.js';
import { watchHandlers } from './watch-handlers.js';
import { menuHandlers, type MenuDeps } from './menu-handlers.js';
import type { DiagnosisRequest } from '../common/request.js';
import type { Report } from '../common/report.js';
import { createKeychainStore } from '../credentials/keychain-store.js';
import type { CredentialStore } from '../credentials/store.js';
import { collectEnvironment } from '../bundle/environment.js';

export type AppDeps = CoreDeps & Partial<DiagnosisDeps> & Partial<CredentialDeps> & Partial<BundleDeps> & MenuDeps & { watchMinIntervalMs?: number };

/** The complete table. Each feature contributes its handlers; the type makes sure none is missing. */
export function createHandlerTable(deps: AppDeps): HandlerTable {
  // One store for the table, opened on first use (keytar is native: load it only when needed).
  let store: CredentialStore | null = null;
  const credentialStore = deps.credentialStore ?? (() => (store ??= createKeychainStore()));
  const env = deps.env ?? process.env;
  let runOf: (runId: string) => { request: DiagnosisRequest; report: Report | null } | null = () => null;
  const environment = deps.environment ?? ((target?: string) => collectEnvironment({ env, ...(target ? { target } : {}) }));
  const chooseBundleSavePath = deps.chooseBundleSavePath ?? (async () => null);
  return {
    ...coreHandlers(deps),
    // Without a dialog (tests, headless), "choose a CA file" is a cancelled choice.
    ...diagnosisHandlers({
      ...deps,
      chooseCaFile: deps.chooseCaFile ?? (async () => null),
      credentialStore,
      exposeRuns: (get) => (runOf = get),
    }),
    ...credentialHandlers({ credentialStore }),
    ...bundleHandlers({
      environment,
      chooseBundleSavePath,
      chooseBundleOpenPath: deps.chooseBundleOpenPath ?? (async () => null),
      ...(deps.renderMarkdown ? { renderMarkdown: deps.renderMarkdown } : {}),
    }),
    ...intakeHandlers({
      environment: () => environment(),
      chooseBundleOpenPath: deps.chooseBundleOpenPath ?? (async () => null),
    }),
    ...menuHandlers(deps),
    ...watchHandlers({ runOf: (id) => runOf(id), credentialStore, ...(deps.engine ? { engine: deps.engine } : {}), env, environment, chooseBundleSavePath, ...(deps.watchMinIntervalMs !== undefined ? { minIntervalMs: deps.watchMinIntervalMs } : {}) }),
  };
}
