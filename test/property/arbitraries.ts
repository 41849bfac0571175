import fc from 'fast-check';

/**
 * Cases per property. Thousands per run keeps each file near 5 s on a 2-core machine;
 * `PROPERTY_RUNS=50000 npx vitest run test/property` digs deeper when hunting a bug.
 */
export const PROPERTY_RUNS = Number(process.env.PROPERTY_RUNS ?? 2000);

/**
 * CI replays one fixed seed, so a red build is reproducible and never a coin toss; anywhere
 * else every run explores new cases. `PROPERTY_SEED=<n>` replays a failure fast-check reported.
 */
const seed = process.env.PROPERTY_SEED ?? (process.env.CI ? '20261123' : undefined);
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(seed) });

/** Characters that break parsers: controls, quotes, separators, non-ASCII, lone surrogates. */
const nasty = fc.constantFrom(
  '\r', '\n', '\0', '\t', '\x7f', '\x1b', '\u2028', '\ufeff', '\ud800', '"', "'", '\\', ',', ';', '=', ':', '/', '[', ']', '@', '%', '%00', '%0d%0a',
  ' ', '  ', '中', '🔑', 'é', '-', '--', '.', '*',
);

/** Strings a hostile or careless user or server might produce. */
export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.array(fc.oneof(nasty, fc.string({ maxLength: 6 })), { maxLength: 12 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
);

/** A byte string (latin1), as header values arrive off the wire. */
export const wireString = fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1'));
