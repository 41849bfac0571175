import type { CliIo } from './io.js';

/**
 * The one sanitiser for everything the CLI prints. Text it prints comes from strangers too (a
 * server's error body, a bundle made elsewhere): no control character may reach the terminal
 * except line feed, tab and our own colour codes (SGR, `ESC [ n;n m`, which cannot move the
 * cursor, set a title or plant a link). CR, ESC of any other sequence, OSC 0/8, C1 controls
 * (U+0080–U+009F, 8-bit CSI/OSC) and bidi overrides are removed.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export const terminalSafe = (text: string): string => text.replace(UNSAFE, (m) => (m.length > 1 ? m : ''));

/** The same io, with stdout and stderr going through terminalSafe. */
export function terminalSafeIo(io: CliIo): CliIo {
  const wrap = (w: CliIo['stdout']): CliIo['stdout'] => ({
    write: (s: string) => w.write(typeof s === 'string' ? terminalSafe(s) : s),
    ...(w.isTTY !== undefined ? { isTTY: w.isTTY } : {}),
  });
  return { ...io, stdout: wrap(io.stdout), stderr: wrap(io.stderr) };
}
