import type { HandlerTable } from './handlers.js';
import { coreHandlers, type CoreDeps } from './core-handlers.js';

export type AppDeps = CoreDeps;

/** The complete table. Each feature contributes its handlers; the type makes sure none is missing. */
export function createHandlerTable(deps: AppDeps): HandlerTable {
  return {
    ...coreHandlers(deps),
  };
}
