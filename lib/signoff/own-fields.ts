/**
 * Most CMS forms have no 信息类别, 公开方式 or 审核人 field, and some no 栏目 (SiteServer's 添加内容 is
 * opened for the 栏目 picked in the channel tree beside it, which only its address names). Precheck
 * asks for the category, the disclosure mode and the 栏目 in its own checklist, and the reviewer is
 * whoever signs off (the roster, the PIN): the readings below make the checklist, the digest, the audit
 * log and the review form treat them like CMS fields. Without them a policy that requires the 栏目
 * could never be signed on such a page.
 */
import type { FieldName, FieldReading, FieldReadings } from './types';

export const OWN_FIELD_NAMES = ['channel', 'category', 'disclosure'] as const;
export type OwnFieldName = (typeof OWN_FIELD_NAMES)[number];
export type OwnValues = Partial<Record<OwnFieldName, string>>;

export function withOwnFields(page: FieldReadings, own: OwnValues, catalogue: readonly { id: string; name: string }[]): FieldReadings {
  const out: FieldReadings = { ...page };
  for (const name of OWN_FIELD_NAMES) {
    if (page[name]?.present) continue;
    const value = (own[name] ?? '').trim();
    const text = name === 'category' ? (catalogue.find((c) => c.id === value)?.name ?? value) : value;
    out[name] = { present: true, value, text, own: true } satisfies FieldReading;
  }
  return out;
}

/** Fields the policy requires that this page can satisfy: a missing 审核人 field is filled by the signer. */
export function requiredOnPage(required: readonly FieldName[], page: FieldReadings): FieldName[] {
  return required.filter((n) => n !== 'reviewer' || page.reviewer?.present === true);
}
