// @vitest-environment happy-dom
/**
 * Where a finding stands in the draft (the title field or the editor's text) is named in the page's
 * language, like every other word on the panel and the checklist: an English browser shows no Chinese.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftWatch } from '../../lib/content/draft-watch';
import { rules } from '../../rules';
import { useLocale } from '../options/helpers';

const ID = '11010519491231002X';

function draftPage(): DraftWatch {
  document.body.innerHTML = `<label for="t">标题</label><input id="t" type="text" value="王丽 ${ID} 的公示"><div contenteditable="true"><p>身份证号 ${ID}</p></div>`;
  const hooks = { editorChanged: () => undefined, titleChanged: () => undefined, windowFound: () => undefined };
  return new DraftWatch(window, { rules }, hooks);
}

let watch: DraftWatch | undefined;

afterEach(() => {
  watch?.dispose();
  watch = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('DraftWatch places', () => {
  it.each([
    ['zh_CN', '标题', '正文'],
    ['en', 'Title', 'Body'],
  ] as const)('in %s names the title %s and the editor %s', async (locale, title, body) => {
    useLocale(locale);
    watch = draftPage();
    watch.discover();
    await watch.rescanStale();
    const found = watch.findings().map((f) => [f.where, f.finding.kind, f.session === null]);
    expect(found).toEqual([
      [title, 'cn-id', true],
      [body, 'cn-id', false],
    ]);
  });
});

describe('DraftWatch.hasDraft', () => {
  const page = (html: string) => {
    document.body.innerHTML = `<div contenteditable="true">${html}</div>`;
    const w = new DraftWatch(window, { rules }, { editorChanged: () => undefined, titleChanged: () => undefined, windowFound: () => undefined });
    w.discover();
    return w;
  };

  it.each([
    ['an empty editor', ''],
    ['a few characters', '<p>公示</p>'],
    ['a long draft, read from its start', '<p>关于城乡低保对象的公示，现将有关情况公示如下。</p>'.repeat(2000)],
    ['letters only after thousands of spaces and punctuation', `<p>${'，'.repeat(6000)}</p><p>关于城乡低保对象的公示</p>`],
    ['too few letters after thousands of punctuation', `<p>${'，'.repeat(6000)}</p><p>公示</p>`],
  ])('says what fingerprint() says: %s', (_, html) => {
    watch = page(html);
    const expected = watch.fingerprint() !== null;
    watch.dispose();
    // a fresh watch: nothing cached, the prefix path is taken
    watch = page(html);
    expect(watch.hasDraft()).toBe(expected);
  });
});
