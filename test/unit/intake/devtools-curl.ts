/**
 * What Chrome DevTools' "Copy as cURL" writes, re-implemented from its documented quoting rules
 * (front_end/panels/network/NetworkLogView.ts, generateCurlCommand): bash flavour uses '…' or
 * $'…' (when the text has a quote, a control character or `!`), cmd flavour wraps in ^"…^",
 * doubles backslashes, turns " into \", puts ^ before every character outside a small safe set,
 * writes % before a name character as %^, and a newline as ^ + two line breaks. Lines are joined
 * with ` \` or ` ^` continuations and two-space indents.
 */
export interface CopiedRequest {
  url: string;
  method: string;
  headers: { name: string; value: string }[];
  body?: string;
}

const hex4 = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function quoteBash(s: string): string {
  // eslint-disable-next-line no-control-regex
  const needsAnsi = /[\u0000-\u001f\u007f-\u009f!]|'/;
  if (!needsAnsi.test(s)) return `'${s}'`;
  let inner = s.split('\\').join('\\\\').split("'").join("\\'").split('\n').join('\\n').split('\r').join('\\r');
  // eslint-disable-next-line no-control-regex
  inner = inner.replace(/[\u0000-\u001f\u007f-\u009f!]/g, hex4);
  return `$'${inner}'`;
}

export function quoteCmd(s: string): string {
  let t = s.split('\\').join('\\\\').split('"').join('\\"');
  t = t.replace(/[^a-zA-Z0-9\s_\-:=+~'/.',?;()*`]/g, (c) => `^${c}`);
  t = t.replace(/%(?=[a-zA-Z0-9_])/g, '%^');
  t = t.replace(/[^ -~\r\n]/g, ' ');
  t = t.replace(/\r?\n|\r/g, '^\n\n');
  return `^"${t}^"`;
}

export function copyAsCurl(req: CopiedRequest, flavour: 'bash' | 'cmd'): string {
  const q = flavour === 'cmd' ? quoteCmd : quoteBash;
  const parts: string[] = [q(req.url).replace(/[[{}\]]/g, (c) => `\\${c}`)];
  const inferred = req.body !== undefined ? 'POST' : 'GET';
  if (req.method !== inferred) parts.push(`-X ${q(req.method)}`);
  for (const h of req.headers) parts.push(`-H ${q(h.value.trim() ? `${h.name}: ${h.value}` : `${h.name};`)}`);
  if (req.body !== undefined) parts.push(`--data-raw ${q(req.body)}`);
  const sep = parts.length >= 3 ? (flavour === 'cmd' ? ' ^\n  ' : ' \\\n  ') : ' ';
  return `curl ${parts.join(sep)}`;
}
