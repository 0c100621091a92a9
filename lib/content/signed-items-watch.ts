import { SIGNED_ITEMS_KEY } from '../signoff/signed-items';

type StorageChanges = Record<string, unknown>;

interface StorageEvents {
  onChanged: { addListener(listener: (changes: StorageChanges, area: string) => void): void };
}

/** Calls `changed` when the background's list of signed items (kept in storage.local) changes. */
export function watchSignedItems(storage: StorageEvents, changed: () => void): void {
  storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SIGNED_ITEMS_KEY in changes) changed();
  });
}
