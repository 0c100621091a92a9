// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest';
import { ownWindowTarget } from '../../lib/intercept/own-window';

afterEach(() => {
  document.head.innerHTML = '';
  window.name = '';
});

describe("ownWindowTarget: does a link's or a form's target leave it in its own window", () => {
  test.each<[target: string | null, base: string | null, name: string, own: boolean]>([
    [null, null, '', true],
    ['', null, '', true],
    ['_self', null, '', true],
    ['_SELF', null, '', true],
    // the browser does not trim: these name new windows
    [' _self', null, '', false],
    ['_self\t', null, '', false],
    [' cms', null, 'cms', false],
    ['cms', null, 'cms', true],
    ['other', null, 'cms', false],
    ['_blank', null, '', false],
    ['_top', null, '', false],
    // no target of its own: the first <base target> decides; an empty target of its own overrides it
    [null, 'result', '', false],
    [null, '_self', '', true],
    [null, '', '', true],
    [null, 'cms', 'cms', true],
    ['', 'result', '', true],
  ])('target %j, <base target=%j>, window name %j: %s', (target, base, name, own) => {
    if (base !== null) {
      const b = document.createElement('base');
      b.setAttribute('target', base);
      document.head.append(b);
    }
    window.name = name;
    expect(ownWindowTarget(window)(target)).toBe(own);
  });

  test('a <base> without a target is passed over for one with a target', () => {
    document.head.innerHTML = '<base href="/x/"><base target="result">';
    expect(ownWindowTarget(window)(null)).toBe(false);
  });
});
