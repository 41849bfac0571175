/** What the tokenizers (tokenize.ts) return and throw. */

export type Flavour = 'posix' | 'cmd';

export interface Tokenized {
  words: string[];
  flavour: Flavour;
  /** What came after a pipe, `;`, `&&` or a redirection: not part of the curl call. */
  rest: string | null;
  /** `$NAME` references left as written because `vars` did not know them (or no `vars` was given). */
  unset: string[];
}

/** Looks up a shell variable (`$OPENAI_API_KEY` in a command copied from the docs); undefined when unset. */
export type VarLookup = (name: string) => string | undefined;

export class ShellSyntaxError extends Error {
  override name = 'ShellSyntaxError';
}
