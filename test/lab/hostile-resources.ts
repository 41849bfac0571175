import net from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Resource checks for the hostile and leak suites: what the process holds open (sockets,
 * servers, timers, DNS and file requests) and how much memory it uses.
 */

/**
 * process.getActiveResourcesInfo() as counts per kind ("TCPSocketWrap": 2, "Timeout": 1 …),
 * leaving out the server side of connections accepted by lab servers in this same process: a
 * silent lab server never reads, so it does not notice our client leaving until it is closed.
 * What remains is what the code under test holds.
 */
export function activeResources(): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of process.getActiveResourcesInfo()) m.set(r, (m.get(r) ?? 0) + 1);
  const accepted = labSideSockets();
  if (accepted > 0) m.set('TCPSocketWrap', Math.max(0, (m.get('TCPSocketWrap') ?? 0) - accepted));
  return m;
}

function labSideSockets(): number {
  // Undocumented but long-stable: the handle owners behind getActiveResourcesInfo().
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  return handles.filter((h) => h instanceof net.Socket && ((h as { _server?: unknown })._server != null || (h as { server?: unknown }).server != null)).length;
}

/** Kinds present now in larger numbers than in `before` (vitest's own resources are in both). */
export function newResources(before: Map<string, number>, after = activeResources()): Record<string, number> {
  const extra: Record<string, number> = {};
  for (const [kind, n] of after) {
    const d = n - (before.get(kind) ?? 0);
    if (d > 0) extra[kind] = d;
  }
  return extra;
}

/**
 * Waits (up to `settleMs`) for everything opened since `before` to close: sockets close a tick
 * after destroy(), and a kept-alive agent needs its keepAliveTimeout. Returns what is still open
 * (an empty object when clean).
 */
export async function settledResources(before: Map<string, number>, settleMs = 3000): Promise<Record<string, number>> {
  const deadline = Date.now() + settleMs;
  let extra = newResources(before);
  while (Object.keys(extra).length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    // The polling timer itself is gone by the time we look again.
    extra = newResources(before);
  }
  return extra;
}

let gcFn: (() => void) | null = null;
/** A full garbage collection, so memory figures compare live data rather than garbage. */
export function collectGarbage(): void {
  if (!gcFn) {
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc') as () => void;
  }
  gcFn();
  gcFn();
}

export interface MemoryFigure {
  rssMb: number;
  heapMb: number;
  externalMb: number;
}

export function memory(): MemoryFigure {
  const m = process.memoryUsage();
  const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
  return { rssMb: mb(m.rss), heapMb: mb(m.heapUsed), externalMb: mb(m.external + m.arrayBuffers) };
}

/** Event-loop responsiveness: how late a 0 ms timer fires (a process stuck in a loop would not answer). */
export async function loopLagMs(): Promise<number> {
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, 0));
  return performance.now() - t0;
}
