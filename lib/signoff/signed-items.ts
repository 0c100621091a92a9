/**
 * Items (the CMS's own ids) whose content was signed off, per site: publishing them from the article
 * list later (publish.do?id=42, a ticked row) passes the gate. An item saved again after its sign-off
 * loses it — what is on the server may no longer be what was signed — and so does one older than a
 * week.
 */
import { isRecord } from '../policy/fields';
import type { SignoffStorage } from './service';

export const SIGNED_ITEMS_KEY = 'signoff.signedItems';
const VALID_MS = 7 * 24 * 3600_000;
const MAX_PER_SITE = 5000;

type Stored = Record<string, Record<string, number>>;

export interface SignedItemStore {
  add(origin: string, ids: readonly string[]): Promise<void>;
  revoke(origin: string, ids: readonly string[]): Promise<void>;
  list(origin: string): Promise<string[]>;
}

export function createSignedItemStore(storage: SignoffStorage, now: () => number = Date.now): SignedItemStore {
  async function load(): Promise<Stored> {
    const v = (await storage.get(SIGNED_ITEMS_KEY))[SIGNED_ITEMS_KEY];
    if (!isRecord(v)) return {};
    const t = now();
    const out: Stored = {};
    for (const [origin, ids] of Object.entries(v)) {
      if (!isRecord(ids)) continue;
      const live = Object.entries(ids).filter((e): e is [string, number] => typeof e[1] === 'number' && t - e[1] < VALID_MS);
      if (live.length > 0) out[origin] = Object.fromEntries(live);
    }
    return out;
  }
  async function update(origin: string, change: (ids: Record<string, number>) => void): Promise<void> {
    const all = await load();
    const ids = all[origin] ?? {};
    change(ids);
    // The newest are kept when a site signs more than the cap.
    all[origin] = Object.fromEntries(Object.entries(ids).sort((a, b) => b[1] - a[1]).slice(0, MAX_PER_SITE));
    await storage.set({ [SIGNED_ITEMS_KEY]: all });
  }
  return {
    add: (origin, ids) => update(origin, (m) => ids.forEach((id) => (m[id] = now()))),
    revoke: (origin, ids) => update(origin, (m) => ids.forEach((id) => delete m[id])),
    list: async (origin) => Object.keys((await load())[origin] ?? {}),
  };
}
