import { readFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURES = path.resolve('test/fixtures/curl');

/** A pasted-command fixture from test/fixtures/curl without its `# Source:` line. */
export const fixture = (name: string): string =>
  readFileSync(path.join(FIXTURES, name), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('# '))
    .join('\n');
