/**
 * The name/value pairs of a URLSearchParams or FormData, read with forEach. Firefox content scripts
 * see these DOM objects through Xray wrappers, where their iterators (for…of, spread, .values()) are
 * "not iterable" and throw — which failed the gate closed on every query string and let a navigate
 * event's form post through unjudged. forEach works in every world.
 */
import { add, apply } from '../realm/intrinsics';

export interface ForEachPairs<V> {
  forEach(callback: (value: V, name: string) => void): void;
}

export function pairsOf<V>(list: ForEachPairs<V>): [string, V][] {
  const out: [string, V][] = [];
  // eslint-disable-next-line no-restricted-syntax -- not asked by the page guard (it reads queries with queryPairs below); the isolated world calls it with the DOM objects Firefox wraps
  list.forEach((value, name) => add(out, [name, value]));
  return out;
}

const Params = URLSearchParams;
// eslint-disable-next-line @typescript-eslint/unbound-method -- kept unbound, applied to each query's own params
const paramsForEach = URLSearchParams.prototype.forEach;

/**
 * The pairs of a urlencoded string, parsed by URLSearchParams and read with its forEach as they were
 * when this module loaded: the page's guard reads a message's query strings with it (message-text.ts),
 * after page code could replace either.
 */
export function queryPairs(query: string): [string, string][] {
  const out: [string, string][] = [];
  apply(paramsForEach, new Params(query), [(value: string, name: string) => add(out, [name, value])]);
  return out;
}
