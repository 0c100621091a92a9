/**
 * The key this load of the extension hands its content scripts (ProtocolMap.getRelayKey): a question
 * one of them asks through another window's relay (lib/content/gate/page-relay.ts) carries it, and
 * only such a question may spend the page's release — page code can call the relay too, but never
 * learns the key. Kept in storage.session, so a background that was stopped and woken (an MV3 worker,
 * a Firefox event page) hands out the same key to the frames that start after it.
 */
export const RELAY_KEY_ITEM = 'relay.key';
const KEY_BYTES = 16;

interface KeyValue {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function relayKeySource(session: KeyValue, random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): () => Promise<string> {
  let key: Promise<string> | null = null;
  const load = async (): Promise<string> => {
    const stored = (await session.get(RELAY_KEY_ITEM))[RELAY_KEY_ITEM];
    if (typeof stored === 'string' && stored.length === KEY_BYTES * 2) return stored;
    const made = [...random(new Uint8Array(KEY_BYTES))].map((b) => b.toString(16).padStart(2, '0')).join('');
    await session.set({ [RELAY_KEY_ITEM]: made });
    return made;
  };
  return () => {
    // a failed read is tried again by the next frame rather than remembered
    key ??= load().catch((e: unknown) => {
      key = null;
      throw e;
    });
    return key;
  };
}
