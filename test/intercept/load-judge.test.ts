// @vitest-environment happy-dom
import { Window as HappyWindow } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { Outgoing } from '../../lib/gate/types';
import type { GuardChannel } from '../../lib/intercept/main/channel';
import { loadJudge } from '../../lib/intercept/main/hooks/load-judge';

type PageWindow = Window & typeof globalThis;

/** A judge whose channel passes everything and records each URL it is asked about. */
function judged(): { judge: ReturnType<typeof loadJudge>; asked: string[] } {
  const win = new HappyWindow({ url: 'https://cms.example/admin/' }) as unknown as PageWindow;
  const asked: string[] = [];
  const channel = {
    askSync: (o: Outgoing) => {
      asked.push(o.url);
      return { pass: true };
    },
    covered: () => true,
  } as unknown as GuardChannel;
  return { judge: loadJudge(win, channel), asked };
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

  it('CSS alone is read too (a stylesheet blob has no markup)', () => {
    const { judge, asked } = judged();
    judge.markupOrCss(`body{background:url(${URL_WITH_TEXT})}`);
    expect(asked).toEqual([`https://cms.example${URL_WITH_TEXT}`]);
  });
});
