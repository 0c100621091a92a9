/**
 * Most CMS forms have no 信息类别, 公开方式 or 审核人 field. Precheck asks for the first two in its own
 * checklist, and the reviewer is whoever signs off (the roster, the PIN): the readings below make the
 * checklist, the digest, the audit log and the review form treat them like CMS fields.
 */
import type { FieldName, FieldReading, FieldReadings } from './types';

export type OwnFieldName = 'category' | 'disclosure';
export type OwnValues = Partial<Record<OwnFieldName, string>>;

export function withOwnFields(page: FieldReadings, own: OwnValues, catalogue: readonly { id: string; name: string }[]): FieldReadings {
  const out: FieldReadings = { ...page };
  for (const name of ['category', 'disclosure'] as const) {
    if (page[name]?.present) continue;
    const value = own[name] ?? '';
    const text = name === 'category' ? (catalogue.find((c) => c.id === value)?.name ?? value) : value;
    out[name] = { present: true, value, text, own: true } satisfies FieldReading;
  }
  return out;
}

/** Fields the policy requires that this page can satisfy: a missing 审核人 field is filled by the signer. */
export function requiredOnPage(required: readonly FieldName[], page: FieldReadings): FieldName[] {
  return required.filter((n) => n !== 'reviewer' || page.reviewer?.present === true);
}
