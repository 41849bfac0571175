import net from 'node:net';
import type { ProbeText } from '../../report/text/probe-texts.js';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { classifyNetworkError, type ClassifiedError } from '../classify.js';
import { PROBE_IDS, type TlsData } from '../probe-data.js';
import type { Probe, ProbeContext } from '../probe.js';
import { peerChain, type CertInfo } from '../net/cert-chain.js';
import { peekPlaintext } from '../net/peek.js';
import { openTunnel } from '../net/proxy-tunnel.js';
import { isSocksUrl, openSocksTunnel } from '../net/socks-tunnel.js';
import { resolveHost } from '../http/connector.js';
import { HandshakeSniffer } from '../net/tls-sniff.js';
import { connectTcp, timeoutError } from '../net/tcp-connect.js';
import { secureContextFor, trustedCAs } from '../net/trust.js';
import { judgeRunTrust, type JudgedTrust } from './tls-trust.js';
import { targetHost, targetPort } from '../net/address.js';
import { elapsedMs } from '../elapsed.js';

/**
 * 'node': the judged client's store (--client, default curl; + --ca-file) trusts the chain (the name
 * is from when the engine judged with Node's store only); 'os-only': only the OS store does; 'none': neither.
 */
export type TrustVerdict = 'node' | 'os-only' | 'none';

export interface TlsProbeData extends TlsData, Partial<Omit<JudgedTrust, 'trust' | 'osStore'>> {
  host: string;
  address: string | null;
  servername: string | null;
  viaProxy: boolean;
  handshakeMs: number | null;
  cipher: string | null;
  chain: CertInfo[];
  authorizationError: string | null;
  trust: TrustVerdict | null;
  /** Where the OS store came from, when it was consulted. */
  osStore: string | null;
  /** When the names check failed: Node's message. */
  hostnameError: string | null;
  /** Clock used for the date checks (ISO), so "not yet valid" can be blamed on it. */
  now: string;
  caFile: string | null;
  error?: ClassifiedError;
  /** When the port is not speaking TLS: the first bytes it answered. */
  firstBytes?: string | null;
  /** The presented chain as PEM, for the client matrix's trust stores (never in the report). */
  chainPem?: string[];
}

const ALPN = ['h2', 'http/1.1'];
/** Peeking at a non-TLS port is a courtesy for the message: it gets a small slice of the budget. */
const PEEK_CAP_MS = 2_000;

export const tlsProbe: Probe<TlsProbeData> = {
  id: PROBE_IDS.tls,
  stage: 'tls',
  dependsOn: [PROBE_IDS.tcp],
  notApplicable: (_req, target) => (target.protocol === 'http:' ? { code: 'tls.notApplicable' } : null),
  async run(ctx) {
    const host = targetHost(ctx.target);
    const port = targetPort(ctx.target);
    // SNI carries names only (RFC 6066): none for an IP literal.
    const servername = net.isIP(host) ? null : host;
    const proxy = ctx.result(PROBE_IDS.proxy);
    const viaProxy = proxy?.status === 'ok' && proxy.data.proxyUrl !== null && proxy.data.connect?.ok === true;
    const tcp = ctx.result(PROBE_IDS.tcp);
    const address = viaProxy ? null : tcp?.status === 'ok' ? (tcp.data.connected[0]?.address ?? null) : null;
    const base: TlsProbeData = {
      host, address, servername, viaProxy, authorized: false, alpn: null, protocol: null, handshakeMs: null, cipher: null, chain: [],
      authorizationError: null, trust: null, osStore: null, hostnameError: null, now: new Date(ctx.platform.now()).toISOString(), caFile: ctx.request.caFile ?? null,
    };
    let ca: string[] | undefined;
    try {
      ca = await trustedCAs(ctx.request);
    } catch (e) {
      return { status: 'failed', data: base, reason: { code: 'tls.caFileUnreadable', values: { error: e instanceof Error ? e.message : String(e) } } };
    }

    const raw = await rawSocket(ctx, viaProxy ? proxy!.data.proxyUrl! : null, address, host, port, ca);
    if ('error' in raw) {
      const error = classifyNetworkError(raw.error, 'tcp');
      return { status: 'failed', data: { ...base, error }, reason: { code: 'tls.reconnectFailed', values: { error: error.message } } };
    }
    const sniffer = new HandshakeSniffer(raw.socket);
    const hs = await handshake(sniffer, servername, ca, ctx.signal);
    if (!hs.ok) {
      let error = classifyNetworkError(hs.error, 'tls');
      // TLS 1.2 says "handshake failure" whatever the reason: the CertificateRequest we saw names it.
      if (sniffer.certificateRequested && error.code === 'TLS_PROTOCOL_ERROR') error = { ...error, code: 'TLS_CLIENT_CERT_REQUIRED' };
      let firstBytes: string | null | undefined;
      if (error.code === 'TLS_NOT_TLS' && address !== null) firstBytes = await peekPlaintext(address, port, host, ctx.signal, Math.min(PEEK_CAP_MS, ctx.budgetMs));
      return { status: 'failed', data: { ...base, handshakeMs: hs.ms, error, ...(firstBytes !== undefined ? { firstBytes } : {}) }, reason: { code: 'tls.handshakeFailed', values: { error: error.errno ?? error.message } } };
    }
    const s = hs.socket;
    const { info: chain, x509 } = peerChain(s.getPeerCertificate(true));
    const authorizationError = s.authorizationError ? String(s.authorizationError) : null;
    const cipher = s.getCipher()?.name ?? null;
    const data: TlsProbeData = {
      ...base,
      authorized: s.authorized,
      alpn: typeof s.alpnProtocol === 'string' ? s.alpnProtocol : null,
      protocol: s.getProtocol(),
      cipher,
      handshakeMs: hs.ms,
      chain,
      authorizationError,
      chainPem: x509.map((x) => x.toString()),
    };
    const leaf = s.getPeerCertificate();
    s.destroy();
    sniffer.destroy();
    const idErr = leaf && Object.keys(leaf).length > 0 ? tls.checkServerIdentity(host, leaf) : undefined;
    data.hostnameError = idErr ? idErr.message : null;

    // Trust, judged apart from dates and names so each problem gets its own finding, with the
    // stores of the client the run diagnoses as (--client, default curl): run-trust.ts.
    const verdict = await judgeRunTrust(ctx, x509, ca, s.authorized || authorizationError === 'ERR_TLS_CERT_ALTNAME_INVALID');
    Object.assign(data, verdict);
    const leafInfo = chain[0];
    const nowMs = ctx.platform.now();
    const datesOk = leafInfo ? Date.parse(leafInfo.validFrom) <= nowMs && nowMs <= Date.parse(leafInfo.validTo) : false;
    // The judged client accepts what Node's own store refused (curl and a CA only the OS store has):
    // the run goes on as that client would, its anchors added to the run's requests.
    data.authorized = verdict.trust === 'node' && (s.authorized || (datesOk && data.hostnameError === null));
    if (!data.authorized || s.authorized) data.addedAnchors = [];
    const summary: ProbeText = { code: 'tls.summary', values: { protocol: data.protocol, cipher: cipher ?? null, alpn: data.alpn, subject: chain[0]?.subject ?? null, issuer: chain[0]?.issuer ?? null } };
    // A certificate the judged client would reject stops the run here: no request (and never a secret) goes over it.
    if (!data.authorized) {
      const reason: ProbeText = s.authorized ? { code: 'tls.notAcceptedBy', values: { client: verdict.judged.client, store: verdict.judged.store } } : { code: 'tls.notAccepted', values: { error: authorizationError ?? null } };
      return { status: 'failed', data, reason, summary, timing: { tlsMs: hs.ms } };
    }
    return { status: 'ok', data, summary, timing: { tlsMs: hs.ms } };
  },
};

async function rawSocket(ctx: ProbeContext, proxyUrl: string | null, address: string | null, host: string, port: number, ca: string[] | undefined): Promise<{ socket: net.Socket } | { error: unknown }> {
  if (proxyUrl !== null && isSocksUrl(proxyUrl)) {
    const t = await openSocksTunnel(proxyUrl, host, port, ctx.signal, (h) => resolveHost(h, port, { pins: ctx.request.resolve, dnsServers: ctx.request.dnsServers, timeoutMs: ctx.budgetMs }));
    return t.ok ? { socket: t.socket } : { error: t.error };
  }
  if (proxyUrl !== null) {
    const t = await openTunnel(proxyUrl, host, port, ctx.signal, ca);
    return t.ok ? { socket: t.socket } : { error: t.error ?? new Error(`proxy answered ${t.answer?.status ?? '?'}`) };
  }
  if (address === null) return { error: new Error('no address connected in the tcp stage') };
  const r = await connectTcp(address, port, ctx.signal);
  return r.ok ? { socket: r.socket } : { error: r.error };
}

export function handshake(socket: Duplex, servername: string | null, ca: string[] | undefined, signal: AbortSignal): Promise<{ ok: true; socket: tls.TLSSocket; ms: number } | { ok: false; error: unknown; ms: number }> {
  const secureContext = ca ? secureContextFor(ca) : undefined;
  const t0 = performance.now();
  const ms = () => elapsedMs(t0);
  return new Promise((resolve) => {
    // Verification is ours to judge: complete the handshake whatever the certificate says, then look.
    const s = tls.connect({ socket, ...(servername ? { servername } : {}), ALPNProtocols: ALPN, rejectUnauthorized: false, ...(secureContext ? { secureContext } : {}) });
    let done = false;
    const finish = (r: { ok: true; socket: tls.TLSSocket; ms: number } | { ok: false; error: unknown; ms: number }) => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', onAbort);
      if (!r.ok) {
        s.destroy();
        socket.destroy();
      }
      resolve(r);
    };
    const onAbort = () => finish({ ok: false, error: timeoutError(signal), ms: ms() });
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    s.on('error', (error) => finish({ ok: false, error, ms: ms() }));
    s.once('close', () => finish({ ok: false, error: Object.assign(new Error('the server closed the connection during the handshake'), { code: 'ECONNRESET' }), ms: ms() }));
    s.once('secureConnect', () => finish({ ok: true, socket: s, ms: ms() }));
  });
}
