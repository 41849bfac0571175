import { describe, expect, it } from 'vitest';
import { followRedirects, REDIRECT_LIMIT } from '../../../../src-main/engine/http/redirects.js';
import type { ExchangeInput } from '../../../../src-main/engine/http/exchange.js';
import { getInput, net } from './fake-net.js';

const input = (url: string, over: Partial<ExchangeInput> = {}): ExchangeInput => getInput(url, { headers: [{ name: 'authorization', value: 'Bearer k' }, { name: 'accept', value: 'application/json' }], ...over });
const noProxy = async () => null;

describe('redirects', () => {
  it('follows relative Locations, keeps credentials on the same origin and drops them on another', async () => {
    const n = net({ 'https://a.test/1': { status: 301, location: '/2' }, 'https://a.test/2': { status: 302, location: 'https://b.test/3' } });
    const t = await followRedirects(input('https://a.test/1'), n.send, ['authorization'], noProxy);
    expect(t.hops.map((h) => h.url)).toEqual(['https://a.test/1', 'https://a.test/2', 'https://b.test/3']);
    expect(n.sent[1]!.headers.some((h) => h.name === 'authorization')).toBe(true);
    expect(n.sent[2]!.headers.some((h) => h.name === 'authorization')).toBe(false);
    expect(t.loop).toBeNull();
  });

  it('detects a cycle and the hop limit', async () => {
    const cyc = net({ 'http://a.test/x': { status: 302, location: '/y' }, 'http://a.test/y': { status: 302, location: '/x' } });
    expect((await followRedirects(input('http://a.test/x'), cyc.send, [], noProxy)).loop?.reason).toBe('cycle');
    const routes: Record<string, { status: number; location: string }> = {};
    for (let i = 0; i < 20; i++) routes[`http://a.test/${i}`] = { status: 307, location: `/${i + 1}` };
    const lim = net(routes);
    const t = await followRedirects(input('http://a.test/0'), lim.send, [], noProxy);
    expect(t.loop?.reason).toBe('limit');
    expect(lim.sent.length).toBe(REDIRECT_LIMIT);
  });

  it('notes an https → http downgrade and refuses non-http schemes', async () => {
    const d = net({ 'https://a.test/': { status: 301, location: 'http://a.test/' } });
    expect((await followRedirects(input('https://a.test/'), d.send, [], noProxy)).downgrade).toEqual({ from: 'https://a.test/', to: 'http://a.test/' });
    for (const loc of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi']) {
      const f = net({ 'https://a.test/': { status: 302, location: loc } });
      const t = await followRedirects(input('https://a.test/'), f.send, [], noProxy);
      expect(t.refused?.location).toBe(loc);
      expect(f.sent.length).toBe(1);
    }
  });

  it('303, and 301/302 after POST, become a GET without body; 307/308 keep method and body', async () => {
    const n = net({ 'https://a.test/p': { status: 303, location: '/q' }, 'https://a.test/r': { status: 307, location: '/s' } });
    await followRedirects(input('https://a.test/p', { method: 'POST', body: '{}', headers: [{ name: 'content-type', value: 'application/json' }] }), n.send, [], noProxy);
    expect(n.sent[1]).toMatchObject({ method: 'GET' });
    expect(n.sent[1]!.body).toBeUndefined();
    expect(n.sent[1]!.headers.some((h) => h.name === 'content-type')).toBe(false);
    const m = net({ 'https://a.test/r': { status: 307, location: '/s' } });
    await followRedirects(input('https://a.test/r', { method: 'POST', body: '{}' }), m.send, [], noProxy);
    expect(m.sent[1]).toMatchObject({ method: 'POST', body: '{}' });
  });
});
