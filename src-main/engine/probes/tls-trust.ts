import type { X509Certificate } from 'node:crypto';
import type { ClientId } from '../../common/clients.js';
import { chainReaches, parsePems } from '../net/cert-chain.js';
import type { ProbeContext } from '../probe.js';
import { clientTrust, isNodeStore, JUDGED_DEFAULT } from '../clients/run-trust.js';
import { anchorsFor, readOsStore } from '../clients/stores.js';
import type { TrustVerdict } from './tls.js';

/** What the TLS probe records about trust, judged for the client the run diagnoses as. */
export interface JudgedTrust {
  trust: TrustVerdict;
  /** Where the OS store came from, when it was consulted. */
  osStore: string | null;
  /** Whose stores the verdict used; `fallback` says why Node's store stood in (the client's could not be read). */
  judged: { client: ClientId; store: string; fallback: string | null };
  /** The client's own stores refuse the chain; only --ca-file (which the clients do not have) made it trusted. */
  caFileOnly: boolean;
  /** The judged client trusts the chain, Node's store (with NODE_EXTRA_CA_CERTS) does not, the OS store does: Node SDKs fail. */
  nodeOsOnly: boolean;
  /** The judged client's anchors Node's handshake lacked, added to the run's requests (never in the report). */
  addedAnchors: string[];
}

const storeName = (keys: readonly string[]): string => keys.map((k) => k.replace(/^file:/, '')).join(' + ');

/**
 * Trust for the client named by --client (default curl): its own stores (run-trust.ts), plus
 * --ca-file, which the run was told to trust. `nodeOk`: Node's handshake (its store + --ca-file)
 * verified the chain. Never throws.
 */
export async function judgeRunTrust(ctx: Pick<ProbeContext, 'request' | 'platform'>, chain: X509Certificate[], ca: string[] | undefined, nodeOk: boolean): Promise<JudgedTrust> {
  const client = ctx.request.client ?? JUDGED_DEFAULT;
  // trustedCAs puts --ca-file last.
  const caFile = ctx.request.caFile && ca ? parsePems([ca.at(-1)!]) : [];
  const caFileOk = caFile.length > 0 && chainReaches(chain, caFile);
  const own = await clientTrust(client, chain, ctx.platform);
  const nodeStore = isNodeStore(own.stores);
  let fallback: string | null = null;
  let accepted = own.accepts === true || caFileOk;
  if (own.accepts === null) {
    // The client's store could not be read (python3 missing, a CA file unreadable): Node's stands in, and the report says so.
    fallback = own.reason;
    accepted = nodeOk || (await clientTrust('node', chain, ctx.platform)).accepts === true || caFileOk;
  }
  let osStore: string | null = null;
  let osAccepts: boolean | null = own.stores.length === 1 && own.stores[0] === 'os' ? own.accepts : null;
  const osVerdict = async (): Promise<boolean | null> => {
    const os = await readOsStore(ctx.platform).catch(() => null);
    osStore = os?.source ?? null;
    const a = anchorsFor(chain, os ?? undefined);
    return a === null ? null : a.length > 0;
  };
  let nodeOsOnly = false;
  if (accepted && !nodeStore && !nodeOk) {
    // Node would refuse what this client accepts: a CA only the OS store (or the client's file) has.
    const node = await clientTrust('node', chain, ctx.platform);
    if (node.accepts === false) nodeOsOnly = (osAccepts ??= await osVerdict()) === true;
  }
  if (!accepted && osAccepts === null) osAccepts = await osVerdict();
  // The findings name the OS store: read its source when one will (the common path reads nothing more).
  if (osStore === null && ((!accepted && osAccepts === true) || nodeOsOnly)) osStore = (await readOsStore(ctx.platform).catch(() => null))?.source ?? null;
  return {
    trust: accepted ? 'node' : osAccepts === true ? 'os-only' : 'none',
    osStore,
    judged: { client, store: storeName(own.stores), fallback },
    caFileOnly: own.accepts === false && caFileOk,
    nodeOsOnly,
    addedAnchors: accepted && !nodeOk ? own.anchors : [],
  };
}
