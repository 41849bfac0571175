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

/** cmd when the text carries cmd's marks (`^"`, a line ending in `^`, curl.exe with no single quotes). */
export function detectFlavour(text: string): Flavour {
  // DevTools' cmd flavour opens every argument with ^" ; a bash command can hold ^" inside quotes, never at a word's start.
  if (/(^|\s)\^"/.test(text) || /\^[ \t]*\r?\n/.test(text)) return 'cmd';
  if (/^\s*(\S*[\\/])?curl\.exe\b/i.test(text) && !text.includes("'") && !/\\\r?\n/.test(text)) return 'cmd';
  return 'posix';
}

export function tokenize(text: string, flavour: Flavour = detectFlavour(text), vars?: VarLookup): Tokenized {
  return flavour === 'cmd' ? tokenizeCmd(text) : tokenizePosix(text, vars);
}

const VAR = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/;

const OPERATORS = new Set(['|', ';', '&', '<', '>']);

/**
 * `$NAME` / `${NAME}` outside single quotes, as bash would expand it — only when `vars` knows the
 * name (the CLI passes its environment; the app passes nothing, so no value of main's environment
 * ever reaches the page). Unknown names stay as written and are reported.
 */
function expand(text: string, i: number, vars: VarLookup | undefined, unset: string[]): [string, number] | null {
  const m = VAR.exec(text.slice(i, i + 260));
  if (!m) return null;
  const name = (m[1] ?? m[2])!;
  const value = vars?.(name);
  if (value === undefined) {
    if (!unset.includes(name)) unset.push(name);
    return [m[0], i + m[0].length];
  }
  return [value, i + m[0].length];
}

function tokenizePosix(text: string, vars?: VarLookup): Tokenized {
  const unset: string[] = [];
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  const n = text.length;
  const push = () => {
    if (inWord) words.push(cur);
    cur = '';
    inWord = false;
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined) {
        i++;
        continue;
      }
      if (next === '\n') {
        i += 2;
        continue;
      }
      if (next === '\r' && text[i + 2] === '\n') {
        i += 3;
        continue;
      }
      cur += next;
      inWord = true;
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('a single quote is not closed');
      cur += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '$' && text[i + 1] === "'") {
      const [value, end] = ansiC(text, i + 2);
      cur += value;
      inWord = true;
      i = end;
      continue;
    }
    if (c === '"') {
      i++;
      let closed = false;
      while (i < n) {
        const d = text[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\') {
          const e = text[i + 1];
          if (e === '\n') {
            i += 2;
            continue;
          }
          if (e === '$' || e === '`' || e === '"' || e === '\\') {
            cur += e;
            i += 2;
            continue;
          }
        }
        if (d === '$') {
          const x = expand(text, i, vars, unset);
          if (x) {
            cur += x[0];
            i = x[1];
            continue;
          }
        }
        cur += d;
        i++;
      }
      if (!closed) throw new ShellSyntaxError('a double quote is not closed');
      inWord = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      push();
      i++;
      continue;
    }
    if (c === '#' && !inWord) {
      // A comment runs to the end of the line.
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      continue;
    }
    if (OPERATORS.has(c)) {
      push();
      return { words, flavour: 'posix', rest: text.slice(i).trim() || null, unset };
    }
    if (c === '$') {
      const x = expand(text, i, vars, unset);
      if (x) {
        cur += x[0];
        inWord = true;
        i = x[1];
        continue;
      }
    }
    cur += c;
    inWord = true;
    i++;
  }
  push();
  return { words, flavour: 'posix', rest: null, unset };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** bash's $'…': returns the decoded text and the index after the closing quote. */
function ansiC(text: string, start: number): [string, number] {
  let out = '';
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") return [out, i + 1];
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = text[i + 1];
    if (e === undefined) break;
    if (SIMPLE_ESCAPES[e] !== undefined) {
      out += SIMPLE_ESCAPES[e];
      i += 2;
      continue;
    }
    const hex = (len: number, from: number): [number, number] | null => {
      const m = new RegExp(`^[0-9a-fA-F]{1,${len}}`).exec(text.slice(from, from + len));
      return m ? [parseInt(m[0], 16), m[0].length] : null;
    };
    if (e === 'x') {
      const h = hex(2, i + 2);
      if (h) {
        out += String.fromCharCode(h[0]);
        i += 2 + h[1];
        continue;
      }
    } else if (e === 'u' || e === 'U') {
      const h = hex(e === 'u' ? 4 : 8, i + 2);
      if (h && h[0] <= 0x10ffff) {
        out += String.fromCodePoint(h[0]);
        i += 2 + h[1];
        continue;
      }
    } else if (/[0-7]/.test(e)) {
      const m = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))!;
      out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
      i += 1 + m[0].length;
      continue;
    } else if (e === 'c' && text[i + 2] !== undefined) {
      out += String.fromCharCode(text.charCodeAt(i + 2) & 0x1f);
      i += 3;
      continue;
    }
    // An unknown escape keeps its backslash, as bash does.
    out += `\\${e}`;
    i += 2;
  }
  throw new ShellSyntaxError("a $'…' quote is not closed");
}

/** cmd.exe's pass (carets, continuations), then the C runtime's argv split. */
function tokenizeCmd(text: string): Tokenized {
  let line = '';
  let quoted = false;
  let rest: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') quoted = false;
      if (c === '\r' || c === '\n') {
        // cmd ends the command at a line break even inside quotes.
        rest = text.slice(i).trim() || null;
        break;
      }
      line += c;
      continue;
    }
    if (c === '^') {
      const next = text[i + 1];
      if (next === undefined) break;
      const nl = next === '\r' && text[i + 2] === '\n' ? 2 : next === '\n' ? 1 : 0;
      if (nl > 0) {
        // A caret at a line end escapes the line break AND the first character of the next line:
        // Chrome writes a newline inside data as ^ + two line breaks.
        i += nl;
        const after = text[i + 1];
        if (after === '\r' && text[i + 2] === '\n') {
          line += '\n';
          i += 2;
        } else if (after === '\n') {
          line += '\n';
          i += 1;
        }
        continue;
      }
      line += next;
      i++;
      continue;
    }
    if (c === '"') {
      quoted = true;
      line += c;
      continue;
    }
    if (c === '\r' || c === '\n') {
      const after = text.slice(i).trim();
      if (after !== '') rest = after;
      break;
    }
    if (c === '|' || c === '&' || c === '<' || c === '>') {
      rest = text.slice(i).trim() || null;
      break;
    }
    line += c;
  }
  if (quoted && rest === null) throw new ShellSyntaxError('a double quote is not closed');
  return { words: splitMsvcrt(line), flavour: 'cmd', rest, unset: [] };
}

/** The Microsoft C runtime's rules for turning a command line into argv. */
export function splitMsvcrt(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quoted = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\') {
      let j = i;
      while (line[j] === '\\') j++;
      const count = j - i;
      if (line[j] === '"') {
        cur += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) {
          cur += '"';
          i = j + 1;
        } else i = j;
      } else {
        cur += '\\'.repeat(count);
        i = j;
      }
      inWord = true;
      continue;
    }
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        // "" inside quotes is a literal quote (the post-2008 runtime).
        cur += '"';
        i += 2;
        continue;
      }
      quoted = !quoted;
      inWord = true;
      i++;
      continue;
    }
    if (!quoted && (c === ' ' || c === '\t')) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      i++;
      continue;
    }
    cur += c;
    inWord = true;
    i++;
  }
  if (inWord) words.push(cur);
  return words;
}
