/**
 * How audit records read in the table: event names, sites and signers. The summaries in words are
 * lib/audit/describe.ts's (shared with the CSV export and the review form).
 */
import type { AuditEvent, AuditPerson, AuditRecord } from '../../lib/audit/types';
import { terms } from '../../lib/i18n';

export function eventLabel(event: AuditEvent): string {
  return terms().event[event] ?? event;
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
