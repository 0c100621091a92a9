/**
 * A window with a gate of its own (one the page opened; in Firefox, any frame) asks its page's gate
 * first: the page's gate knows the draft, the window's own does not (it let the clean draft out
 * unsigned). Two real gates: the editor's page and the window it opened, which has no draft.
 */
import { describe, expect, it } from 'vitest';
import type { PageGate } from '../../lib/content/gate/page-gate';
import { issueTicket } from '../../lib/gate/ticket';
import type { Outgoing, Verdict } from '../../lib/gate/types';
import { pageGate } from './page-gate-fixture';

const DRAFT = '关于2026年第四季度城乡低保资金发放情况的公示。全县共发放低保资金一百二十万元，惠及困难群众三千余人，现予公示，接受社会监督。';
const URL_ = 'http://cms.test/admin/save.do';
const ID = '11010519491231002X';
const file = { name: 'upfile', filename: '名单.xlsx', type: 'application/vnd.ms-excel', size: 10, key: 'k1' };

const post = (entries: Extract<Outgoing['body'], { kind: 'entries' }>['entries'], url = URL_): Outgoing => ({ route: 'fetch', method: 'POST', url, body: { kind: 'entries', entries } });

function windows(clock = { t: 1000 }) {
  const editor = pageGate(clock, DRAFT);
  const judged: Verdict[] = [];
  editor.onJudged((_o, v) => judged.push(v));
  const opened = pageGate(clock, '', editor);
  return { clock, editor, opened, judged };
}

const sign = (g: PageGate, clock: { t: number }) => g.setTicket(issueTicket({ digest: 'd', body: DRAFT, fields: [] }, clock.t, 60_000));

describe("a window's own gate asks its page's first", () => {
  it('the page\'s clean draft, unsigned: held, and the refusal is the page\'s to list', () => {
    const { opened, judged } = windows();
    expect(opened.judge(post([['content', DRAFT]]))).toMatchObject({ pass: false, reason: 'needs-signoff' });
    expect(opened.peek(post([['content', DRAFT]]))).toMatchObject({ pass: false });
    expect(judged).toEqual([expect.objectContaining({ pass: false, reason: 'needs-signoff' })]);
  });

  it('signed in the page: exactly one send from the opened window passes', () => {
    const { clock, editor, opened } = windows();
    sign(editor, clock);
    expect(opened.judge(post([['content', DRAFT]])).pass).toBe(true);
    expect(opened.judge(post([['content', DRAFT]])).pass).toBe(false);
  });

  it('a send the page released says so (its guard then reports how it ended), and its endpoint is the page\'s to record once', () => {
    const { clock, editor, opened } = windows();
    sign(editor, clock);
    expect(opened.judge(post([['content', DRAFT]]))).toMatchObject({ pass: true, usedTicket: true });
    expect(opened.takePageRelease('/admin/other.do')).toBe(false);
    expect(opened.takePageRelease('/admin/save.do')).toBe(true);
    expect(opened.takePageRelease('/admin/save.do')).toBe(false);
    // a send the page let through without a release (a search) is the window's own
    expect(opened.judge({ route: 'fetch', method: 'GET', url: 'http://cms.test/admin/search?q=低保', body: { kind: 'none' } })).not.toHaveProperty('usedTicket');
    expect(opened.takePageRelease('/admin/search')).toBe(false);
  });

  it('an async request waits until the window can ask for a release (Firefox: the relay key has come)', async () => {
    const clock = { t: 1000 };
    const editor = pageGate(clock, DRAFT);
    sign(editor, clock);
    let keyCame = () => {};
    const ready = new Promise<void>((r) => (keyCame = r));
    let asked = 0;
    const opened = pageGate(clock, '', {
      judge: (o) => (asked++, editor.judge(o)),
      peek: (o) => (asked++, editor.peek(o)),
      ready: () => ready,
    });
    const answer = opened.answerAsync(post([['content', DRAFT]]), []);
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toBe(0);
    keyCame();
    expect(await answer).toEqual({ pass: true, released: true });
    expect(asked).toBe(2);
  });

  it("the page's release is spent only when the window's own gate lets the request out too", () => {
    const { clock, editor, opened } = windows();
    sign(editor, clock);
    // held by the window (a file not read yet): the page's release stays for the send that follows
    expect(opened.judge(post([['content', DRAFT], ['upfile', file]]))).toMatchObject({ pass: false, reason: 'file-pending' });
    expect(opened.judge(post([['content', DRAFT]])).pass).toBe(true);
    expect(opened.judge(post([['content', DRAFT]])).pass).toBe(false);
  });

  it('what the page does not hold is the window\'s own to judge: an ID refused, a search let through', () => {
    const { opened } = windows();
    expect(opened.judge(post([['q', `身份证号 ${ID}`]]))).toMatchObject({ pass: false, reason: 'block-finding' });
    expect(opened.judge({ route: 'fetch', method: 'GET', url: 'http://cms.test/admin/search?q=低保', body: { kind: 'none' } }).pass).toBe(true);
  });

  it('the page is asked without the files (the window reads them): a file it never saw does not hold the upload', () => {
    const { opened, judged } = windows();
    // the window's own gate knows no file either: it holds the upload as not read yet, the page lists nothing
    expect(opened.judge(post([['title', '图片'], ['upfile', file]]))).toMatchObject({ pass: false, reason: 'file-pending' });
    expect(judged).toEqual([]);
  });
});
