import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBundle, readBundleFile } from '../../src-main/bundle/read.js';
import { buildBundle } from '../../src-main/bundle/write.js';
import { leakyReport } from '../unit/bundle/fixtures.js';
import { PROPERTY_RUNS } from './arbitraries.js';

// Bundle import takes a file from anywhere (a colleague, a ticket, a CI artefact): random or
// damaged bytes must give a clear Result error — never a throw, a hang, or an unhandled rejection.

const valid = buildBundle(leakyReport('sk-proj-canary0000000000000000000000'), { environment: { os: 'lab' }, createdAt: new Date('2026-01-01T00:00:00Z') }).zip;
const dir = mkdtempSync(path.join(os.tmpdir(), 'prop-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Result: ok with a report, or a one-line bad-input error that says it cannot open the bundle. */
function expectResult(r: ReturnType<typeof readBundle>): void {
  if (r.ok) {
    expect(r.value.report.schema).toBe('api-doctor/report@1');
  } else {
    // bad-input for the bytes; not-found when the file itself is missing.
    expect(['bad-input', 'not-found']).toContain(r.error.kind);
    if (r.error.kind === 'bad-input') expect(r.error.message).toMatch(/^Cannot open this bundle: |is not a file/);
    expect(r.error.message).not.toMatch(/\n\s+at /);
  }
}

/** Mutations of a valid zip: flipped bytes, cut tails, spliced garbage, repeated ranges. */
const mutation = fc.oneof(
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => (z: Uint8Array) => {
    const out = Uint8Array.from(z);
    for (const [at, b] of flips) out[at % out.length] = b;
    return out;
  }),
  fc.nat().map((n) => (z: Uint8Array) => z.subarray(0, n % z.length)),
  fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 64 })).map(([at, junk]) => (z: Uint8Array) => {
    const i = at % z.length;
    return Uint8Array.from([...z.subarray(0, i), ...junk, ...z.subarray(i)]);
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 200 })).map(([at, len]) => (z: Uint8Array) => {
    const i = at % z.length;
    return Uint8Array.from([...z, ...z.subarray(i, i + len)]);
  }),
);

describe('bundle import (property)', () => {
  it('the valid bundle opens (so the mutations below start from something real)', () => {
    const r = readBundle(valid);
    expect(r.ok).toBe(true);
  });

  it('random bytes: always a bad-input Result, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const r = readBundle(bytes);
        expect(r.ok).toBe(false);
        expectResult(r);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('a damaged bundle (flipped, cut, spliced, padded): a Result either way, never a throw', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const bytes = ms.reduce((z, m) => m(z), valid);
        expectResult(readBundle(bytes));
      }),
      // Each case unzips and validates a whole bundle: half the usual count keeps the file near 5 s.
      { numRuns: Math.round(PROPERTY_RUNS / 2) },
    );
  });

  it('well-formed zips of arbitrary entries: a Result either way', () => {
    const name = fc.oneof(fc.constantFrom('report.json', 'manifest.json', 'requests.har', 'environment.json', 'report.md', '../evil', '/abs', 'a/../../b', 'C:\\x'), fc.string({ minLength: 1, maxLength: 20 }));
    const content = fc.oneof(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), fc.string({ maxLength: 200 }), fc.constant('{"schema":"api-doctor/report@1"}'));
    fc.assert(
      fc.property(fc.dictionary(name, content, { maxKeys: 6 }), (files) => {
        let zip: Uint8Array;
        try {
          zip = zipSync(Object.fromEntries(Object.entries(files).map(([n, c]) => [n, strToU8(c)])));
        } catch {
          return; // fflate refuses some names itself: not our input to judge
        }
        expectResult(readBundle(zip));
      }),
      { numRuns: Math.round(PROPERTY_RUNS / 2) },
    );
  });

  it('from a file: damaged bundles give a Result and no unhandled rejection', async () => {
    const rejections: unknown[] = [];
    const onRejection = (e: unknown) => rejections.push(e);
    process.on('unhandledRejection', onRejection);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }), async (ms) => {
          const file = path.join(dir, 'damaged.zip');
          writeFileSync(file, ms.reduce((z, m) => m(z), valid));
          expectResult(await readBundleFile(file));
        }),
        { numRuns: 200 },
      );
      expectResult(await readBundleFile(path.join(dir, 'missing.zip')));
      expectResult(await readBundleFile(dir));
      await new Promise((r) => setTimeout(r, 50));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
