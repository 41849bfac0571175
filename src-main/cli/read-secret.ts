import { MAX_SECRET_LENGTH } from '../credentials/schema.js';
import { UsageError, type CliIo } from './io.js';

type TtyIn = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/**
 * The secret of `credentials add`: piped on stdin, or typed at a prompt that echoes nothing.
 * Never from argv (other users see it in `ps`, shells keep it in history).
 */
export async function readSecret(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin as TtyIn | undefined;
  if (!stdin) throw new UsageError('no secret given: pipe it on stdin, e.g. printf %s "$KEY" | api-doctor credentials add NAME');
  const setRawMode = stdin.setRawMode?.bind(stdin);
  const raw = stdin.isTTY && setRawMode ? await promptHidden(stdin, setRawMode, io, prompt) : await readAll(stdin);
  // One trailing newline is how echo and files end; anything else is part of the value (and validated later).
  return raw.replace(/\r?\n$/, '');
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > MAX_SECRET_LENGTH + 2) throw new UsageError(`the secret on stdin is longer than ${MAX_SECRET_LENGTH} bytes: is this the right input?`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function promptHidden(stdin: TtyIn, setRawMode: (raw: boolean) => unknown, io: CliIo, prompt: string): Promise<string> {
  io.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (fn: () => void) => {
      setRawMode(false);
      stdin.removeListener('data', onData);
      stdin.pause();
      io.stderr.write('\n');
      fn();
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done(() => resolve(value));
        if (ch === '\u0003') return done(() => reject(new UsageError('cancelled')));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (value.length < MAX_SECRET_LENGTH) value += ch;
      }
    };
    setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
