// @vitest-environment node
/**
 * The copies hooks hand the browser (lib/intercept/main/hooks/copies.ts): the browser reads a
 * dictionary member by member, inherited ones too, and walks a sequence through its iterator — here
 * played by property reads and for..of while the page's built-ins are replaced.
 */
import { describe, expect, it } from 'vitest';
import { dictionaryOnce, listOnce } from '../../lib/intercept/main/hooks/copies';
import { ownIterator } from '../../lib/realm/intrinsics';
import { ID, walked } from './page-fakes';
import { ARRAY_ITERATOR, endIterators, inheritedFlip, poison, whilePoisoned } from '../realm/poison';

describe('dictionaryOnce', () => {
  it('reads a getter once: the copy answers what the judge read, and no later reader is asked', () => {
    let reads = 0;
    const copy = dictionaryOnce({ get username() { return reads++ === 0 ? 'u' : ID; } }, ['username']);
    expect([copy.username, copy.username, reads]).toEqual(['u', 'u', 1]);
  });

  it('finds nothing on Object.prototype for a member the page left out (undefined to the judge, the ID to the browser)', () => {
    const got = whilePoisoned<unknown[]>(
      () => inheritedFlip('username', undefined, ID),
      () => {
        const copy = dictionaryOnce({ urls: 'turn:t.example' }, ['urls', 'username']);
        return [copy.username, copy.username, Object.getPrototypeOf(copy)];
      },
    );
    expect(got).toEqual([undefined, undefined, null]);
  });

  it('reads a member by name where the browser does (a class getter, not enumerable) and keeps other enumerable ones', () => {
    class Config {
      vendorOption = true;
      get bundlePolicy() {
        return 'max-bundle';
      }
    }
    expect({ ...dictionaryOnce(new Config(), ['bundlePolicy', 'iceServers']) }).toEqual({ bundlePolicy: 'max-bundle', vendorOption: true });
  });
});

describe('listOnce and sequence', () => {
  it('listOnce reads an array by index when the array iterator ends at once, and walks any other iterable', () => {
    const set = new Set(['s']);
    const got = whilePoisoned(endIterators, () => [listOnce(['a', 'b']), listOnce(set), listOnce('ab'), listOnce({ length: 1, 0: 'x' })]);
    expect(got).toEqual([['a', 'b'], ['s'], undefined, undefined]);
  });

  it("a sequence is walked by its own iterator: the page's next and Array.prototype[Symbol.iterator] are never asked", () => {
    const got = whilePoisoned(
      () => {
        let n = 0;
        poison(ARRAY_ITERATOR, 'next', () => (n++ % 2 === 0 ? { done: false, value: `p-${ID}` } : { done: true, value: undefined }));
        poison(Array.prototype, Symbol.iterator, function* () {
          yield `p-${ID}`;
        });
        poison(Object.prototype, 'next', () => ({ done: true, value: undefined }));
      },
      () => [walked(ownIterator(['chat', 'json'])), Array.from(ownIterator(['one']))],
    );
    expect(got).toEqual([['chat', 'json'], ['one']]);
  });
});
