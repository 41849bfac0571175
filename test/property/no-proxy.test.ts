import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeProxyUrl, noProxyMatch, proxyFromEnv, proxyFromPac, isLocalTarget, isLoopbackHost } from '../../src-main/engine/net/proxy-env.js';
import { hostileString, PROPERTY_RUNS } from './arbitraries.js';

// NO_PROXY and proxy variables come from the user's environment, written by hand, copied from
// wikis, sometimes for another tool: the matcher must never throw and must follow curl's rules.

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
// The last label is alphabetic: a numeric one would make the URL parser read an IPv4 address.
// "xn--…" labels are punycode, and most random ones do not decode: the URL parser rejects them.
const domain = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/))
  .map(([l, tld]) => [...l, tld].join('.'))
  .filter((d) => URL.canParse(`http://${d}/`));
const port = fc.integer({ min: 1, max: 65535 });
const ipv4 = fc.ipV4();
const target = fc.oneof(
  fc.tuple(fc.constantFrom('http', 'https'), domain, fc.option(port)).map(([s, h, p]) => new URL(`${s}://${h}${p ? `:${p}` : ''}/v1`)),
  fc.tuple(fc.constantFrom('http', 'https'), ipv4).map(([s, h]) => new URL(`${s}://${h}/`)),
  fc.tuple(fc.constantFrom('http', 'https'), fc.ipV6()).map(([s, h]) => new URL(`${s}://[${h}]/`)),
  fc.webUrl().map((u) => new URL(u)),
);
const entry = fc.oneof(hostileString, domain, domain.map((d) => '.' + d), ipv4, ipv4.map((a) => `${a}/${a.length % 33}`), fc.constant('*'));
const entries = fc.tuple(fc.array(entry, { maxLength: 6 }), fc.constantFrom(',', ', ', ' ', ',,')).map(([a, sep]) => a.join(sep));
const effectivePort = (u: URL) => (u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80);

describe('NO_PROXY matching (property)', () => {
  it('never throws, and a match is always one of the entries given', () => {
    fc.assert(
      fc.property(entries, target, (noProxy, url) => {
        const m = noProxyMatch(noProxy, url);
        if (m !== null) expect(noProxy.split(/[,\s]+/).map((e) => e.trim())).toContain(m);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('a list matches exactly when one of its entries alone matches (order and company do not matter)', () => {
    const single = fc.oneof(domain, domain.map((d) => '.' + d), ipv4, fc.tuple(domain, port).map(([d, p]) => `${d}:${p}`), fc.stringMatching(/^[^,\s]{0,12}$/));
    fc.assert(
      fc.property(fc.array(single, { minLength: 1, maxLength: 5 }), target, (list, url) => {
        const any = list.some((e) => noProxyMatch(e, url) !== null);
        expect(noProxyMatch(list.join(','), url) !== null).toBe(any);
        expect(noProxyMatch([...list].reverse().join(' '), url) !== null).toBe(any);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('a name covers itself and its subdomains, with or without a leading dot, but not a longer label', () => {
    fc.assert(
      fc.property(domain, label, fc.constantFrom('http', 'https'), (d, sub, scheme) => {
        for (const e of [d, '.' + d, d.toUpperCase(), `*.${d}`]) {
          expect(noProxyMatch(e, new URL(`${scheme}://${d}/`))).not.toBeNull();
          expect(noProxyMatch(e, new URL(`${scheme}://${sub}.${d}/`))).not.toBeNull();
        }
        // "evilexample.com" is not under "example.com".
        expect(noProxyMatch(d, new URL(`${scheme}://${sub}${d}/`))).toBeNull();
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('name:port applies to that port only; * applies to everything', () => {
    fc.assert(
      fc.property(domain, port, target, (d, p, other) => {
        const url = new URL(`https://${d}:${p}/`);
        expect(noProxyMatch(`${d}:${p}`, url)).not.toBeNull();
        const q = p === 65535 ? 1 : p + 1;
        expect(noProxyMatch(`${d}:${q}`, url) === null).toBe(effectivePort(url) !== q);
        expect(noProxyMatch('*', other)).toBe('*');
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('an IPv4 CIDR block contains every address of its range and nothing outside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 0xffffffff }), (addr, bits, probe) => {
        const ip = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
        const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
        const inside = ((probe & mask) >>> 0) === ((addr & mask) >>> 0);
        expect(noProxyMatch(`${ip(addr)}/${bits}`, new URL(`http://${ip(probe)}/`)) !== null).toBe(inside);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});

describe('proxy variables and PAC answers (property)', () => {
  it('proxyFromEnv never throws and never chooses a proxy that NO_PROXY exempts', () => {
    const envArb = fc.record(
      {
        https_proxy: hostileString,
        HTTPS_PROXY: hostileString,
        http_proxy: hostileString,
        all_proxy: hostileString,
        no_proxy: entries,
        NO_PROXY: entries,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(envArb, target, (env, url) => {
        const c = proxyFromEnv(env, url);
        const noProxy = c.noProxy;
        if (noProxy !== null && noProxyMatch(noProxy, url) !== null) expect(c.proxyUrl).toBeNull();
        if (c.proxyUrl !== null) expect(c.proxyUrl).toMatch(/^[a-z][a-z0-9+.-]*:\/\//i);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('PAC answers, proxy URLs and host classifiers take any string', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const p = proxyFromPac(s);
        if (p !== null) expect(p).toMatch(/^(http|https|socks4|socks5):\/\/\S+$/);
        expect(normalizeProxyUrl(s)).toMatch(/^[a-z][a-z0-9+.-]*:\/\//i);
        expect(typeof isLocalTarget(s)).toBe('boolean');
        expect(typeof isLoopbackHost(s)).toBe('boolean');
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
