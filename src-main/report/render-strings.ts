import type { Lang, StageStatus, Verdict } from '../common/report.js';
import type { StageId } from '../common/stages.js';
import { STATUS_WORDS, VERDICT_WORDS } from './text/status-words.js';

/** The words of the human report around the findings (the findings bring their own text). */
export interface UiStrings {
  reportTitle: string;
  target: string;
  verdict: Record<Verdict, string>;
  rootCause: string;
  fixes: string;
  checks: string;
  otherFindings: string;
  timing: string;
  advice: { title: string; timeouts: (connectMs: number, readMs: number) => string; reproduce: (envVar: string) => string; reproduceNoKey: string };
  total: string;
  phases: { dns: string; tcp: string; tls: string; wait: string; download: string };
  stage: Record<StageId, string>;
  status: Record<StageStatus, string>;
  skipped: string;
  notYetChecked: string;
  noFindings: string;
  evidence: string;
  severity: { error: string; warn: string; info: string };
  checking: (stage: string) => string;
  /** The live line while the server probe samples: "sample 2 of 5". */
  sampleOf: (n: number, of: number) => string;
  bundleWritten: (file: string) => string;
  reportWritten: string;
}

export const UI: Record<Lang, UiStrings> = {
  en: {
    reportTitle: 'API Doctor report',
    target: 'Target',
    verdict: VERDICT_WORDS.en,
    rootCause: 'Root cause',
    fixes: 'How to fix',
    checks: 'Checks',
    otherFindings: 'Also found',
    timing: 'Timing',
    advice: {
      title: 'Client advice',
      timeouts: (c, r) => `Timeouts: connect ${c} ms, read ${r} ms`,
      reproduce: (v) => `Reproduce with curl (the key comes from $${v}):`,
      reproduceNoKey: 'Reproduce with curl:',
    },
    total: 'total',
    phases: { dns: 'DNS lookup', tcp: 'TCP connect', tls: 'TLS handshake', wait: 'Server wait', download: 'Download' },
    stage: { environment: 'environment', proxy: 'proxy', dns: 'dns', tcp: 'tcp', tls: 'tls', http: 'http', auth: 'auth', server: 'server' },
    status: STATUS_WORDS.en,
    skipped: 'skipped',
    notYetChecked: 'not yet checked',
    noFindings: 'No problems found.',
    evidence: 'Evidence',
    severity: { error: 'error', warn: 'warning', info: 'info' },
    checking: (s) => `checking ${s}…`,
    sampleOf: (n, of) => `sample ${n} of ${of}`,
    bundleWritten: (f) => `diagnostic bundle written to ${f}`,
    reportWritten: 'report',
  },
  'zh-CN': {
    reportTitle: 'API Doctor 诊断报告',
    target: '目标',
    verdict: VERDICT_WORDS['zh-CN'],
    rootCause: '根本原因',
    fixes: '修复方法',
    checks: '检查项',
    otherFindings: '其他发现',
    timing: '耗时',
    advice: {
      title: '客户端建议',
      timeouts: (c, r) => `超时设置：连接 ${c} 毫秒，读取 ${r} 毫秒`,
      reproduce: (v) => `用 curl 复现（密钥取自环境变量 $${v}）：`,
      reproduceNoKey: '用 curl 复现：',
    },
    total: '总计',
    phases: { dns: 'DNS 解析', tcp: 'TCP 连接', tls: 'TLS 握手', wait: '服务器处理', download: '下载' },
    stage: { environment: '环境', proxy: '代理', dns: 'DNS', tcp: 'TCP', tls: 'TLS', http: 'HTTP', auth: '认证', server: '服务端' },
    status: STATUS_WORDS['zh-CN'],
    skipped: '跳过',
    notYetChecked: '尚未检查',
    noFindings: '没有发现问题。',
    evidence: '证据',
    severity: { error: '错误', warn: '警告', info: '信息' },
    checking: (s) => `正在检查 ${s}…`,
    sampleOf: (n, of) => `第 ${n}/${of} 次采样`,
    bundleWritten: (f) => `诊断包已写入 ${f}`,
    reportWritten: '报告',
  },
};
