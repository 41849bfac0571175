import type { Lang } from '../../common/report.js';

/**
 * Why a file cannot be read as a HAR, as data (the CLI and the app word it in the user's
 * language). zod's own words ("Invalid input: expected object, received undefined") never
 * reach a person: the path of the first field that is wrong is enough to find it.
 */
export type HarProblem =
  | { code: 'too-big'; chars: number; max: number }
  | { code: 'not-json' }
  | { code: 'no-log' }
  | { code: 'bad-field'; field: string }
  | { code: 'no-entry'; index: number; count: number }
  | { code: 'not-http'; index: number; url: string }
  | { code: 'bad-url'; index: number };

/** How to get a HAR: the step that makes one, said once for every "this is not a HAR" message. */
const HOW_EN = 'Save one from the browser\'s developer tools: Network tab → right-click a request → "Save all as HAR".';
const HOW_ZH = '可在浏览器开发者工具中导出：网络（Network）面板 → 右键任一请求 →“以 HAR 格式保存全部内容”。';

/** `log.entries.0.request` → `log.entries[0].request`, the way a person reads a JSON path. */
export const jsonPath = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' || /^\d+$/.test(String(p)) ? `[${String(p)}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('').slice(0, 80);

export function harProblemText(p: HarProblem, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (p.code) {
    case 'too-big':
      return zh ? `HAR 文件有 ${p.chars} 个字符，最多只读取 ${p.max} 个：请只导出出错的那几个请求。` : `the HAR has ${p.chars} characters and at most ${p.max} are read: save only the failing requests.`;
    case 'not-json':
      return zh ? `这不是 HAR 文件：内容不是 JSON。${HOW_ZH}` : `this is not a HAR file: it is not JSON. ${HOW_EN}`;
    case 'no-log':
      return zh ? `这是 JSON，但不是 HAR 文件：没有 log.entries 请求列表（HAR 1.2 以 {"log": {"entries": [...]}} 开头）。${HOW_ZH}` : `this is JSON but not a HAR file: it has no log.entries list (a HAR 1.2 file starts with {"log": {"entries": [...]}}). ${HOW_EN}`;
    case 'bad-field':
      return zh ? `这不是有效的 HAR 1.2 文件：字段 ${p.field} 缺失或类型不对（文件可能已损坏，或不是浏览器导出的）。` : `this is not a valid HAR 1.2 file: the field ${p.field} is missing or of the wrong type (the file is damaged, or was not saved by a browser).`;
    case 'no-entry':
      return zh ? `HAR 中没有第 ${p.index} 条（共 ${p.count} 条：0 到 ${Math.max(0, p.count - 1)}）；用 --list 查看。` : `the HAR has no entry ${p.index} (it has ${p.count}: 0 to ${Math.max(0, p.count - 1)}); see them with --list.`;
    case 'not-http':
      return zh ? `第 ${p.index} 条不是 http(s) 调用（${p.url}）` : `entry ${p.index} is not an http(s) call (${p.url})`;
    case 'bad-url':
      return zh ? `第 ${p.index} 条的 URL 无效` : `entry ${p.index} has no valid URL`;
  }
}
