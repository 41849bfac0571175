import { X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStores, storesAccept } from '../../../../src-main/engine/clients/stores.js';
import type { PythonFacts } from '../../../../src-main/engine/clients/python.js';
import { makeIntermediate, makeLeaf, makeRoot } from '../../../lab/certs.js';

const PY: PythonFacts = { python: 'python3', found: false, version: null, certifi: null, modules: { requests: false, httpx: false, socksio: false, socks: false, openai: false, anthropic: false }, httpxSocks5h: null, reason: 'python3 not found' };

describe('trust stores, really read', () => {
  it('a chain to a root in a CA file is accepted by that store, not by Node’s bundled list; unreadable stores are unknown', async () => {
    const root = await makeRoot('Example Corp Internal Root CA');
    const mid = await makeIntermediate(root, 'Example Corp Issuing CA');
    const leaf = await makeLeaf(mid, { names: ['api.example.com'] });
    const dir = mkdtempSync(path.join(tmpdir(), 'stores-'));
    const corp = path.join(dir, 'corp.pem');
    writeFileSync(corp, root.cert);
    const stores = await readStores({ env: { REQUESTS_CA_BUNDLE: corp, NODE_EXTRA_CA_CERTS: path.join(dir, 'missing.pem') }, systemCaCertificates: async () => null }, PY, { platform: 'linux' });
    const chain = [new X509Certificate(leaf.cert), new X509Certificate(mid.cert)];
    expect(storesAccept(chain, [stores.get(`file:${corp}`)])).toBe(true);
    expect(storesAccept(chain, [stores.get('node-bundled')])).toBe(false);
    expect(stores.get('node-extra')?.reason).toMatch(/cannot read .*missing\.pem: ENOENT/);
    expect(storesAccept(chain, [stores.get('node-extra')])).toBeNull();
    expect(stores.get('certifi')).toMatchObject({ anchors: null, reason: 'python3 not found' });
  });

  it('macOS from the CLI: the system keychains through `security find-certificate -a -p`', async () => {
    const root = await makeRoot('Example Corp Internal Root CA');
    const leaf = await makeLeaf(root, { names: ['api.example.com'] });
    const asked: string[][] = [];
    const exec = async (cmd: string, args: string[]) => {
      asked.push([cmd, ...args]);
      return root.cert;
    };
    const stores = await readStores({ env: {}, systemCaCertificates: async () => null }, PY, { platform: 'darwin', exec });
    expect(asked[0]?.slice(0, 4)).toEqual(['security', 'find-certificate', '-a', '-p']);
    expect(asked[0]).toContain('/Library/Keychains/System.keychain');
    expect(storesAccept([new X509Certificate(leaf.cert)], [stores.get('os')])).toBe(true);
    const win = await readStores({ env: {}, systemCaCertificates: async () => null }, PY, { platform: 'win32' });
    expect(win.get('os')).toMatchObject({ anchors: null });
    expect(win.get('os')?.reason).toMatch(/win32 trust store/);
  });
});
