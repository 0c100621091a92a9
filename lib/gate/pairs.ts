/**
 * The name/value pairs of a URLSearchParams or FormData, read with forEach. Firefox content scripts
 * see these DOM objects through Xray wrappers, where their iterators (for…of, spread, .values()) are
 * "not iterable" and throw — which failed the gate closed on every query string and let a navigate
 * event's form post through unjudged. forEach works in every world.
 */
export interface ForEachPairs<V> {
  forEach(callback: (value: V, name: string) => void): void;
}

export function pairsOf<V>(list: ForEachPairs<V>): [string, V][] {
  const out: [string, V][] = [];
  list.forEach((value, name) => out.push([name, value]));
  return out;
}
