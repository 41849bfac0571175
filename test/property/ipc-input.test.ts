import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HandlerTable, CallContext } from '../../src-main/app/handlers.js';
import { createHandlerTable } from '../../src-main/app/handler-table.js';
import { DOCTOR_METHODS } from '../../src-main/common/ipc-contract.js';
import { defaultRequest } from '../../src-main/common/request.js';
import { createMemoryStore } from '../../src-main/credentials/memory-store.js';
import { hostileString, PROPERTY_RUNS } from './arbitraries.js';

// What the renderer sends over IPC is outside input to main (a compromised or buggy page can
// send anything structured clone carries). Every handler must answer with a Result — never
// throw, never reject (Electron would hand the renderer an error with main's stack).
//
// No network: the engine runs with no probes, dialogs are cancelled, credentials live in memory.

function table(): HandlerTable {
  return createHandlerTable({
    versions: { node: process.versions.node },
    platform: process.platform,
    engine: { probes: [] },
    credentialStore: () => createMemoryStore(),
    env: {},
    environment: async () => ({ os: 'lab' }),
  });
}

const ctx: CallContext = { emit() {} };
const valid = defaultRequest('https://api.example.test/v1/models');
/** A valid request with one field replaced by something hostile: the near misses validation must catch. */
const nearMiss = fc
  .tuple(fc.constantFrom(...(Object.keys(valid) as (keyof typeof valid)[])), fc.oneof(fc.anything(), hostileString))
  .map(([k, v]) => ({ ...valid, [k]: v }));
const arg = fc.oneof(fc.anything({ maxDepth: 3 }), hostileString, nearMiss, fc.constant(undefined), fc.constant(null));

function expectResult(r: unknown): void {
  expect(r && typeof r === 'object').toBe(true);
  const o = r as { ok?: unknown; error?: { kind?: unknown; message?: unknown } };
  expect(typeof o.ok).toBe('boolean');
  if (o.ok === false) {
    expect(typeof o.error?.kind).toBe('string');
    expect(typeof o.error?.message).toBe('string');
    expect(o.error!.message as string).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }
}

describe('IPC handlers take any input (property)', () => {
  it('every method answers arbitrary arguments with a Result', async () => {
    const t = table();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...DOCTOR_METHODS), fc.array(arg, { maxLength: 3 }), async (method, args) => {
        const handler = t[method] as (c: CallContext, ...a: unknown[]) => Promise<unknown>;
        let r: unknown;
        try {
          r = await handler(ctx, ...args);
        } catch (e) {
          throw new Error(`${method} threw on ${JSON.stringify(args)?.slice(0, 200)}: ${String(e)}`);
        }
        expectResult(r);
      }),
      { numRuns: Math.round(PROPERTY_RUNS / 2) },
    );
  });
});
