import { ShellSyntaxError, type Tokenized } from './tokenize-types.js';

/** cmd.exe's pass (carets, continuations), then the C runtime's argv split. */
export function tokenizeCmd(text: string): Tokenized {
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
