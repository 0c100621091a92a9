// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUARDED_BEFORE } from '../../lib/intercept/channel-protocol';
import { onPreviousGuard, removePreviousUi, watchOrphaned } from '../../lib/content/previous-version';
import { showUpdateNotice } from '../../lib/content/update-notice';

afterEach(() => {
  document.body.innerHTML = '';
  document.querySelectorAll('body ~ *').forEach((el) => el.remove());
  vi.unstubAllGlobals();
});

describe('removePreviousUi', () => {
  it.each([
    ['a panel and a highlight layer beside the body', '<precheck-panel></precheck-panel><precheck-overlay></precheck-overlay>', 2],
    ['an open checklist and teach mode', '<precheck-checklist></precheck-checklist><precheck-teach></precheck-teach>', 2],
    ["the page's own elements only", '<div class="panel"></div><precheck-gate-channel></precheck-gate-channel>', 0],
  ])('%s', (_, html, removed) => {
    document.body.innerHTML = html + '<p id="draft">正文</p>';
    expect(removePreviousUi(document)).toBe(removed);
    expect(document.querySelectorAll('precheck-panel, precheck-overlay, precheck-checklist, precheck-teach')).toHaveLength(0);
    // the channel element is the guard's, not a screen: left alone, as is the page
    expect(document.getElementById('draft')).not.toBeNull();
    expect(document.querySelectorAll('precheck-gate-channel')).toHaveLength(html.includes('channel') ? 1 : 0);
  });
});

describe('onPreviousGuard', () => {
  it("calls once when the window's guard steps aside", () => {
    const seen = vi.fn();
    onPreviousGuard(document, seen);
    document.dispatchEvent(new CustomEvent(GUARDED_BEFORE));
    document.dispatchEvent(new CustomEvent(GUARDED_BEFORE));
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('is not called by other events', () => {
    const seen = vi.fn();
    onPreviousGuard(document, seen);
    document.dispatchEvent(new CustomEvent('precheck:channel-ready'));
    expect(seen).not.toHaveBeenCalled();
  });
});

describe('watchOrphaned', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([
    ['the runtime id goes away', (n: number) => (n < 3 ? true : false)],
    ['the extension API throws', (n: number) => {
      if (n >= 3) throw new Error('Extension context invalidated.');
      return true;
    }],
  ])('gives up the screens once, when %s', (_, aliveAt) => {
    let checks = 0;
    const gone = vi.fn();
    watchOrphaned(window, () => aliveAt(++checks), gone);
    vi.advanceTimersByTime(2000 * 2);
    expect(gone).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2000 * 5);
    expect(gone).toHaveBeenCalledTimes(1);
    expect(checks).toBe(3);
  });

  it('never while the extension is there', () => {
    const gone = vi.fn();
    watchOrphaned(window, () => true, gone);
    vi.advanceTimersByTime(60_000);
    expect(gone).not.toHaveBeenCalled();
  });
});

describe('showUpdateNotice', () => {
  it.each([
    ['zh-CN', '发布前预检已更新', '刷新本页', 'zh-CN'],
    ['en-US', 'Precheck was updated', 'Reload this page', 'en'],
  ])('in a %s browser speaks one language', (tag, title, button, lang) => {
    vi.stubGlobal('navigator', { languages: [tag], language: tag });
    const host = showUpdateNotice(document);
    const box = host.shadowRoot!.querySelector('[role="alert"]')!;
    expect(box.getAttribute('lang')).toBe(lang);
    expect(box.querySelector('h2')!.textContent).toBe(title);
    expect(box.querySelector('button')!.textContent).toBe(button);
    const text = box.textContent;
    expect(lang === 'en' ? /[\u4e00-\u9fff]/.test(text) : /[A-Za-z]{3,}/.test(text)).toBe(false);
  });
});
