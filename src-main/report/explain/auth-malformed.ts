import type { Evidence } from '../../common/report.js';
import { ev, type CodeText } from './types.js';

/**
 * AUTH_MALFORMED in words: which credential (the variable, the saved name or the header it came
 * from, and its fingerprint), exactly what is wrong with its text, and for each thing wrong the one
 * fix that removes that thing (`tr -d '\r\n'` removes a line break, not quotes).
 */

const has = (e: Evidence, k: string) => e[k] !== undefined && e[k] !== null && e[k] !== '';
const problemList = (e: Evidence): string[] => (Array.isArray(e.problems) ? e.problems.map(String) : []);

/** What is wrong, short, for the title ("… is wrapped in quotes"). */
const SHORT_EN: Record<string, string> = {
  empty: 'is empty',
  whitespace: 'has spaces around it',
  newline: 'contains a line break',
  quotes: 'is wrapped in quotes',
  'non-ascii': 'contains a non-ASCII character',
  'doubled-prefix': 'already starts with "Bearer "',
  'missing-prefix': 'has no "Bearer " scheme',
  'basic-needs-user-colon-password': 'is not "user:password"',
};
const SHORT_ZH: Record<string, string> = {
  empty: '为空',
  whitespace: '前后有空格',
  newline: '含有换行符',
  quotes: '被引号包住了',
  'non-ascii': '含有非 ASCII 字符',
  'doubled-prefix': '已经以 "Bearer " 开头',
  'missing-prefix': '缺少 "Bearer " 认证方案',
  'basic-needs-user-colon-password': '不是 "用户名:密码" 格式',
};
/** What is wrong, in full, for the detail. */
const LONG_EN: Record<string, string> = {
  empty: 'it is empty',
  whitespace: 'it has spaces or tabs at the start or end',
  newline: 'it contains a line break (often pasted from a file with a trailing newline)',
  quotes: 'it is wrapped in quotes, which became part of the value',
  'non-ascii': 'it contains a non-ASCII character (a look-alike letter, a full-width character or a zero-width space)',
  'doubled-prefix': 'the "Bearer " prefix is doubled (the key already starts with "Bearer ")',
  'missing-prefix': 'the Authorization header has no scheme (write "Bearer <key>")',
  'basic-needs-user-colon-password': 'Basic authentication needs "user:password"',
};
const LONG_ZH: Record<string, string> = {
  empty: '凭据为空',
  whitespace: '开头或结尾有空格或制表符',
  newline: '包含换行符（常见于从文件复制时带上了末尾换行）',
  quotes: '被引号包住了，引号成了值的一部分',
  'non-ascii': '包含非 ASCII 字符（形近字母、全角字符或零宽空格）',
  'doubled-prefix': '"Bearer " 前缀重复了（密钥本身已以 "Bearer " 开头）',
  'missing-prefix': 'Authorization 头缺少认证方案（应写成 "Bearer <key>"）',
  'basic-needs-user-colon-password': 'Basic 认证需要 "用户名:密码" 格式',
};

const joinEn = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** The credential by where it came from (never its value). */
const who = (e: Evidence, zh: boolean): string => {
  if (has(e, 'variable')) return zh ? `环境变量 ${ev(e, 'variable')} 中的密钥` : `The key in $${ev(e, 'variable')}`;
  if (has(e, 'savedAs')) return zh ? `保存的凭据 ${ev(e, 'savedAs')}` : `The saved credential ${ev(e, 'savedAs')}`;
  if (has(e, 'fromHeader')) return zh ? `你添加的 ${ev(e, 'fromHeader')} 请求头` : `The ${ev(e, 'fromHeader')} header you added`;
  return zh ? '凭据' : 'The credential';
};
/** The fingerprint after the name; a credential too short for one has none to show. */
const fp = (e: Evidence, zh: boolean): string => {
  const f = ev(e, 'credential');
  if (!has(e, 'credential') || f === '…') return '';
  return zh ? `（${f}）` : ` (${f})`;
};
/** "U+200B at position 5" as the engine records it, in Chinese. */
const badCharZh = (e: Evidence): string => ev(e, 'firstBadChar').replace(/^(U\+[0-9A-F]+) at position (\d+)$/, '第 $2 个字符 $1');

const title = (e: Evidence, zh: boolean): string => {
  const list = problemList(e);
  // A header the user wrote says "Bearer " twice; a key (we add "Bearer ") already starts with it.
  const t = has(e, 'fromHeader') ? { ...(zh ? SHORT_ZH : SHORT_EN), 'doubled-prefix': zh ? '写了两次 "Bearer "' : 'says "Bearer " twice' } : zh ? SHORT_ZH : SHORT_EN;
  const known = list.map((p) => t[p]).filter((x): x is string => x !== undefined);
  if (known.length === 0) return zh ? '凭据格式有误' : 'The credential is malformed';
  return zh ? `${who(e, true)}${known.join('，且')}` : `${who(e, false)} ${joinEn(known)}`;
};

const detail = (e: Evidence, zh: boolean): string => {
  const t = zh ? LONG_ZH : LONG_EN;
  const what = problemList(e).map((p) => t[p] ?? p).join(zh ? '；' : '; ');
  if (zh) {
    return `${who(e, true)}${fp(e, true)}按现在的写法无法使用：${what}。${has(e, 'firstBadChar') ? `第一个问题字符：${badCharZh(e)}。` : ''}API Doctor 没有发送它：请求是不带密钥发出的，因此服务器的响应与这个密钥无关。`;
  }
  return `${who(e, false)}${fp(e, false)} cannot work as written: ${what}.${has(e, 'firstBadChar') ? ` First bad character: ${ev(e, 'firstBadChar')}.` : ''} API Doctor did not send it: the request went without a key, so the server's answer says nothing about this key.`;
};

/** One fix for each thing wrong, each one the command or step that removes exactly that. */
const fixes = (e: Evidence, zh: boolean): string[] => {
  const list = problemList(e);
  const v = has(e, 'variable') ? ev(e, 'variable') : null;
  const saved = has(e, 'savedAs') ? ev(e, 'savedAs') : null;
  const out: string[] = [];
  /** Where the value is set again: the variable (a shell command), the saved credential (the app), or the program. */
  const redo = (enCmd: string, zhWhat: string, enWhat: string): string =>
    v
      ? zh
        ? `${zhWhat}：在当前 shell 中执行 \`${enCmd}\`，并在设置 ${v} 的地方（.env 文件、--env-file、CI 变量、系统服务配置）一并改好。`
        : `${enWhat}: in this shell, \`${enCmd}\`; and fix it where ${v} is set (a .env file, --env-file, a CI variable, a service's config).`
      : saved
        ? zh
          ? `${zhWhat}：在“凭据”中重新保存 ${saved}（粘贴时不要带上它）。`
          : `${enWhat}: save ${saved} again in Credentials (paste the key without it).`
        : zh
          ? `${zhWhat}，再发送。`
          : `${enWhat}, then send it.`;
  if (list.includes('quotes')) out.push(redo(`export ${v ?? 'KEY'}="\${${v ?? 'KEY'}//[\\"\\']/}"`, '去掉引号（引号不能成为值的一部分；.env 或 --env-file 中的值不要加引号）', 'Remove the quotes that became part of the value (a .env or --env-file value takes no quotes)'));
  const nl = list.includes('newline');
  const ws = list.includes('whitespace');
  if (nl || ws) {
    const chars = nl && ws ? String.raw`$'\r\n\t '` : nl ? String.raw`$'\r\n'` : String.raw`$'\t '`;
    const zhWhat = nl ? '去掉换行符（从文件读取时用 printf \'%s\' 写入，不要用 echo）' : '去掉首尾的空格';
    const enWhat = nl ? "Remove the line break (write key files with printf '%s', not echo)" : 'Remove the spaces around the key';
    out.push(redo(`export ${v ?? 'KEY'}="\${${v ?? 'KEY'}//[${chars}]/}"`, zhWhat, enWhat));
  }
  if (list.includes('doubled-prefix') && has(e, 'fromHeader')) out.push(zh ? '"Bearer " 只写一次：Authorization: Bearer <key>。' : 'Write "Bearer " once: Authorization: Bearer <key>.');
  else if (list.includes('doubled-prefix')) out.push(redo(`export ${v ?? 'KEY'}="\${${v ?? 'KEY'}#Bearer }"`, '只保存密钥本身，去掉开头的 "Bearer "：客户端会自动加上它', 'Keep only the key, without the leading "Bearer ": the client adds "Bearer " itself'));
  if (list.includes('missing-prefix')) out.push(zh ? '把请求头写成 Authorization: Bearer <key>。' : 'Write the header as Authorization: Bearer <key>.');
  if (list.includes('non-ascii')) out.push(zh ? '重新输入形近字符，或直接从服务商控制台复制密钥。' : "Retype look-alike characters, or copy the key from the provider's console.");
  if (list.includes('empty')) out.push(zh ? `把 ${v ?? '该变量'} 设为密钥（现在是空的），并确认发起调用的进程能读到它。` : `Set ${v ?? 'the variable'} to the key (it is empty now), in the process that makes the call.`);
  if (list.includes('basic-needs-user-colon-password')) out.push(zh ? 'Basic 认证请提供 "用户名:密码"。' : 'For Basic authentication, give "user:password".');
  if (out.length > 0) return out;
  return zh
    ? ['重新复制密钥，去掉首尾空格、引号和换行。', '只传密钥本身：客户端会自动加上 "Bearer "。', '重新输入形近字符，或直接从服务商控制台复制密钥。']
    : ['Copy the key again without surrounding spaces, quotes or line breaks.', 'Pass only the key: the client adds "Bearer " itself.', "Retype look-alike characters, or copy the key from the provider's console."];
};

export const authMalformedText: CodeText = {
  example: { credential: 'sk-proj-…9f2c', problems: ['quotes'], variable: 'OPENAI_API_KEY' },
  en: (e) => ({ title: title(e, false), detail: detail(e, false), fixes: fixes(e, false) }),
  'zh-CN': (e) => ({ title: title(e, true), detail: detail(e, true), fixes: fixes(e, true) }),
};
