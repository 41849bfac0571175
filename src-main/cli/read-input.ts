import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from './io.js';

/**
 * Reads a file named on the command line: a regular file of at most `maxBytes`, or a usage error.
 * The cap is on the bytes READ, not the size stat reports: procfs and sysfs files report 0 bytes
 * (`-d @/proc/kallsyms`) and a file can grow between stat and read.
 */
export function readInputFile(flag: string, file: string, maxBytes: number): string {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO does not hang the open (it is refused just below).
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new UsageError(`${flag}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`${flag}: ${file} is not a regular file`);
    if (st.size > maxBytes) throw new UsageError(`${flag}: ${file} is ${st.size} bytes, more than the ${maxBytes} this option accepts`);
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.alloc(64 * 1024);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new UsageError(`${flag}: ${file} has more than the ${maxBytes} bytes this option accepts`);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${flag}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
}

/** A CA file must hold at least one PEM certificate; anything else (a DER file, a key, a typo'd path to a config) is a usage error. */
export function assertPemCertificates(flag: string, file: string, text: string): void {
  if (!/-----BEGIN (TRUSTED )?CERTIFICATE-----[\s\S]+?-----END (TRUSTED )?CERTIFICATE-----/.test(text)) {
    throw new UsageError(`${flag}: ${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----); convert a DER file with: openssl x509 -inform der -in ${file} -out ca.pem`);
  }
}
