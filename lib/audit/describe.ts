/**
 * Audit records in plain words, for the table, the CSV export and the review form: what happened
 * ("点击发布按钮时被拦截：必填项未填写、待审核人签发"), never the codes the extension stored
 * ("via=click; reasons=field-missing,needs-reviewer"). Pure; the caller says which language. Only
 * fields of the record are used, and they are masked already.
 */
import { terms, type Lang, type ReasonCode, type Terms, type Via } from '../i18n';
import { sizeText } from '../attachments/too-large';
import { joinZh } from '../policy/labels';
import { ruleTitle } from '../policy/rule-ids';
import type { Kind, Severity } from '../scan/types';
import type { AuditRecord, FindingsSummary } from './types';

type Detail = NonNullable<AuditRecord['detail']>;

/** Why a file waited for a reviewer (lib/signoff/file-reasons.ts), as the log says it. */
const FILE_WHY_ZH: Record<string, string> = {
  block: '含有须处理的敏感信息',
  'too-large': '超过检查上限，未经检查',
  encrypted: '已加密，无法读取，未经检查',
  corrupt: '已损坏或格式不符，无法读取，未经检查',
};
const FILE_WHY_EN: Record<string, string> = {
  block: 'it holds findings',
  'too-large': 'over the check limit, not checked',
  encrypted: 'encrypted, could not be read, not checked',
  corrupt: 'corrupt or not its stated format, could not be read, not checked',
};

const SEVERITIES: readonly Severity[] = ['block', 'warn', 'info'];

/** The sentences around the terms, per language. */
const SAY = {
  zh: {
    list: (items: string[]) => items.join('、'),
    sep: '；',
    colon: '：',
    findings: (n: number, counts: string) => `敏感信息 ${n} 处${counts ? `：${counts}` : ''}`,
    kindCount: (kind: string, n: number, parts: string) => `${kind} ${n}（${parts}）`,
    severityCount: (severity: string, n: number) => `${severity} ${n}`,
    blocked: (via: string, reasons: string) => `${via}时被拦截${reasons ? `：${reasons}` : ''}`,
    published: (status: number) => `发布成功（服务器返回状态码 ${status}）`,
    failed: (status: number) => (status === 0 ? '发布失败：网络错误，未连上服务器' : `发布失败（服务器返回状态码 ${status}）`),
    submitted: '已提交：页面随即跳转，未得到服务器的结果',
    endpoint: (path: string) => `，提交地址 ${path}`,
    overridden: (rule: string, excerpt: string, reason: string) => `豁免「${rule}」${excerpt ? ` ${excerpt}` : ''}，理由：${reason}`,
    voided: (n: number) => `稿件已修改，${n} 项签发作废`,
    fileSigned: (file: string, size: string, reason: string, linked: boolean) =>
      `签发${linked ? '正文链接的' : ''}附件「${file}」（${size}）：${FILE_WHY_ZH[reason] ?? reason}，审核人同意${linked ? '随稿件发布一次' : '上传一次'}`,
    pinFailed: (who: string, action: string, remaining: number) => `${joinZh([who + action, '时'])} PIN 错误，还可再试 ${remaining} 次`,
    pinWait: (seconds: number) => `，须等待 ${seconds} 秒`,
    important: '重要信息，须经主要负责人签发',
    policy: (version: string) => `策略已更新（版本 ${version}）`,
    exported: (format: string, n: number, through: number) => `导出 ${format} ${n} 条记录（截至第 ${through} 条）`,
    printed: (seq: number) => `打印第 ${seq} 条记录的审核登记表`,
    verifiedOk: (n: number) => `完整性校验通过，共 ${n} 条记录`,
    verifiedBad: (seq: number, problem: string) => `完整性校验未通过：自第 ${seq} 条起${problem}`,
    checked: (result: string, seq: number) => `已发布页面${result}（第 ${seq} 条准予发布记录）`,
    otherVia: (code: string) => `其他方式（${code}）`,
    signer: (name: string, role: string, at: string) => `${name}（${role}，${at}）`,
  },
  en: {
    list: (items: string[]) => items.join(', '),
    sep: '; ',
    colon: ': ',
    findings: (n: number, counts: string) => `${n} finding${n === 1 ? '' : 's'}${counts ? `: ${counts}` : ''}`,
    kindCount: (kind: string, n: number, parts: string) => `${kind} ${n} (${parts})`,
    severityCount: (severity: string, n: number) => `${severity} ${n}`,
    blocked: (via: string, reasons: string) => `Stopped (${via})${reasons ? `: ${reasons}` : ''}`,
    published: (status: number) => `Published (the server answered ${status})`,
    failed: (status: number) => (status === 0 ? 'Publish failed: network error, the server was not reached' : `Publish failed (the server answered ${status})`),
    submitted: 'Submitted: the page moved on before the server answered',
    endpoint: (path: string) => `, sent to ${path}`,
    overridden: (rule: string, excerpt: string, reason: string) => `Overrode "${rule}"${excerpt ? ` ${excerpt}` : ''}; reason: ${reason}`,
    voided: (n: number) => `The draft changed: ${n} sign-off${n === 1 ? '' : 's'} voided`,
    fileSigned: (file: string, size: string, reason: string, linked: boolean) =>
      `Signed off the ${linked ? 'linked ' : ''}attachment "${file}" (${size}): ${FILE_WHY_EN[reason] ?? reason}; the reviewer allowed ${linked ? 'one publish of the draft with it' : 'one upload'}`,
    pinFailed: (who: string, action: string, remaining: number) => `Wrong PIN for ${who} while ${action}; ${remaining} tries left`,
    pinWait: (seconds: number) => `, must wait ${seconds} s`,
    important: 'Important item: the unit head signs too',
    policy: (version: string) => `Policy updated (version ${version})`,
    exported: (format: string, n: number, through: number) => `Exported ${n} records as a ${format} (up to record ${through})`,
    printed: (seq: number) => `Printed the review form of record ${seq}`,
    verifiedOk: (n: number) => `Integrity check passed: ${n} records`,
    verifiedBad: (seq: number, problem: string) => `Integrity check failed from record ${seq}: ${problem}`,
    checked: (result: string, seq: number) => `The published page ${result} (publish record ${seq})`,
    otherVia: (code: string) => `another way (${code})`,
    signer: (name: string, role: string, at: string) => `${name} (${role}, ${at})`,
  },
} satisfies Record<Lang, unknown>;

type Say = (typeof SAY)['zh'];

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/**
 * The wall-clock part of the stored ISO time, as written on the machine that recorded it. Reading it
 * off the string (not through Date) keeps the county's local time on screen and on paper even when
 * an inspector opens the log elsewhere, and keeps the form identical wherever it is printed.
 */
export function wallTime(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

/** 「身份证号 2（阻止 2）、电话号码 1（警告 1）」 */
export function findingCounts(findings: FindingsSummary, lang: Lang): string {
  const say = SAY[lang];
  const words = terms(lang);
  // `?? {}`: a record written by another version may lack a part; it still shows.
  const parts = Object.entries(findings.counts ?? {}).map(([kind, bySeverity]) => {
    const total = SEVERITIES.reduce((sum, s) => sum + (bySeverity?.[s] ?? 0), 0);
    const bySev = SEVERITIES.filter((s) => (bySeverity?.[s] ?? 0) > 0).map((s) => say.severityCount(words.severity[s], bySeverity?.[s] ?? 0));
    return say.kindCount(words.kind[kind as Kind] ?? kind, total, say.list(bySev));
  });
  return say.list(parts);
}

/** 「敏感信息 3 处：身份证号 2（阻止 2）…」, or 未发现敏感信息; '' when the record has no findings part. */
export function findingsSummary(findings: FindingsSummary | undefined, lang: Lang): string {
  if (!findings) return '';
  if (findings.total === 0) return terms(lang).noFindings;
  return SAY[lang].findings(findings.total, findingCounts(findings, lang));
}

function viaWords(code: unknown, say: Say, words: Terms): string {
  const via = str(code);
  return words.via[via as Via] ?? say.otherVia(via || '?');
}

function reasonWords(codes: unknown, say: Say, words: Terms): string {
  const list = str(codes)
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  return say.list([...new Set(list.map((c) => words.reason[c as ReasonCode] ?? c))]);
}

function outcome(d: Detail, say: Say): string {
  const endpoint = str(d.endpoint) ? say.endpoint(str(d.endpoint)) : '';
  if (d.result === 'ok') return say.published(num(d.status)) + endpoint;
  if (d.result === 'failed') return say.failed(num(d.status)) + endpoint;
  return say.submitted + endpoint;
}

function ruleName(ruleId: unknown, words: Terms, lang: Lang): string {
  const id = str(ruleId);
  const title = ruleTitle(id);
  if (title) return title[lang];
  return id.startsWith('custom-word') ? words.kind['custom-word'] : id;
}

function pinFailed(d: Detail, say: Say, words: Terms): string {
  const action = words.pinAction[str(d.action) as keyof Terms['pinAction']] ?? str(d.action);
  const wait = num(d.waitSeconds) > 0 ? say.pinWait(num(d.waitSeconds)) : '';
  return say.pinFailed(str(d.reviewerName), action, num(d.remaining)) + wait;
}

function exported(d: Detail, say: Say, words: Terms): string {
  if (d.format === 'form') return say.printed(num(d.throughSeq));
  const format = words.exportFormat[str(d.format) as keyof Terms['exportFormat']] ?? str(d.format);
  return say.exported(format, num(d.count), num(d.throughSeq));
}

function verified(d: Detail, say: Say, words: Terms): string {
  if (d.ok === true) return say.verifiedOk(num(d.count));
  const problem = words.verifyProblem[str(d.problem) as keyof Terms['verifyProblem']] ?? str(d.problem);
  return say.verifiedBad(num(d.firstBadSeq), problem);
}

/** What the event's own details say, in a sentence; '' when there is nothing beyond the columns. */
export function eventSentence(record: AuditRecord, lang: Lang): string {
  const d: Detail = record.detail ?? {};
  const say = SAY[lang];
  const words = terms(lang);
  switch (record.event) {
    case 'publish-blocked':
      return say.blocked(viaWords(d.via, say, words), reasonWords(d.reasons, say, words));
    case 'publish-outcome':
      return outcome(d, say);
    case 'finding-overridden':
      return say.overridden(ruleName(d.ruleId, words, lang), str(d.excerpt), str(d.reason));
    case 'signoff-voided':
      return say.voided(num(d.count));
    case 'pin-failed':
      return pinFailed(d, say, words);
    case 'publish-allowed':
      return d.important === true ? say.important : '';
    case 'policy-changed':
      return say.policy(str(d.version));
    case 'log-exported':
      return exported(d, say, words);
    case 'log-verified':
      return verified(d, say, words);
    case 'post-publish-check':
      return say.checked(words.postCheck[d.result === 'matches' ? 'matches' : 'differs'], num(d.publishedSeq));
    case 'signoff-given':
      return '';
    case 'attachment-signed':
      return say.fileSigned(str(d.file), sizeText(num(d.size)), str(d.reason), d.linked === true);
    default:
      // A record of a newer version: its facts as they are, rather than nothing.
      return say.list(Object.entries(d).map(([k, v]) => `${k}${say.colon}${str(v)}`));
  }
}

/** The 摘要 column and the CSV's: the event in words, then the findings. */
export function recordSummary(record: AuditRecord, lang: Lang): string {
  return [eventSentence(record, lang), findingsSummary(record.findings, lang)].filter(Boolean).join(SAY[lang].sep);
}

/**
 * Who the record names as its editor. A policy change made without a named person names where the
 * policy came from ('local', 'managed' …, lib/audit/service.ts): said in words.
 */
export function editorText(record: AuditRecord, lang: Lang): string {
  const editor = record.editor ?? '';
  const sources = terms(lang).policySource;
  return record.event === 'policy-changed' && Object.hasOwn(sources, editor) ? sources[editor as keyof typeof sources] : editor;
}

/** 「准确性：是；完整性：是；…；涉及其他单位：县医疗保障局」 */
export function confirmationsText(c: AuditRecord['confirmations'], lang: Lang): string {
  if (!c) return '';
  const say = SAY[lang];
  const words = terms(lang);
  const yes = (b: boolean) => (b ? words.yes : words.no);
  const parts = (['accuracy', 'completeness', 'timeliness', 'secrecy'] as const).map((k) => `${words.confirm[k]}${say.colon}${yes(c[k])}`);
  if (c.otherUnit) parts.push(`${words.confirm.otherUnit}${say.colon}${c.otherUnit}`);
  return parts.join(say.sep);
}

/** 「李四（审核人，2025-04-08 16:30:11）；王主任（主要负责人，…）」 */
export function signersText(record: AuditRecord, lang: Lang): string {
  const words = terms(lang);
  return (record.signers ?? []).map((s) => SAY[lang].signer(s.name, words.role[s.role] ?? s.role, wallTime(s.at))).join(SAY[lang].sep);
}
