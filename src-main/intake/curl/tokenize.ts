/**
 * Splits a pasted command line into words the way the shell it was written for would, without
 * running anything: no variable, command or glob expansion (a `$HOME` stays `$HOME`). Pure: no
 * Node API, so the renderer can show what it understood.
 *
 * Two flavours, picked by `detectFlavour`:
 * - `posix` (bash/zsh, and "Copy as cURL (bash)"): '…', "…", $'…' (ANSI-C), `\` escapes and
 *   `\`-newline continuations; an unquoted | ; & < > ends the command (`curl … | jq .`).
 * - `cmd` (Windows cmd.exe, "Copy as cURL (cmd)"): `^` escapes the next character outside
 *   quotes (`^"` is a literal quote, `^`-newline continues the line), then the program splits its
 *   command line as the Microsoft C runtime does (quotes, `\"`, backslash runs).
 */

import type { Flavour, Tokenized, VarLookup } from './tokenize-types.js';
import { tokenizeCmd } from './tokenize-cmd.js';
import { tokenizePosix } from './tokenize-posix.js';

export { ShellSyntaxError, type Flavour, type Tokenized, type VarLookup } from './tokenize-types.js';
export { splitMsvcrt } from './tokenize-cmd.js';

/** cmd when the text carries cmd's marks (`^"` opening a word, a line ending in `^`, curl.exe with no single quotes). */
export function detectFlavour(text: string): Flavour {
  // DevTools' cmd flavour opens every argument with ^" (the URL first). A bash command can hold
  // ' ^"' inside single quotes (-H 'a: ^"!'), so a ^" later in the line counts only when the text
  // has no single quote at all: cmd has no single quoting, bash's copies always use it.
  if (/^\s*(\S*[\\/])?curl(\.exe)?\s+\^"/i.test(text) || /\^[ \t]*\r?\n/.test(text)) return 'cmd';
  if (/(^|\s)\^"/.test(text) && !text.includes("'")) return 'cmd';
  if (/^\s*(\S*[\\/])?curl\.exe\b/i.test(text) && !text.includes("'") && !/\\\r?\n/.test(text)) return 'cmd';
  return 'posix';
}

export function tokenize(text: string, flavour: Flavour = detectFlavour(text), vars?: VarLookup): Tokenized {
  return flavour === 'cmd' ? tokenizeCmd(text) : tokenizePosix(text, vars);
}
