import { afterAll, beforeAll } from 'vitest';
import { makeLabPki, startTlsServer, type LabPki, type TlsFault } from './tls-servers.js';
import type { LabServer } from './net-servers.js';

/**
 * A test file's TLS lab: one PKI made before its tests, a server per fault started on demand, all
 * closed after the file (with any other server given to `keep`). Call at the top level of a test file.
 */
type TlsServer = Awaited<ReturnType<typeof startTlsServer>>;

export function useTlsLab(): { readonly pki: LabPki; start: (fault: TlsFault) => Promise<TlsServer>; keep: <S extends LabServer>(s: S) => S } {
  let pki: LabPki | undefined;
  const servers: LabServer[] = [];
  beforeAll(async () => {
    pki = await makeLabPki();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });
  return {
    get pki() {
      if (!pki) throw new Error('useTlsLab: the PKI is made in beforeAll; use it inside a test');
      return pki;
    },
    async start(fault) {
      const s = await startTlsServer(this.pki, fault);
      servers.push(s);
      return s;
    },
    /** Another server of the file's, closed with the others. */
    keep(s) {
      servers.push(s);
      return s;
    },
  };
}
