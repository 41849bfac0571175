import type { HandlerTable } from './handlers.js';
import { coreHandlers, type CoreDeps } from './core-handlers.js';
import { diagnosisHandlers, type DiagnosisDeps } from './diagnosis-handlers.js';

export type AppDeps = CoreDeps & Partial<DiagnosisDeps>;

/** The complete table. Each feature contributes its handlers; the type makes sure none is missing. */
export function createHandlerTable(deps: AppDeps): HandlerTable {
  return {
    ...coreHandlers(deps),
    // Without a dialog (tests, headless), "choose a CA file" is a cancelled choice.
    ...diagnosisHandlers({ ...deps, chooseCaFile: deps.chooseCaFile ?? (async () => null) }),
  };
}
