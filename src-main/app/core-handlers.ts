import { ok } from '../common/result.js';
import type { HandlerTable } from './handlers.js';
import type { VersionInfo } from '../common/ipc-contract.js';
import { APP_VERSION } from '../common/version.js';

export interface CoreDeps {
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>;
  platform: string;
}

export function coreHandlers(deps: CoreDeps): Pick<HandlerTable, 'version' | 'ping'> {
  return {
    async version() {
      const info: VersionInfo = {
        app: APP_VERSION,
        electron: deps.versions.electron ?? null,
        chrome: deps.versions.chrome ?? null,
        node: deps.versions.node ?? process.versions.node,
        platform: deps.platform,
      };
      return ok(info);
    },
    async ping() {
      return ok('pong' as const);
    },
  };
}
