/**
 * Which saved items a request acts on (list pages: publish.do?id=42, ids[]=3&ids[]=5, a ticked row
 * checkbox). Read from parameter names CMSes use for item ids; a value may list several ids.
 */
import type { Decoded } from './types';

const ID_NAME = /^(?:\?)?(?:ids?|aids?|articleids?|article_ids?|contentids?|content_ids?|docids?|doc_ids?|itemids?|item_ids?|newsids?|infoids?|archiveids?|postids?|post_ids?|logids?|qstr)(?:\[\d*\])?$/i;
const ID_VALUE = /^[A-Za-z0-9_-]{1,40}$/;

export function isItemIdName(name: string): boolean {
  return ID_NAME.test(name);
}

const valuesOf = (text: string) => text.split(/[,`|\s]+/).filter((v) => ID_VALUE.test(v));

export function itemIdsOf(decoded: Decoded, ticked: readonly string[] = []): string[] {
  const ids = new Set<string>();
  for (const part of decoded.parts) if (ID_NAME.test(part.name)) for (const v of valuesOf(part.text)) ids.add(v);
  for (const v of ticked) if (ID_VALUE.test(v)) ids.add(v);
  return [...ids];
}

/** The ticked ids this request names itself, under any parameter name (a GET publishes only what it names). */
export function tickedNamedBy(decoded: Decoded, ticked: readonly string[]): string[] {
  if (ticked.length === 0) return [];
  const named = new Set(decoded.parts.flatMap((part) => valuesOf(part.text)));
  return ticked.filter((id) => named.has(id));
}
