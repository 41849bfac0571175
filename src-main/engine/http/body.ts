import zlib from 'node:zlib';
import { TextDecoder } from 'node:util';

/** What we keep of a body: enough for any API answer or error page, bounded against huge or endless ones. */
export const BODY_CAP = 1024 * 1024;
/** Past this many bytes on the wire we stop reading: a diagnosis needs no more, and download time is measured by then. */
export const WIRE_CAP = 8 * 1024 * 1024;

export interface CapturedBody {
  text: string;
  /** Bytes received on the wire (compressed, if it was). */
  wireBytes: number;
  /** Decoded bytes kept (≤ BODY_CAP). */
  keptBytes: number;
  /** The body was longer than what we kept, or we stopped reading it. */
  truncated: boolean;
  /** The content-encoding could not be decoded (corrupt or unknown); `text` is what was decoded before. */
  decodeError: string | null;
}

function decompressorFor(encoding: string | null): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const e = (encoding ?? '').trim().toLowerCase();
  // SYNC_FLUSH at the end: a body we cut short still yields what it holds instead of an error.
  if (e === 'gzip' || e === 'x-gzip') return zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
  if (e === 'deflate') return zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
  if (e === 'br') return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
  return null;
}

function textDecoder(charset: string | null): TextDecoder {
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

export const charsetOf = (contentType: string | null): string | null => /charset="?([^";\s]+)/i.exec(contentType ?? '')?.[1] ?? null;

/**
 * Collects a response body chunk by chunk: decompresses it (gzip, deflate, br) with the
 * decoded size capped, so neither a huge body nor a compression bomb can exhaust memory.
 * `onText` sees decoded text as it arrives (for SSE) and may return 'stop'.
 */
export class BodyCapture {
  readonly #parts: Buffer[] = [];
  #kept = 0;
  #wire = 0;
  #truncated = false;
  #decodeError: string | null = null;
  #stopped = false;
  readonly #z: ReturnType<typeof decompressorFor>;
  readonly #stream: TextDecoder;
  readonly #charset: string | null;

  constructor(
    encoding: string | null,
    contentType: string | null,
    private readonly onText?: (text: string) => 'stop' | void,
    private readonly cap = BODY_CAP,
  ) {
    this.#charset = charsetOf(contentType);
    this.#stream = textDecoder(this.#charset);
    const e = (encoding ?? '').trim().toLowerCase();
    this.#z = decompressorFor(encoding);
    if (!this.#z && e !== '' && e !== 'identity') this.#decodeError = `unknown content-encoding "${e}"`;
    this.#z?.on('data', (b: Buffer) => this.#decoded(b));
    this.#z?.on('error', (err: Error) => {
      this.#decodeError = err.message;
    });
  }

  #decoded(buf: Buffer): void {
    if (this.onText && !this.#stopped && this.onText(this.#stream.decode(buf, { stream: true })) === 'stop') this.#stopped = true;
    const room = this.cap - this.#kept;
    if (room <= 0) {
      this.#truncated = true;
    } else {
      const take = buf.length > room ? buf.subarray(0, room) : buf;
      this.#parts.push(Buffer.from(take));
      this.#kept += take.length;
      if (take.length < buf.length) this.#truncated = true;
    }
    // Past the cap, decompressing further is wasted work (and a bomb's whole point): stop.
    if (this.#truncated && !this.onText) this.#z?.destroy();
  }

  /** Feeds one wire chunk; false means "stop reading" (cap, wire limit, or the text consumer is done). */
  push(chunk: Buffer): boolean {
    this.#wire += chunk.length;
    if (this.#z) {
      if (!this.#z.destroyed) this.#z.write(chunk);
    } else this.#decoded(chunk);
    if (this.#stopped) return false;
    if (this.#wire > WIRE_CAP || (this.#truncated && !this.onText)) {
      this.#truncated = true;
      return false;
    }
    return true;
  }

  async end(): Promise<CapturedBody> {
    const z = this.#z;
    if (z && !z.destroyed) {
      await new Promise<void>((resolve) => {
        z.once('end', resolve);
        z.once('close', resolve);
        z.once('error', () => resolve());
        z.end();
      });
    }
    return {
      text: textDecoder(this.#charset).decode(Buffer.concat(this.#parts)),
      wireBytes: this.#wire,
      keptBytes: this.#kept,
      truncated: this.#truncated,
      decodeError: this.#decodeError,
    };
  }
}
