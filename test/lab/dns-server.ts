import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket from 'dns-packet';

/** How the lab resolver answers one name. */
export type DnsBehaviour = { A?: string[]; AAAA?: string[] } | 'nxdomain' | 'servfail' | 'refused' | 'silent';

export interface LabDns {
  host: string;
  port: number;
  /** "127.0.0.1:5353": the form --dns-server takes. */
  server: string;
  /** Every question asked, "A name" (for tests that must prove a resolver was or was not asked). */
  asked: string[];
  close(): Promise<void>;
}

/**
 * A DNS server over UDP and TCP on one port, answering from `zone` (names lower-case, without the
 * trailing dot). Names it does not know are NXDOMAIN; a known name without the asked type is
 * NOERROR with no answers (NODATA).
 */
export async function startDnsServer(zone: Record<string, DnsBehaviour>, host = '127.0.0.1'): Promise<LabDns> {
  const asked: string[] = [];
  const answer = (msg: Buffer): Buffer | null => {
    let q: dnsPacket.Packet;
    try {
      q = dnsPacket.decode(msg);
    } catch {
      return null;
    }
    const question = q.questions?.[0];
    if (!question) return null;
    const name = question.name.toLowerCase().replace(/\.$/, '');
    asked.push(`${question.type} ${name}`);
    const b = Object.hasOwn(zone, name) ? zone[name]! : 'nxdomain';
    if (b === 'silent') return null;
    const rcode = b === 'nxdomain' ? 'NXDOMAIN' : b === 'servfail' ? 'SERVFAIL' : b === 'refused' ? 'REFUSED' : 'NOERROR';
    const records = typeof b === 'object' && (question.type === 'A' || question.type === 'AAAA') ? (b[question.type] ?? []) : [];
    return dnsPacket.encode({
      id: q.id,
      type: 'response',
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | rcodeFlag(rcode),
      questions: [question],
      answers: records.map((data) => ({ type: question.type as 'A' | 'AAAA', name: question.name, ttl: 60, class: 'IN' as const, data })),
    });
  };

  const udp = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
  udp.on('message', (msg, rinfo) => {
    const out = answer(msg);
    if (out) udp.send(out, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(0, host, () => resolve());
  });
  const port = udp.address().port;
  // TCP on the same port (truncated answers and resolvers configured for TCP); best effort.
  const sockets = new Set<net.Socket>();
  const tcp = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    let buf = Buffer.alloc(0);
    s.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        const len = buf.readUInt16BE(0);
        const out = answer(buf.subarray(2, 2 + len));
        buf = buf.subarray(2 + len);
        if (out) s.write(Buffer.concat([Buffer.from([out.length >> 8, out.length & 0xff]), out]));
      }
    });
  });
  await new Promise<void>((resolve) => {
    tcp.once('error', () => resolve());
    tcp.listen(port, host, () => resolve());
  });
  return {
    host,
    port,
    server: net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`,
    asked,
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([new Promise<void>((r) => udp.close(() => r())), new Promise<void>((r) => (tcp.listening ? tcp.close(() => r()) : r()))]);
    },
  };
}

function rcodeFlag(rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED'): number {
  return { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 }[rcode];
}
