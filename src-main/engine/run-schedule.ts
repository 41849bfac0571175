import type { DiagnosisRequest } from '../common/request.js';
import type { Probe, ProbeOutcome } from './probe.js';

/**
 * A probe that ignores its AbortSignal must not hang the run: once its budget is spent, the
 * runner waits this long for it to wind down, then reports it as timed out and moves on.
 */
const ABORT_GRACE_MS = 250;

/** Runs one probe within its budget (the request's per-phase timeout unless it names another). Never throws. */
export async function runWithBudget<T>(
  probe: Probe<T>,
  request: DiagnosisRequest,
  runSignal: AbortSignal | undefined,
  go: (budget: number, signal: AbortSignal) => Promise<ProbeOutcome<T>>,
): Promise<ProbeOutcome<T>> {
  const budget = probe.budgetMs?.(request) ?? request.timeoutMs;
  const ctrl = new AbortController();
  const onRunAbort = () => ctrl.abort(runSignal?.reason ?? new Error('cancelled'));
  runSignal?.addEventListener('abort', onRunAbort, { once: true });
  const budgetTimer = setTimeout(() => ctrl.abort(new Error(`budget of ${budget} ms spent`)), budget);
  let graceTimer: NodeJS.Timeout | undefined;
  const hardStop = new Promise<ProbeOutcome<T>>((resolve) => {
    ctrl.signal.addEventListener('abort', () => {
      graceTimer = setTimeout(() => {
        const cancelled = runSignal?.aborted ?? false;
        resolve({ status: 'failed', reason: cancelled ? { code: 'run.cancelled' } : { code: 'run.noResult', values: { ms: budget } } });
      }, ABORT_GRACE_MS);
    });
  });
  try {
    return await Promise.race([
      go(budget, ctrl.signal).catch((e: unknown): ProbeOutcome<T> => ({
        status: 'failed',
        reason: runSignal?.aborted ? { code: 'run.cancelled' } : { code: 'run.probeError', values: { error: e instanceof Error ? e.message : String(e) } },
      })),
      hardStop,
    ]);
  } finally {
    clearTimeout(budgetTimer);
    clearTimeout(graceTimer);
    runSignal?.removeEventListener('abort', onRunAbort);
  }
}

/** Probes depend on each other by id; a cycle would wait forever, so it is refused at once. */
export function assertAcyclic(probes: readonly Probe[]): void {
  const byId = new Map(probes.map((p) => [p.id, p]));
  const state = new Map<string, 1 | 2>();
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) throw new Error(`probe dependency cycle: ${[...path, id].join(' → ')}`);
    state.set(id, 1);
    for (const d of byId.get(id)?.dependsOn ?? []) if (byId.has(d)) visit(d, [...path, id]);
    state.set(id, 2);
  };
  for (const p of probes) visit(p.id, []);
}
