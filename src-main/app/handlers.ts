import type { DoctorApi, DoctorEventName, DoctorEvents, DoctorMethod } from '../common/ipc-contract.js';

/** Who is calling, and how to push events back to that window. Built by app/ipc.ts or by a test. */
export interface CallContext {
  emit<E extends DoctorEventName>(event: E, payload: DoctorEvents[E]): void;
}

/**
 * A handler per contract method. Arguments arrive as `unknown[]`: whatever crosses IPC is
 * untrusted and each handler validates it before use.
 */
export type HandlerTable = {
  [M in DoctorMethod]: (ctx: CallContext, ...args: unknown[]) => ReturnType<DoctorApi[M]>;
};
