/** A value or a plain, serialisable error: what crosses IPC and module boundaries instead of exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Error kinds a caller can branch on; `message` is for people. */
export type AppErrorKind =
  | 'bad-input'
  | 'forbidden'
  | 'not-found'
  | 'unavailable'
  | 'cancelled'
  | 'internal';

export interface AppError {
  kind: AppErrorKind;
  message: string;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(kind: AppErrorKind, message: string): Result<T> => ({
  ok: false,
  error: { kind, message },
});
