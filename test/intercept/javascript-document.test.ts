import { describe, expect, it } from 'vitest';
import { madeByJavascriptUrl } from '../../lib/intercept/javascript-document';

// navigation timing as measured (Chromium 156 and Firefox ESR) for the route page and for the
// document `location.href = 'javascript:"<img …>"'` made in its place
const LOADED = { fetchStart: 1.3, responseStart: 29.1, nextHopProtocol: 'http/1.1' };
const FIREFOX_LOADED = { fetchStart: -13, responseStart: 35, nextHopProtocol: 'http/1.1' };
const FROM_CACHE = { fetchStart: 0.8, responseStart: 2.1, nextHopProtocol: '' };
const MADE = { fetchStart: 0, responseStart: 0, nextHopProtocol: '' };
const PAGE = 'http://127.0.0.1:8080/routes/index.html';

describe('madeByJavascriptUrl: a document a javascript: URL made in place of the page', () => {
  it('is the one that was never fetched', () => {
    expect(madeByJavascriptUrl(PAGE, MADE)).toBe(true);
  });

  it.each([
    ['a page from the network', PAGE, LOADED],
    ['a page from the network (Firefox)', PAGE, FIREFOX_LOADED],
    ['a page from the HTTP cache', PAGE, FROM_CACHE],
    ['no navigation timing at all', PAGE, undefined],
    ["a frame's initial about:blank", 'about:blank', MADE],
    ['a srcdoc frame', 'about:srcdoc', MADE],
    ['a blob: document', 'blob:http://127.0.0.1:8080/5b1c', MADE],
  ])('not %s', (_name, url, timing) => {
    expect(madeByJavascriptUrl(url, timing)).toBe(false);
  });
});
