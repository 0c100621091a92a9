import { describe, expect, test } from 'vitest';
import { isRefreshEquiv, metaRefreshUrl } from '../../lib/gate/meta-refresh';

describe('metaRefreshUrl: where a meta refresh sends its window', () => {
  test.each([
    ['0;url=/sink/r/x?content=a', '/sink/r/x?content=a'],
    ['0; URL=http://other/x?content=a', 'http://other/x?content=a'],
    ['5,url = /x?a=1', '/x?a=1'],
    ["0;url='/x?a=1'", '/x?a=1'],
    ['0;url="/x?a=1" trailing', '/x?a=1'],
    ['0; /x?a=1', '/x?a=1'],
    ['0 /x?a=1', '/x?a=1'],
    ['1.5;url=/x  ', '/x'],
    ["0;url='/x?a=1", '/x?a=1'],
  ])('%s → %s', (content, url) => expect(metaRefreshUrl(content)).toBe(url));

  test.each(['0', '30', ' 0; ', '0;url=', 'url=/x', '', 'abc;url=/x'])('%j reloads or is no refresh: no URL', (content) => {
    expect(metaRefreshUrl(content)).toBeUndefined();
  });

  test('http-equiv is read without case or spaces', () => {
    expect(isRefreshEquiv(' Refresh ')).toBe(true);
    expect(isRefreshEquiv('content-type')).toBe(false);
    expect(isRefreshEquiv(null)).toBe(false);
  });
});
