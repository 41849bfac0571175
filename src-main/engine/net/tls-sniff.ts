import type net from 'node:net';
import { Duplex } from 'node:stream';

/** The server's unencrypted handshake fits in this; past it we stop looking (and only pass bytes on). */
const SNIFF_CAP = 64 * 1024;
const HANDSHAKE = 22;
const CERTIFICATE_REQUEST = 13;

/**
 * A socket that passes everything through to TLS and reads the server's cleartext handshake on
 * the way: in TLS 1.2 a CertificateRequest travels in the clear, and it is the only way to tell
 * "handshake_failure because you sent no client certificate" from any other handshake failure
 * (OpenSSL's alert is the same 40 for both). TLS 1.3 encrypts it but says so with alert 116.
 */
export class HandshakeSniffer extends Duplex {
  #raw: net.Socket;
  #buf = Buffer.alloc(0);
  #hs = Buffer.alloc(0);
  #seen = 0;
  #done = false;
  certificateRequested = false;

  constructor(raw: net.Socket) {
    super();
    this.#raw = raw;
    raw.on('data', (d: Buffer) => {
      this.#inspect(d);
      if (!this.push(d)) raw.pause();
    });
    raw.once('end', () => this.push(null));
    raw.once('error', (e) => this.destroy(e));
    raw.once('close', () => this.destroy());
  }

  override _read(): void {
    this.#raw.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.#raw.write(chunk, cb);
  }

  override _final(cb: (e?: Error | null) => void): void {
    this.#raw.end(() => cb());
  }

  override _destroy(err: Error | null, cb: (e: Error | null) => void): void {
    this.#raw.destroy();
    cb(err);
  }

  #inspect(d: Buffer): void {
    if (this.#done) return;
    this.#seen += d.length;
    if (this.#seen > SNIFF_CAP) {
      this.#done = true;
      return;
    }
    this.#buf = Buffer.concat([this.#buf, d]);
    // TLS records: type (1), version (2), length (2), payload.
    while (this.#buf.length >= 5) {
      const len = this.#buf.readUInt16BE(3);
      if (this.#buf.length < 5 + len) return;
      const type = this.#buf[0];
      const payload = this.#buf.subarray(5, 5 + len);
      this.#buf = this.#buf.subarray(5 + len);
      // Anything but a cleartext handshake record (ChangeCipherSpec, encrypted data, an alert) ends what we can read.
      if (type !== HANDSHAKE) {
        this.#done = true;
        return;
      }
      this.#hs = Buffer.concat([this.#hs, payload]);
      // Handshake messages: type (1), length (3), body; one may span records.
      while (this.#hs.length >= 4) {
        const mlen = this.#hs.readUIntBE(1, 3);
        if (this.#hs.length < 4 + mlen) break;
        if (this.#hs[0] === CERTIFICATE_REQUEST) this.certificateRequested = true;
        this.#hs = this.#hs.subarray(4 + mlen);
      }
    }
  }
}
