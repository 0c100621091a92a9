// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { targetsThisPage } from '../../lib/intercept/form-target';

/**
 * A page with a named result frame, a fresh unnamed frame, and a named frame two levels down. The
 * climb from a frame to the top is walked in real browsers only (the route form-late-listener-fresh-frame,
 * signed): jsdom's global hands vitest a frameElement getter bound to the top window.
 */
function page(): { top: Document; fresh: Document; inner: Document } {
  document.body.innerHTML = '<iframe name="result-frame"></iframe><iframe id="fresh"></iframe><iframe id="outer"></iframe>';
  const fresh = (document.getElementById('fresh') as HTMLIFrameElement).contentDocument!;
  const outer = (document.getElementById('outer') as HTMLIFrameElement).contentDocument!;
  outer.body.innerHTML = '<iframe name="deep"></iframe><iframe id="inner"></iframe>';
  const inner = (outer.getElementById('inner') as HTMLIFrameElement).contentDocument!;
  return { top: document, fresh, inner };
}

describe('targetsThisPage', () => {
  let p: ReturnType<typeof page>;
  beforeEach(() => {
    p = page();
  });

  test.each([
    ['', true],
    ['_self', true],
    ['_TOP', true],
    ['_parent', true],
    ['_blank', false],
    ['result-frame', true],
    [' result-frame ', true],
    ['deep', true],
    ['another-window', false],
  ])('from the top page, target %j: %s', (target, expected) => {
    expect(targetsThisPage(p.top, target)).toBe(expected);
  });

  test('a name only a removed frame had is another window', () => {
    document.querySelector('iframe[name="result-frame"]')!.remove();
    expect(targetsThisPage(p.top, 'result-frame')).toBe(false);
  });
});
