/**
 * What a change of the local reviewer roster takes (issue 13): without a check, anyone at the
 * editor's PC could reset a reviewer's PIN in Options and then sign as that reviewer. Pure: compares
 * the roster in force with the one a save or an import brings.
 *
 * - Nothing changed (order aside): nothing needed.
 * - Only one reviewer's PIN changed: that reviewer's current PIN, or the administrator password
 *   (for a reviewer who forgot it).
 * - Anything else (a reviewer added, removed, renamed, moved to another unit or role, several PINs):
 *   the administrator password. Removing a reviewer and adding one of the same name is a new person.
 *
 * A managed roster never reaches here: IT's keys are locked and cannot be saved locally at all.
 */
import { isRecord } from './fields';
import type { Reviewer } from './schema';

export type RosterVerdict = { needs: 'nothing' } | { needs: 'admin' } | { needs: 'admin-or-pin'; reviewerId: string };

/** Each entry as canonical JSON, by id; undefined when the list is not a list of entries with ids. */
function byId(list: unknown): Map<string, Record<string, unknown>> | undefined {
  if (!Array.isArray(list)) return undefined;
  const map = new Map<string, Record<string, unknown>>();
  for (const entry of list) {
    if (!isRecord(entry) || typeof entry.id !== 'string' || map.has(entry.id)) return undefined;
    map.set(entry.id, entry);
  }
  return map;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

const withoutPin = (entry: Record<string, unknown>) => canonical({ ...entry, pin: undefined });

export function rosterVerdict(before: readonly Reviewer[], after: unknown): RosterVerdict {
  const old = byId(before);
  const next = byId(after);
  // Not a roster at all: validation refuses it; still, nothing passes here without the password.
  if (!old || !next) return { needs: 'admin' };
  if (old.size !== next.size || [...next.keys()].some((id) => !old.has(id))) return { needs: 'admin' };
  const changed = [...next].filter(([id, entry]) => canonical(entry) !== canonical(old.get(id)));
  if (changed.length === 0) return { needs: 'nothing' };
  const [only] = changed;
  if (changed.length === 1 && only && withoutPin(only[1]) === withoutPin(old.get(only[0])!)) return { needs: 'admin-or-pin', reviewerId: only[0] };
  return { needs: 'admin' };
}
