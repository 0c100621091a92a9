// @vitest-environment jsdom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { targetsThisPage } from '../../lib/intercept/form-target';

/**
 * jsdom keeps no browsing-context names (a frame's window name starts empty) and vitest's global
 * `name` getter reads the top window's: before form-target.ts keeps the getter, it is made the
 * browsers' — a frame's window is named by its attribute until page code renames it. The real getter
 * is walked in Chromium and Firefox (the route form-submit-renamed-frame).
 */
const renamed = vi.hoisted(() => {
  const names = new WeakMap<object, string>();
  Object.defineProperty(globalThis, 'name', {
    configurable: true,
    get(this: Window) {
      return names.get(this) ?? this.frameElement?.getAttribute('name') ?? '';
    },
  });
  return names;
});

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
    [' result-frame ', false],
    [' _self', false],
    ['deep', true],
    ['another-window', false],
  ])('from the top page, target %j: %s', (target, expected) => {
    expect(targetsThisPage(p.top, target)).toBe(expected);
  });

  test("a frame is found by its window's name, which page code can change while the attribute stays", () => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[name="result-frame"]')!;
    renamed.set(frame.contentWindow!, 'renamed');
    expect(targetsThisPage(p.top, 'result-frame')).toBe(false);
    expect(targetsThisPage(p.top, 'renamed')).toBe(true);
    renamed.set((document.getElementById('fresh') as HTMLIFrameElement).contentWindow!, 'late-name');
    expect(targetsThisPage(p.top, 'late-name')).toBe(true);
    renamed.set(frame.contentWindow!, '');
    expect(targetsThisPage(p.top, 'result-frame')).toBe(false);
  });

  test('no target: the first <base target> names the window, as the browser reads it; an empty target attribute is this page', () => {
    expect(targetsThisPage(p.top, null)).toBe(true);
    document.head.insertAdjacentHTML('beforeend', '<base target="_blank"><base target="result-frame">');
    expect(targetsThisPage(p.top, null)).toBe(false);
    expect(targetsThisPage(p.top, '')).toBe(true);
    document.head.querySelector('base')!.remove();
    expect(targetsThisPage(p.top, null)).toBe(true);
    document.head.querySelector('base')!.remove();
  });

  test('a name only a removed frame had is another window', () => {
    document.querySelector('iframe[name="result-frame"]')!.remove();
    expect(targetsThisPage(p.top, 'result-frame')).toBe(false);
  });
});
