/**
 * Stand-ins for the browser and the isolated world in the hooks' unit tests. What a browser reads is
 * played by property reads and for..of (WebIDL walks a sequence through its iterator), made while the
 * page's built-ins are still replaced; the isolated world by a channel that refuses anything carrying
 * the ID. Both are written so that the built-ins the cases replace do not change them: index
 * assignment, never push, and the kept toJson and includes.
 */
import type { Outgoing } from '../../lib/gate/types';
import type { GuardChannel } from '../../lib/intercept/main/channel';
import { includes, toJson } from '../../lib/realm/intrinsics';

export const ID = '11010519491231002X';

/** What a browser finds walking a sequence it was handed. */
export function walked(list: unknown): unknown[] {
  const out: unknown[] = [];
  for (const x of list as Iterable<unknown>) out[out.length] = x;
  return out;
}

/** A channel that answers at once, refusing whatever carries the ID; `asked` keeps every question. */
export function judgingChannel(): GuardChannel & { asked: Outgoing[] } {
  const asked: Outgoing[] = [];
  const answer = (o: Outgoing) => {
    asked[asked.length] = o;
    return includes(toJson(o), ID) ? { pass: false, message: 'refused' } : { pass: true };
  };
  return {
    asked,
    askSync: answer,
    ask: (o: Outgoing) => Promise.resolve(answer(o)),
    covered: () => true,
  } as unknown as GuardChannel & { asked: Outgoing[] };
}
