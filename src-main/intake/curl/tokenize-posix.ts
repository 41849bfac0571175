import { ShellSyntaxError, type Tokenized, type VarLookup } from './tokenize-types.js';

/**
 * bash/zsh words: '…', "…", $'…' (ANSI-C), `\` escapes and `\`-newline continuations; an
 * unquoted | ; & < > ends the command. No expansion but known `$NAME`s (see `expand`).
 */

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

export function tokenizePosix(text: string, vars?: VarLookup): Tokenized {
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
