/**
 * Teach mode on an article list whose publish control builds its request in a script (DedeCMS's
 * `checkArc()` writes `location = 'archives_do.php?…&qstr=' + ids`): the markup says nothing, so the
 * administrator ticks rows and presses the control once while Precheck holds the request. This reads
 * the `listPublish` rule from that held request: where the ticked ids are (a query or body value equal
 * to one id, repeated per id, or several ids joined by a separator), the request's fixed address and
 * — where the body names its action (EmpireCMS's list form posts 删除, 推荐 and 审核 alike to
 * ecmsinfo.php, `enews` saying which) — that action as the rule's field condition, so that the list's
 * other buttons are not held. Null when no value holds the ticked ids.
 */
import { pairsOf } from '../gate/pairs';
import { actionField, urlPatternOf } from './list-publish-from-control';
import type { ListPublishRule } from './schema';
import type { Outgoing } from '../gate/types';

export interface HeldRequest {
  method: string;
  url: string;
  /** The body's name/value pairs (urlencoded or multipart); files left out. */
  entries: readonly (readonly [string, string])[];
}

type Place = ListPublishRule['ids'];

/** A separator between the ticked ids in one value: what stands between them, if the same everywhere. */
function joinedBy(value: string, ids: readonly string[]): string | null {
  if (ids.length < 2) return null;
  for (const sep of new Set(value.replace(/[A-Za-z0-9_-]/g, ''))) {
    const parts = value.split(sep).filter(Boolean);
    if (ids.every((id) => parts.includes(id)) && parts.every((p) => /^[A-Za-z0-9_-]{1,40}$/.test(p))) return sep;
  }
  return null;
}

/** Where in these pairs the ticked ids stand, or null. */
function placeIn(pairs: readonly (readonly [string, string])[], ids: readonly string[], from: Place['from']): Place | null {
  const names = [...new Set(pairs.map(([k]) => k))];
  for (const name of names) {
    const values = pairs.filter(([k]) => k === name).map(([, v]) => v);
    if (ids.every((id) => values.includes(id))) return { from, name };
    for (const v of values) {
      const separator = joinedBy(v, ids);
      if (separator) return { from, name, separator };
    }
  }
  // One id ticked, sent inside a joined value (DedeCMS sends `qstr=42` for one row): the value is it.
  if (ids.length === 1) {
    const hit = pairs.find(([, v]) => v === ids[0]);
    if (hit) return { from, name: hit[0] };
  }
  return null;
}

export function listPublishFromRequest(req: HeldRequest, ticked: readonly string[], rowCheckbox?: string): ListPublishRule | null {
  if (ticked.length === 0) return null;
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return null;
  }
  const method = req.method.toUpperCase();
  const ids = placeIn(pairsOf(url.searchParams), ticked, 'query') ?? placeIn(req.entries, ticked, 'body');
  if (!ids || !['GET', 'POST', 'PUT', 'PATCH'].includes(method)) return null;
  const field = actionField(req.entries);
  return {
    method: method as ListPublishRule['method'],
    urlPattern: urlPatternOf(url, ids.from === 'query' ? ids.name : undefined),
    ...(field && { field }),
    ids,
    ...(rowCheckbox && { rowCheckbox }),
  };
}

/** What teach mode sees of a request the gate held: its address and its text fields. */
export function heldRequestOf(o: Pick<Outgoing, 'method' | 'url' | 'body'>): HeldRequest {
  let entries: [string, string][] = [];
  if (o.body.kind === 'entries') entries = o.body.entries.flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : []));
  else if (o.body.kind === 'text' && !/json/i.test(o.body.contentType ?? '')) entries = pairsOf(new URLSearchParams(o.body.text));
  return { method: o.method, url: o.url, entries };
}
