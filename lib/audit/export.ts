/**
 * The log as files an inspector opens: CSV for Excel/WPS (UTF-8 with a BOM, or Chinese turns into
 * mojibake there) and JSON Lines, one whole record per line, which keeps every hash so the chain can
 * be checked again outside the browser. Pure: the caller saves the text.
 */
import Papa from 'papaparse';
import { KIND_LABELS } from '../scan/kind-labels';
import type { Kind, Severity } from '../scan/types';
import type { SignoffRole } from '../signoff/types';
import type { AuditEvent, AuditRecord, FindingsSummary } from './types';

export type ExportFormat = 'csv' | 'jsonl';

export const EVENT_LABELS: Record<AuditEvent, string> = {
  'publish-blocked': '发布被阻止',
  'finding-overridden': '说明理由放行',
  'signoff-given': '签发',
  'signoff-voided': '签发作废',
  'pin-failed': 'PIN 错误',
  'publish-allowed': '准予发布',
  'publish-outcome': '发布结果',
  'policy-changed': '策略变更',
  'log-exported': '导出日志',
  'log-verified': '校验日志',
  'post-publish-check': '发布后核对',
};


const SEVERITY_LABELS: Record<Severity, string> = { block: '阻止', warn: '警告', info: '提示' };
const ROLE_LABELS: Record<SignoffRole, string> = { reviewer: '审核人', principal: '主要负责人' };

/** Column headers: Chinese first for the people who read the sheet, the field name for tools. */
export const CSV_COLUMNS = [
  '序号 seq',
  '时间 time',
  '事件 event',
  '站点 origin',
  '网址 url',
  '标题 title',
  '栏目 channel',
  '信息类别 category',
  '公开方式 disclosure',
  '编辑 editor',
  '签发人 signers',
  '发现 findings',
  '发现摘录 excerpts',
  '审核确认 confirmations',
  '详情 detail',
  '稿件摘要 digest',
  '正文摘要 bodyDigest',
  '策略版本 policyVersion',
  '记录编号 id',
  '前一哈希 prevHash',
  '哈希 hash',
] as const;

const SEVERITIES: readonly Severity[] = ['block', 'warn', 'info'];

/** 「身份证号 阻止×2; 电话号码 警告×1」 */
function findingCounts(findings: FindingsSummary | undefined): string {
  if (!findings) return '';
  const parts: string[] = [];
  for (const [kind, bySeverity] of Object.entries(findings.counts)) {
    for (const s of SEVERITIES) {
      const n = bySeverity?.[s];
      if (n) parts.push(`${KIND_LABELS[kind as Kind]?.zh ?? kind} ${SEVERITY_LABELS[s]}×${n}`);
    }
  }
  return parts.join('; ');
}

const yesNo = (b: boolean) => (b ? '是' : '否');

function confirmations(c: AuditRecord['confirmations']): string {
  if (!c) return '';
  const parts = [`准确:${yesNo(c.accuracy)}`, `完整:${yesNo(c.completeness)}`, `及时:${yesNo(c.timeliness)}`, `保密:${yesNo(c.secrecy)}`];
  if (c.otherUnit) parts.push(`涉及单位:${c.otherUnit}`);
  return parts.join('; ');
}

function row(r: AuditRecord): (string | number)[] {
  return [
    r.seq,
    r.time,
    `${EVENT_LABELS[r.event] ?? r.event} (${r.event})`,
    r.origin ?? '',
    r.url ?? '',
    r.title ?? '',
    r.channel ?? '',
    r.category ?? '',
    r.disclosure ?? '',
    r.editor ?? '',
    (r.signers ?? []).map((s) => `${s.name}(${ROLE_LABELS[s.role] ?? s.role}) ${s.at}`).join('; '),
    findingCounts(r.findings),
    (r.findings?.excerpts ?? []).join('; '),
    confirmations(r.confirmations),
    Object.entries(r.detail ?? {})
      .map(([k, v]) => `${k}=${String(v)}`)
      .join('; '),
    r.digest ?? '',
    r.bodyDigest ?? '',
    r.policyVersion,
    r.id,
    r.prevHash,
    r.hash,
  ];
}

/** Columns a caller puts before the record's own (the collector adds the unit and the browser). */
export interface ExtraColumns<R> {
  columns: readonly string[];
  cells(record: R): (string | number)[];
}

export interface CsvOptions<R> {
  extra?: ExtraColumns<R>;
  /** A later part of a file written in parts: no BOM, no header. */
  continuation?: boolean;
}

export function toCsv<R extends AuditRecord>(records: Iterable<R>, options: CsvOptions<R> = {}): string {
  const { extra, continuation = false } = options;
  const data = Array.from(records, (r) => (extra ? [...extra.cells(r), ...row(r)] : row(r)));
  const fields = [...(extra?.columns ?? []), ...CSV_COLUMNS];
  // escapeFormulae: a title starting with = + - @ must not run as a formula when the sheet is opened.
  const body = Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n', header: !continuation });
  if (continuation) return body === '' ? '' : body + '\r\n';
  // Papa ends a header-only sheet with a line break but not one with rows; every file ends with one.
  return '\ufeff' + body + (body.endsWith('\r\n') ? '' : '\r\n');
}

/** One JSON value per line: records, or records in an envelope (the collector's export). */
export function toJsonl(items: Iterable<unknown>): string {
  let out = '';
  for (const item of items) out += JSON.stringify(item) + '\n';
  return out;
}

const two = (n: number) => String(n).padStart(2, '0');

/** 'precheck-audit-20250102-0930.csv', in local time: the date the user sees on the clock. */
export function exportFileName(format: ExportFormat, now: Date): string {
  const date = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}`;
  return `precheck-audit-${date}-${two(now.getHours())}${two(now.getMinutes())}.${format}`;
}
