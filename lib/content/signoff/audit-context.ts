/** The audit log's picture of a draft (title, category, editor, digest, masked findings; never its text). */
import type { AuditEntry } from '../../audit/types';
import type { Finding } from '../../scan/types';
import { summarizeFindings } from '../../signoff/summary';
import type { Confirmations, FieldReadings } from '../../signoff/types';

export interface DraftPicture {
  fields: FieldReadings;
  editor: string | null;
  digest: string;
  findings: Finding[];
  confirmations: Confirmations;
}

export function auditContext(where: Location, d: DraftPicture): AuditEntry {
  const { category, title, channel, disclosure } = d.fields;
  const c = d.confirmations;
  return {
    event: 'publish-blocked',
    origin: where.origin,
    url: where.href,
    title: title?.value,
    channel: channel?.text,
    category: category ? `${category.value} ${category.text}`.trim() : undefined,
    disclosure: disclosure?.text,
    editor: d.editor ?? undefined,
    digest: d.digest,
    findings: summarizeFindings(d.findings),
    confirmations: {
      accuracy: c.accuracy,
      completeness: c.completeness,
      timeliness: c.timeliness,
      secrecy: c.secrecy,
      ...(c.otherUnit.involved && { otherUnit: c.otherUnit.name }),
    },
  };
}
