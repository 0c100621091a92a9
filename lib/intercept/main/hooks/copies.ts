/**
 * What a hook hands the browser in place of the page's dictionaries and lists, so that the browser
 * reads what was judged and nothing the page can still answer. The browser reads a dictionary member
 * by member, inherited ones too, and walks a sequence through its @@iterator and that iterator's
 * `next` — for an array, Array.prototype's, which the page can replace. A copy made of plain objects
 * and arrays still let the page answer the browser otherwise than the judge: an
 * `Object.prototype.username` getter filled in a member the copy lacked, a replaced `next` handed the
 * browser other subprotocols than were judged. These copies hold each member read once and have no
 * prototype; lists handed on walk themselves (ownIterator, lib/realm/intrinsics.ts).
 */
import { bare, isArray, listOf, sequence } from '../../../realm/intrinsics';


/** Is `v` what WebIDL reads as a dictionary or a sequence: any object, a function too? */
export const isObject = (v: unknown): v is object => (typeof v === 'object' && v !== null) || typeof v === 'function';

/**
 * A page's dictionary read once into an object without a prototype: `members` (what the browser reads
 * by name: inherited or not enumerable ones too) and every other enumerable key, each read once. A
 * member that is undefined is left out, as the browser leaves it out.
 */
export function dictionaryOnce(given: object, members: readonly string[]): Record<string, unknown> {
  const source = given as Record<string, unknown>;
  const copy: Record<string, unknown> = bare({});
  const read = (key: string) => {
    const v = source[key];
    if (v !== undefined) copy[key] = v;
  };
  for (let i = 0; i < members.length; i++) read(members[i]!);
  for (const key in source) if (!isMember(members, key)) read(key);
  return copy;
}

function isMember(members: readonly string[], key: string): boolean {
  for (let i = 0; i < members.length; i++) if (members[i] === key) return true;
  return false;
}

/**
 * A page's list read once: an array by index, any other iterable walked once by its own protocol (the
 * page's own object: walked as the browser would walk it); undefined for anything that is no list.
 */
export function listOnce(given: unknown): unknown[] | undefined {
  return isArray(given) ? listOf(given) : sequence(given);
}
