/**
 * A request as a gate that did not read its files can judge it: the page's gate, asked through the
 * relay by a frame whose own gate reads the files (Firefox keeps each frame's content scripts apart).
 * A file that gate never saw would be held there as not read yet. Through the built-ins kept at load:
 * the MAIN-world guard calls it too.
 */
import { add } from '../realm/intrinsics';
import type { Entry, Outgoing } from './types';

export function withoutFiles(o: Outgoing): Outgoing {
  if (o.body.kind !== 'entries') return o;
  const entries: Entry[] = [];
  const all = o.body.entries;
  for (let i = 0; i < all.length; i++) if (typeof all[i]![1] === 'string') add(entries, all[i]!);
  return { ...o, body: { ...o.body, entries } };
}
