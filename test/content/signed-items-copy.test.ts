import { describe, expect, it, vi } from 'vitest';
import { SignedItemsCopy } from '../../lib/content/gate/signed-items-copy';
import { watchSignedItems } from '../../lib/content/signed-items-watch';
import { SIGNED_ITEMS_KEY } from '../../lib/signoff/signed-items';

const ids = (copy: SignedItemsCopy) => [...copy.ids].sort();

describe('SignedItemsCopy', () => {
  it('takes each read of the background list whole: an item signed in another tab appears, one revoked there goes', () => {
    const copy = new SignedItemsCopy();
    copy.read(new Set(['42']));
    copy.read(new Set(['42', '43']));
    expect(ids(copy)).toEqual(['42', '43']);
    copy.read(new Set(['43']));
    expect(ids(copy)).toEqual(['43']);
  });

  it('an item revoked here stays revoked through a read made before the background took the revocation', () => {
    const copy = new SignedItemsCopy();
    copy.read(new Set(['42', '43']));
    copy.revoke(['42']);
    copy.read(new Set(['42', '43']));
    expect(ids(copy)).toEqual(['43']);
    // the background took it: a later sign-off in another tab counts again
    copy.read(new Set(['43']));
    copy.read(new Set(['42', '43']));
    expect(ids(copy)).toEqual(['42', '43']);
  });

  it('signed again on this page: counts at once, and a read that still lacks it does not undo it before the next', () => {
    const copy = new SignedItemsCopy();
    copy.revoke(['42']);
    copy.add(['42']);
    expect(ids(copy)).toEqual(['42']);
    copy.read(new Set(['42']));
    expect(ids(copy)).toEqual(['42']);
  });
});

describe('watchSignedItems', () => {
  it.each([
    ['the signed items in storage.local', { [SIGNED_ITEMS_KEY]: { newValue: {} } }, 'local', 1],
    ['another key of storage.local', { 'policy.local': { newValue: {} } }, 'local', 0],
    ['the same key in another area', { [SIGNED_ITEMS_KEY]: { newValue: {} } }, 'session', 0],
  ])('a change of %s', (_name, changes, area, calls) => {
    let listener: (changes: Record<string, unknown>, area: string) => void = () => {};
    const changed = vi.fn();
    watchSignedItems({ onChanged: { addListener: (l) => (listener = l) } }, changed);
    listener(changes, area);
    expect(changed).toHaveBeenCalledTimes(calls);
  });
});
