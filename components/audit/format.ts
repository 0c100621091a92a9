/**
 * How audit records read on screen and on the printed form: Chinese event and kind names, times,
 * signers and a one-line summary. Only fields of the record are shown; they are masked already.
 */
import type { AuditEvent, AuditPerson, AuditRecord, FindingsSummary } from '../../lib/audit/types';
import type { Kind, Severity } from '../../lib/scan/types';
import { t } from '../options/i18n';

/** Message names allow no hyphen: 'publish-allowed' → 'event_publish_allowed'. */
export function eventLabel(event: AuditEvent): string {
  return t(`event_${event.replace(/-/g, '_')}`);
}

export function kindLabel(kind: Kind): string {
  return t(`kind_${kind.replace(/-/g, '_')}`);
}

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

/** 'https://cms.example.gov.cn' → 'cms.example.gov.cn'; anything unparsable as it is. */
export function siteLabel(origin: string | undefined): string {
  if (!origin) return '';
  try {
    return new URL(origin).host || origin;
  } catch {
    return origin;
  }
}

export function signer(record: AuditRecord, role: AuditPerson['role']): AuditPerson | undefined {
  return record.signers?.find((s) => s.role === role);
}

/** 「张三 / 李四」: reviewer first, then the principal, as the record lists them. */
export function signerNames(record: AuditRecord): string {
  return (record.signers ?? []).map((s) => s.name).join(' / ');
}

const SEVERITIES: readonly Severity[] = ['block', 'warn', 'info'];

/** 「身份证号 2（阻止 2）、电话号码 1（警告 1）」 */
export function findingCounts(findings: FindingsSummary): string {
  // `?? {}`: a record written by another version may lack a part; it still shows.
  return Object.entries(findings.counts ?? {})
    .map(([kind, bySeverity]) => {
      const total = SEVERITIES.reduce((sum, s) => sum + (bySeverity?.[s] ?? 0), 0);
      const parts = SEVERITIES.filter((s) => (bySeverity?.[s] ?? 0) > 0).map((s) => `${t(`severity_${s}`)} ${bySeverity?.[s] ?? 0}`);
      return `${kindLabel(kind as Kind)} ${total}（${parts.join('，')}）`;
    })
    .join('、');
}

/** Detail keys the parts of Precheck write; an unknown key is shown as it is. */
export const DETAIL_KEYS = ['reason', 'ruleId', 'excerpt', 'status', 'outcome', 'result', 'format', 'count', 'throughSeq', 'important', 'role', 'reviewer', 'remaining', 'firstBadSeq', 'problem', 'ok'] as const;
const DETAIL_LABELS = new Set<string>(DETAIL_KEYS);

function detailLabel(key: string): string {
  return DETAIL_LABELS.has(key) ? t(`detail_${key}`) : key;
}

function detailValue(value: string | number | boolean): string {
  if (value === true) return t('audit_yes');
  if (value === false) return t('audit_no');
  return String(value);
}

/** 「敏感信息 3 处：身份证号 2（阻止 2）…」, or 未发现敏感信息; '' when the record has no findings part. */
export function findingsSummary(findings: FindingsSummary | undefined): string {
  if (!findings) return '';
  if (findings.total === 0) return t('audit_no_findings');
  const counts = findingCounts(findings);
  return `${t('audit_findings', String(findings.total))}${counts ? `：${counts}` : ''}`;
}

/** The event's own facts (override reason, HTTP outcome …) as 「理由：…；结果：…」. */
export function detailSummary(record: AuditRecord, omit: readonly string[] = []): string {
  return Object.entries(record.detail ?? {})
    .filter(([key]) => !omit.includes(key))
    .map(([key, value]) => `${detailLabel(key)}：${detailValue(value)}`)
    .join('；');
}

/** The 摘要 column: findings, then the event's facts. */
export function recordSummary(record: AuditRecord): string {
  return [findingsSummary(record.findings), detailSummary(record)].filter(Boolean).join('；');
}
