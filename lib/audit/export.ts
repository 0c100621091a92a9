/**
 * The log as files an inspector opens: CSV for Excel/WPS (UTF-8 with a BOM, or Chinese turns into
 * mojibake there) and JSON Lines, one whole record per line, which keeps every hash so the chain can
 * be checked again outside the browser. Pure: the caller saves the text.
 */
import Papa from 'papaparse';
import { terms, type Lang } from '../i18n';
import { confirmationsText, editorText, eventSentence, findingsSummary, signersText } from './describe';
import type { AuditRecord } from './types';

export type ExportFormat = 'csv' | 'jsonl';

/** Column headers in the exporter's language only, in column order; tools that want field names read the JSON Lines file. */
const ZH_HEADERS = {
  seq: '序号',
  time: '时间',
  event: '事件',
  origin: '站点',
  url: '网址',
  title: '标题',
  channel: '栏目',
  category: '信息类别',
  disclosure: '公开方式',
  editor: '编辑',
  signers: '签发人',
  findings: '敏感信息',
  excerpts: '遮盖后的片段',
  confirmations: '审核确认',
  summary: '说明',
  digest: '稿件摘要值',
  bodyDigest: '正文摘要值',
  policyVersion: '策略版本',
  id: '记录编号',
  prevHash: '前一条哈希值',
  hash: '本条哈希值',
};
type ColumnKey = keyof typeof ZH_HEADERS;
const COLUMN_KEYS = Object.keys(ZH_HEADERS) as ColumnKey[];

const HEADERS: Record<Lang, Record<ColumnKey, string>> = {
  zh: ZH_HEADERS,
  en: {
    seq: 'No.',
    time: 'Time',
    event: 'Event',
    origin: 'Site',
    url: 'URL',
    title: 'Title',
    channel: 'Channel',
    category: 'Category',
    disclosure: 'Disclosure mode',
    editor: 'Editor',
    signers: 'Signed off by',
    findings: 'Findings',
    excerpts: 'Masked excerpts',
    confirmations: 'Confirmations',
    summary: 'Details',
    digest: 'Draft digest',
    bodyDigest: 'Body digest',
    policyVersion: 'Policy version',
    id: 'Record id',
    prevHash: 'Previous hash',
    hash: 'Hash',
  },
};

export function csvColumns(lang: Lang): string[] {
  return COLUMN_KEYS.map((k) => HEADERS[lang][k]);
}

function row(r: AuditRecord, lang: Lang): (string | number)[] {
  const cells: Record<ColumnKey, string | number> = {
    seq: r.seq,
    time: r.time,
    event: terms(lang).event[r.event] ?? r.event,
    origin: r.origin ?? '',
    url: r.url ?? '',
    title: r.title ?? '',
    channel: r.channel ?? '',
    category: r.category ?? '',
    disclosure: r.disclosure ?? '',
    editor: editorText(r, lang),
    signers: signersText(r, lang),
    findings: findingsSummary(r.findings, lang),
    excerpts: (r.findings?.excerpts ?? []).join(lang === 'zh' ? '；' : '; '),
    confirmations: confirmationsText(r.confirmations, lang),
    summary: eventSentence(r, lang),
    digest: r.digest ?? '',
    bodyDigest: r.bodyDigest ?? '',
    policyVersion: r.policyVersion,
    id: r.id,
    prevHash: r.prevHash,
    hash: r.hash,
  };
  return COLUMN_KEYS.map((k) => cells[k]);
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

/** The log as a sheet in `lang` (the exporter's language): every value in words, hashes kept for checking. */
export function toCsv<R extends AuditRecord>(records: Iterable<R>, lang: Lang, options: CsvOptions<R> = {}): string {
  const { extra, continuation = false } = options;
  const data = Array.from(records, (r) => (extra ? [...extra.cells(r), ...row(r, lang)] : row(r, lang)));
  const fields = [...(extra?.columns ?? []), ...csvColumns(lang)];
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
