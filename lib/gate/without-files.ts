/**
 * A request as a gate that did not read its files can judge it: the page's gate, asked first by a
 * window whose own gate reads the files (PageGate.judge). A file the page's gate never saw would
 * be held there as not read yet.
 */
import type { Outgoing } from './types';

export function withoutFiles(o: Outgoing): Outgoing {
  if (o.body.kind !== 'entries') return o;
  return { ...o, body: { ...o.body, entries: o.body.entries.filter(([, value]) => typeof value === 'string') } };
}
