import { describe, expect, it } from 'vitest';
import { foreignXhr, type XhrCall } from '../../lib/intercept/xhr-foreign';

const UNSENT = 0, OPENED = 1, HEADERS = 2, LOADING = 3, DONE = 4;

describe('an XMLHttpRequest a window’s hooks have no record of', () => {
  it.each<[XhrCall, number, ReturnType<typeof foreignXhr>]>([
    // never opened: this window's open takes it as its own
    ['open', UNSENT, 'own'],
    // opened through another window's open: its record is there, not here
    ['open', OPENED, 'refuse'],
    ['open', LOADING, 'refuse'],
    ['open', DONE, 'refuse'],
    // a header or a body on a request another window opened would leave unjudged
    ['setRequestHeader', OPENED, 'refuse'],
    ['send', OPENED, 'refuse'],
    // the browser throws InvalidStateError there itself: nothing can leave
    ['setRequestHeader', UNSENT, 'original'],
    ['send', UNSENT, 'original'],
    ['send', HEADERS, 'original'],
    ['send', DONE, 'original'],
    // an abort brings a finished request back to UNSENT, where another window's record would outlive it
    ['abort', DONE, 'refuse'],
    ['abort', OPENED, 'refuse'],
    ['abort', UNSENT, 'original'],
  ])('%s in readyState %i: %s', (call, state, expected) => {
    expect(foreignXhr(call, state)).toBe(expected);
  });
});
