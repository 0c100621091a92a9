/**
 * Where in which attachment a finding was made, as the panel and the checklist name it:
 * 「附件 低保名单.xlsx · 隐藏工作表「原始」C7」. Null for a finding in the draft itself.
 */
import { terms } from '../../i18n';
import type { Finding } from '../../scan/types';

export function attachmentPlace(f: Pick<Finding, 'location'>): string | null {
  const loc = f.location;
  if (!loc?.file) return null;
  return loc.text ? `${terms().attachment} ${loc.file} · ${loc.text}` : `${terms().attachment} ${loc.file}`;
}

/** A masked excerpt with its place in the attachment, when it has one. */
export function placedExcerpt(f: Pick<Finding, 'location' | 'excerpt'>): string {
  const place = attachmentPlace(f);
  return place ? `${place} ${f.excerpt}` : f.excerpt;
}
