/**
 * A fix text split into what a reader reads and what a reader copies. Explain texts are prose with
 * commands inside ("…: export NODE_EXTRA_CA_CERTS=/path/to/ca.pem (read at start-up)."); the wizard
 * shows the sentence with the commands set as code, and each command once more as a chip with its
 * own Copy. Commands an app user does not need — `api-doctor … --flag` that the Advanced panel
 * offers — become in-app actions instead.
 */
export type FixPart = { kind: 'text'; text: string } | { kind: 'code'; text: string };
export type FixAction = 'choose-ca' | 'samples' | 'proxy' | 'no-proxy' | 'system-proxy' | 'dns' | 'timeout' | 'key' | 'completion' | 'stream';
export interface ParsedFix {
  parts: FixPart[];
  /** Things to copy: commands, env lines, config snippets. */
  commands: string[];
  /** What the app itself can do for this fix. */
  actions: FixAction[];
}

/** Words that start a shell command in the explain texts. */
const COMMAND_START = String.raw`(?:setx|\$env:|api-doctor|curl|openssl|timedatectl|docker|pip|npm|npx|git|dig|nslookup|kubectl|sudo|networksetup|gsettings|scutil|ipconfig|resolvectl|systemctl|certutil|update-ca-certificates|netsh)`;
/** After the command word, prose goes on ("curl and many tools…", "curl 使用…"): that is no command. */
const NOT_PROSE = String.raw`(?!(?:and|or|to|the|is|are|with|in|on|for|a|an|will|can|may|does|do|uses?|prefers?)\b)(?![\u3400-\u9fff])`;
/**
 * A command runs to the end of its sentence: a Chinese full stop/semicolon/bracket, an English
 * ". ", "; ", " (" or the end. Env lines (NAME=value) and call snippets (name=Thing(…)) are shorter.
 */
const PATTERNS = [
  String.raw`\`[^\`]+\``,
  String.raw`\bexport [A-Za-z_][A-Za-z0-9_]*=(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s。；，（）()\u3400-\u9fff]+)`,
  String.raw`(?<![\w/-])${COMMAND_START}\s${NOT_PROSE}[^。；（），\n]*?(?=[。；（），]|[.;,](?:\s|$)|\s\(|\s(?:or|and|then)\s|$)`,
  String.raw`\b[A-Z][A-Z0-9_]{2,}=[^\s。；，,）)]+`,
  String.raw`\b[a-z_]+=[\w.]+\([^()]*(?:\([^()]*\))?[^()]*\)`,
];
const RE = new RegExp(PATTERNS.join('|'), 'g');

/** CLI flags the wizard offers as controls, and the action that opens each. */
const FLAG_ACTIONS: [RegExp, FixAction][] = [
  [/--ca-file\b/, 'choose-ca'],
  [/--samples\b/, 'samples'],
  [/--no-proxy\b/, 'no-proxy'],
  [/--proxy\b/, 'proxy'],
  [/--(?:dns-server|reference-dns)\b/, 'dns'],
  [/--timeout\b/, 'timeout'],
  [/--(?:token-env|credential)\b/, 'key'],
  [/--completion\b/, 'completion'],
  [/--stream\b/, 'stream'],
];

/** Actions that re-run the diagnosis with one change: the request's other options (a streaming test already on) stay as they are. */
const RERUNS: readonly FixAction[] = ['choose-ca', 'samples', 'no-proxy', 'system-proxy'];

/**
 * The in-app actions of one `api-doctor …` command. `--proxy` naming the OS proxy the finding
 * reports (its evidence, not this text, says which one that is) becomes "Use the proxy from the
 * system settings"; any other `--proxy` opens the proxy options.
 */
function actionsOf(command: string, ctx: FixContext): FixAction[] {
  const named = /--proxy\s+(\S+)/.exec(command)?.[1];
  let out = FLAG_ACTIONS.filter(([re]) => re.test(command)).map(([, a]) => (a === 'proxy' && ctx.systemProxy && named === ctx.systemProxy ? 'system-proxy' : a));
  if (out.some((a) => RERUNS.includes(a))) out = out.filter((a) => a !== 'stream' && a !== 'completion');
  return out;
}

/** What the finding says that the text alone does not: the OS proxy the run did not use. */
export interface FixContext {
  systemProxy?: string | null;
}

/** What a fix mentions in order to warn against it ("never NODE_TLS_REJECT_UNAUTHORIZED=0") gets no Copy. */
const DANGEROUS = /NODE_TLS_REJECT_UNAUTHORIZED=0|verify\s*=\s*False|--insecure\b|(?:^|\s)-k\b|PYTHONHTTPSVERIFY=0|rejectUnauthorized:\s*false/;

export function parseFix(text: string, ctx: FixContext = {}): ParsedFix {
  const parts: FixPart[] = [];
  const commands: string[] = [];
  const actions: FixAction[] = [];
  let at = 0;
  for (const m of text.matchAll(RE)) {
    const raw = m[0];
    const quoted = raw.startsWith('`');
    // A sentence's own full stop after a command is the sentence's, not the command's.
    let used = quoted ? raw : raw.replace(/[.:]$/, '');
    // A bracket that closes the sentence's aside is not the command's.
    while (!quoted && /[)）]$/.test(used) && count(used, '(') < count(used, ')')) used = used.slice(0, -1);
    const code = (quoted ? raw.slice(1, -1) : used).trim();
    if (code === '') continue;
    const appActions = /^api-doctor\s/.test(code) ? actionsOf(code, ctx) : [];
    if (m.index > at) parts.push({ kind: 'text', text: text.slice(at, m.index) });
    // "Give the key: <command>" once the command became a button: the colon introduced nothing.
    const before = parts.at(-1);
    if (appActions.length > 0 && before?.kind === 'text') before.text = before.text.replace(/[\s:：]+$/, '');
    // An api-doctor command the app can run for the user becomes a button: the sentence does not show it.
    if (appActions.length === 0) parts.push({ kind: 'code', text: code });
    at = m.index + used.length;
    if (appActions.length > 0) {
      for (const a of appActions) if (!actions.includes(a)) actions.push(a);
    }
    else if (!commands.includes(code) && !DANGEROUS.test(code)) commands.push(code);
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  // "Check it here first: ." once its command became a button: drop the stray punctuation.
  if (actions.length > 0) {
    const last = parts.at(-1);
    if (last?.kind === 'text' && /^[\s.。:：]*$/.test(last.text)) parts.pop();
    const prev = parts.at(-1);
    if (prev?.kind === 'text') prev.text = prev.text.replace(/[\s:：]+$/, '');
  }
  return { parts, commands, actions };
}

const count = (s: string, c: string): number => s.split(c).length - 1;
