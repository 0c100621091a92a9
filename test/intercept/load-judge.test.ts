// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://cms.example/admin/"}
import { describe, expect, it } from 'vitest';
import type { Outgoing } from '../../lib/gate/types';
import type { GuardChannel } from '../../lib/intercept/main/channel';
import type { BlobStore } from '../../lib/intercept/main/hooks/blobs';
import { loadJudge } from '../../lib/intercept/main/hooks/load-judge';
import type { MadeBlob } from '../../lib/gate/blob-text';

type PageWindow = Window & typeof globalThis;

/** A judge whose channel passes everything and records each URL it is asked about. */
/** blob: URLs as a worker (not this guard) made them: their content, read on use; `reads` counts the reads. */
function fakeBlobs(contents: Record<string, string>): BlobStore & { reads: string[] } {
  const made = new Map<string, MadeBlob>();
  const reads: string[] = [];
  return {
    reads,
    made: (url) => made.get(url),
    read: (url) => {
      reads.push(url);
      return contents[url] === undefined ? undefined : [contents[url]];
    },
    judged: (url) => void made.set(url, { judged: true, type: '', texts: undefined }),
    head: () => undefined,
  };
}

function judged(blobs: BlobStore = fakeBlobs({})): { judge: ReturnType<typeof loadJudge>; asked: string[] } {
  // this realm's window: the guard reads nodes through the getters of the realm it started in (lib/intercept/main/natives.ts)
  const win = globalThis as unknown as PageWindow;
  const asked: string[] = [];
  const channel = {
    askSync: (o: Outgoing) => {
      asked.push(o.url);
      return { pass: true };
    },
    covered: () => true,
  } as unknown as GuardChannel;
  return { judge: loadJudge(win, channel, blobs), asked };
}

const URL_WITH_TEXT = '/x.png?q=%E5%BC%A0%E4%B8%89';

// A signed draft is released once: a URL asked about twice would be refused the second time.
describe('loadJudge: a text read as a document and as a stylesheet', () => {
  it.each([
    ['a <style> in markup, which both readings find', `<p>x</p><style>p{background:url(${URL_WITH_TEXT})}</style>`],
    ['an <img> and the same URL in CSS', `<img src="${URL_WITH_TEXT}"><i style="background:url(${URL_WITH_TEXT})"></i>`],
  ])('%s: each URL is asked about once', (_, text) => {
    const { judge, asked } = judged();
    judge.markupOrCss(text);
    expect(asked).toEqual([`https://cms.example${URL_WITH_TEXT}`]);
  });

  it("an XML document's DTD entities are written out: the URL they make is asked about", () => {
    const { judge, asked } = judged();
    judge.markupOrCss(`<!DOCTYPE svg [<!ENTITY a "/x.png?q="><!ENTITY b "%E5%BC%A0%E4%B8%89">]><svg><image href="&a;&b;"/></svg>`);
    // (the declarations' own strings are asked about too: read as CSS, they are strings)
    expect(asked).toContain(`https://cms.example${URL_WITH_TEXT}`);
  });

  it('a document with a DTD entity it cannot write out is refused', () => {
    expect(() => judged().judge.markupOrCss('<!DOCTYPE svg [<!ENTITY % p "x">]><svg/>')).toThrow(/DTD/);
  });

  it('the readings of one content: each URL asked about once, a picture only if one in every reading', () => {
    const { judge, asked } = judged();
    judge.markupOrCssReadings([`<img src="${URL_WITH_TEXT}">`, `<i style="background:url(${URL_WITH_TEXT})"></i>`, 'x']);
    expect(asked).toEqual([`https://cms.example${URL_WITH_TEXT}`]);
  });

  it('CSS alone is read too (a stylesheet blob has no markup)', () => {
    const { judge, asked } = judged();
    judge.markupOrCss(`body{background:url(${URL_WITH_TEXT})}`);
    expect(asked).toEqual([`https://cms.example${URL_WITH_TEXT}`]);
  });
});

describe("loadJudge: a blob: URL no hook saw made (a worker's) used as a stylesheet or document", () => {
  const WORKER_URL = 'blob:https://cms.example/0b1c';
  it('is read where it is used, its URLs asked about once, and not read or asked again on a second use', () => {
    const blobs = fakeBlobs({ [WORKER_URL]: `p{background:url(${URL_WITH_TEXT})}` });
    const { judge, asked } = judged(blobs);
    judge.url(WORKER_URL, 'stylesheet');
    judge.url(WORKER_URL, 'document');
    expect(blobs.reads).toEqual([WORKER_URL]);
    expect(asked).toEqual([`https://cms.example${URL_WITH_TEXT}`]);
  });
  it('as a picture it is not read (nothing in it loads)', () => {
    const blobs = fakeBlobs({ [WORKER_URL]: 'x' });
    judged(blobs).judge.url(WORKER_URL, 'other');
    expect(blobs.reads).toEqual([]);
  });
  it('one that cannot be read is refused on a covered page', () => {
    expect(() => judged().judge.url(WORKER_URL, 'stylesheet')).toThrow(/无法读取/);
  });
  it('a blob: URL in CSS text is a stylesheet use', () => {
    const blobs = fakeBlobs({ [WORKER_URL]: 'p{}' });
    judged(blobs).judge.css(`@import url("${WORKER_URL}");`);
    expect(blobs.reads).toEqual([WORKER_URL]);
  });
});

// Cache.add/addAll fetch a Request with its headers and referrer (hooks/urls.ts).
describe('loadJudge: a Request the browser fetches with headers', () => {
  it('is asked about with them, even when its URL could carry no text', () => {
    const win = globalThis as unknown as PageWindow;
    const asked: Outgoing[] = [];
    const channel = { askSync: (o: Outgoing) => (asked.push(o), { pass: false }), covered: () => true } as unknown as GuardChannel;
    const judge = loadJudge(win, channel, fakeBlobs({}));
    expect(() => judge.request('/p.png', [['content-language', '11010519491231002X']])).toThrow();
    expect(asked).toEqual([{ route: 'element-url', method: 'GET', url: 'https://cms.example/p.png', body: { kind: 'none' }, headers: [['content-language', '11010519491231002X']] }]);
  });

  it('without headers is a URL as any other: one that carries no text is not asked about', () => {
    const { judge, asked } = judged();
    judge.request('/p.png', []);
    judge.request(URL_WITH_TEXT, []);
    expect(asked).toEqual([`https://cms.example${URL_WITH_TEXT}`]);
  });
});
