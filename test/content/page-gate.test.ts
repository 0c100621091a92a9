/**
 * The page's gate spends a release ticket once — but a submission the guard let out before it left
 * (form.submit(), a form aimed at a frame) reaches the gate a second time as the navigation that
 * carries it out: that navigation is the same request, not a second one.
 */
import { describe, expect, it, vi } from 'vitest';
import { issueTicket } from '../../lib/gate/ticket';
import { seededBytes } from '../gate/seeded-bytes';
import { pageGate } from './page-gate-fixture';
import type { Outgoing } from '../../lib/gate/types';
import { shownEndpoint } from '../../lib/gate/shown-endpoint';

const DRAFT = '关于2026年第四季度城乡低保资金发放情况的公示。全县共发放低保资金一百二十万元，惠及困难群众三千余人，现予公示，接受社会监督。';
const URL_ = 'http://cms.test/admin/save.do';

function gate(clock: { t: number }) {
  const g = pageGate(clock, DRAFT);
  // the form's title field held the title the requests below send
  g.setTicket(issueTicket({ digest: 'd', body: DRAFT, fields: [], beside: ['城关镇低保资金发放情况'] }, clock.t, 60_000));
  return g;
}

const submission = (route: Outgoing['route'], content = DRAFT, url = URL_, navigatesHere?: boolean): Outgoing => ({
  route,
  method: 'POST',
  url,
  body: { kind: 'entries', entries: [['title', '公示'], ['content', content]] },
  navigatesHere,
});
const released = (route: Outgoing['route']) => submission(route, DRAFT, URL_, true);

describe('PageGate release ticket', () => {
  it('a question through the frame relay (page code can call it) never spends the ticket', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    expect(g.judge({ ...submission('fetch'), relayed: true })).toMatchObject({ pass: false, reason: 'needs-signoff' });
    expect(g.judge(submission('fetch'))).toMatchObject({ pass: true, usedTicket: true });
  });

  it("a question through the relay spends the ticket only when it carries this load's relay key (another window's gate asks, not page code)", () => {
    const clock = { t: 1000 };
    const keyed = pageGate(clock, DRAFT, null, 'k'.repeat(32));
    keyed.setTicket(issueTicket({ digest: 'd', body: DRAFT, fields: [] }, clock.t, 60_000));
    const relayed = (relayKey?: string): Outgoing => ({ ...submission('fetch'), relayed: true, ...(relayKey !== undefined && { relayKey }) });
    expect(keyed.answer(relayed())).toMatchObject({ pass: false });
    expect(keyed.answer(relayed('j'.repeat(32)))).toMatchObject({ pass: false });
    // a peek is honoured with the key only: it passes and spends nothing; without the key it is a judge that cannot release
    expect(keyed.answer({ ...relayed(), relayPeek: true })).toMatchObject({ pass: false });
    expect(keyed.answer({ ...relayed('k'.repeat(32)), relayPeek: true })).toMatchObject({ pass: true });
    expect(keyed.answer({ ...relayed('k'.repeat(32)), relayPeek: true })).toMatchObject({ pass: true });
    expect(keyed.answer(relayed('k'.repeat(32)))).toEqual({ pass: true, released: true });
    expect(keyed.answer(relayed('k'.repeat(32)))).toMatchObject({ pass: false });
    // before the background has handed the key over, no key a question brings is taken
    const unkeyed = gate(clock);
    expect(unkeyed.answer(relayed('k'.repeat(32)))).toMatchObject({ pass: false });
    expect(unkeyed.answer(relayed(''))).toMatchObject({ pass: false });
    expect(unkeyed.answer(submission('fetch'))).toEqual({ pass: true, released: true });
  });

  it("how a released request ended, told through the relay: taken with this load's key only, and no question judged", () => {
    const clock = { t: 1000 };
    const told = vi.fn();
    const keyed = pageGate(clock, DRAFT, null, 'k'.repeat(32), told);
    keyed.setTicket(issueTicket({ digest: 'd', body: DRAFT, fields: [] }, clock.t, 60_000));
    const outcome = { route: 'fetch', endpoint: '/sink/r/fetch-frame', status: 200 };
    const carrier = (relayKey?: string): Outgoing => ({ route: 'fetch', method: 'GET', url: '/sink/r/fetch-frame', body: { kind: 'none' }, relayed: true, relayOutcome: outcome, ...(relayKey !== undefined && { relayKey }) });
    // page code without the key: judged as the plain GET it looks like, nothing recorded
    keyed.answer(carrier());
    keyed.answer(carrier('j'.repeat(32)));
    expect(told).not.toHaveBeenCalled();
    expect(keyed.answer(carrier('k'.repeat(32)))).toEqual({ pass: true });
    expect(told).toHaveBeenCalledTimes(1);
    expect(told).toHaveBeenCalledWith(outcome);
    // the ticket is still there for the submission itself
    expect(keyed.answer({ ...submission('fetch'), relayed: true, relayKey: 'k'.repeat(32) })).toEqual({ pass: true, released: true });
  });

  it('form.submit() released by the guard: its navigation passes once, a second submission does not', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    expect(g.judge(released('form.submit')).pass).toBe(true);
    clock.t += 50;
    expect(g.judge(submission('form'))).toMatchObject({ pass: true });
    expect(g.judge(submission('form'))).toMatchObject({ pass: false, reason: 'needs-signoff' });
    expect(g.judge(submission('form.submit'))).toMatchObject({ pass: false, reason: 'needs-signoff' });
  });

  it('the follow-up navigation must be the same request: another URL, other content or too late is refused', () => {
    for (const [o, wait] of [
      [submission('form', DRAFT, 'http://cms.test/admin/other.do'), 50],
      [submission('form', `${DRAFT}另加一句。`), 50],
      [submission('form'), 10_000],
    ] as const) {
      const clock = { t: 1000 };
      const g = gate(clock);
      expect(g.judge(released('form.submit')).pass).toBe(true);
      clock.t += wait;
      expect(g.judge(o).pass).toBe(false);
    }
  });

  it('a form aimed at a frame, judged on its entry list: the frame\'s navigation passes once', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    expect(g.judge(released('form')).pass).toBe(true);
    expect(g.judge(submission('form')).pass).toBe(true);
    expect(g.judge(submission('form')).pass).toBe(false);
  });

  it('a submission into a new window leaves no follow-up behind: a repeat is refused', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    expect(g.judge(submission('form.submit', DRAFT, URL_, false)).pass).toBe(true);
    expect(g.judge(submission('form')).pass).toBe(false);
  });

  it('a fetch after a released fetch is refused (no follow-up for requests that are not submissions)', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    expect(g.judge(submission('fetch')).pass).toBe(true);
    expect(g.judge(submission('fetch')).pass).toBe(false);
    expect(g.judge(submission('form')).pass).toBe(false);
  });
});

describe('PageGate hold for teaching', () => {
  it('holds every request while held, the signed one too, without spending the ticket; shows each; lets go on stop', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    const seen: string[] = [];
    const stop = g.holdForTeaching((o) => seen.push(`${o.method} ${o.url}`));
    const search: Outgoing = { route: 'navigation', method: 'GET', url: 'http://cms.test/list.php?kw=1', body: { kind: 'none' } };
    expect(g.judge(search)).toMatchObject({ pass: false, reason: 'teaching' });
    expect(g.judge(submission('fetch'))).toMatchObject({ pass: false, reason: 'teaching' });
    expect(g.peek(submission('form'))).toMatchObject({ pass: false, reason: 'teaching' });
    expect(seen).toEqual(['GET http://cms.test/list.php?kw=1', `POST ${URL_}`]);
    stop();
    expect(g.judge(search).pass).toBe(true);
    expect(g.judge(submission('fetch'))).toMatchObject({ pass: true, usedTicket: true });
  });
});

describe('PageGate and what Web Crypto encrypts', () => {
  const text = JSON.stringify({ title: '城关镇低保资金发放情况', content: `<p>${DRAFT}</p>` });
  const encrypt = (plaintext: string): Outgoing => ({ route: 'encrypt', method: 'ENCRYPT', url: 'crypto:encrypt', body: { kind: 'text', text: plaintext } });
  const sealedPost = (bytes: number): Outgoing => ({
    route: 'fetch',
    method: 'POST',
    url: 'http://cms.test/api/article/save',
    body: { kind: 'text', text: seededBytes(`sealed ${bytes}`, bytes).toString('base64'), contentType: 'text/plain' },
  });
  const plaintextBytes = Buffer.byteLength(text);

  it('the signed draft encrypted spends the release; its ciphertext then leaves once, a second is refused', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    expect(g.judge(encrypt(text))).toMatchObject({ pass: true, usedTicket: true });
    expect(g.judge(sealedPost(plaintextBytes + 16))).toMatchObject({ pass: true, reason: 'encrypted-judged' });
    expect(g.judge(sealedPost(plaintextBytes + 16))).toMatchObject({ pass: false, reason: 'sealed-body' });
  });

  it('ciphertext of a size no judged encryption made is held as the draft it could be', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    g.setTicket(null);
    expect(g.judge(encrypt(text))).toMatchObject({ pass: false, reason: 'needs-signoff' });
    expect(g.judge(sealedPost(plaintextBytes + 16))).toMatchObject({ pass: false, reason: 'sealed-body' });
  });

  it('a clean payload that is not the draft encrypts, and its ciphertext leaves', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    g.setTicket(null);
    const token = JSON.stringify({ user: 'zhangsan', refresh: 'x'.repeat(120), at: 1733300000 });
    expect(g.judge(encrypt(token))).toMatchObject({ pass: true });
    expect(g.judge(sealedPost(Buffer.byteLength(token) + 16))).toMatchObject({ pass: true, reason: 'encrypted-judged' });
  });
});

describe('what the page\'s own error path is told', () => {
  const g = () => pageGate({ t: 1000 }, DRAFT);
  const autosave = (content: string): Outgoing => ({ route: 'xhr', method: 'POST', url: 'http://cms.test/article/autosave', body: { kind: 'entries', entries: [['content', content]] } });

  it('a clean draft to an undeclared autosave is held for want of a sign-off, not for sensitive content', () => {
    const a = g().answer(autosave(DRAFT));
    expect(a).toMatchObject({ pass: false });
    expect(!a.pass && a.message).toBe('发布前预检：这次保存带着稿件正文，未经签发，已阻止');
  });

  it('a draft save holding an ID says it holds content to handle; a publish says it needs the sign-off', () => {
    const withId = g().answer(autosave(`${DRAFT}身份证号11010519491231002X`));
    expect(!withId.pass && withId.message).toBe('发布前预检：此请求含有须处理的敏感信息，已阻止');
    const publish = g().answer(submission('fetch'));
    expect(!publish.pass && publish.message).toBe('发布前预检：发布须先完成检查清单并由审核人签发，已阻止');
  });

  it('a request held while teach mode is shown the CMS\'s buttons says so, and is shown to teach mode', () => {
    const gate = g();
    const shown: string[] = [];
    const stop = gate.holdForTeaching((o) => shown.push(o.url));
    const a = gate.answer(submission('fetch'));
    expect(!a.pass && a.message).toBe('发布前预检：正在教 Precheck 认识此页面，请求已拦下，没有发出');
    expect(shown).toHaveLength(1);
    stop();
    // after the hold: judged as any publish again, and no longer shown to teach mode
    expect(gate.answer(submission('fetch')).pass).toBe(false);
    expect(shown).toHaveLength(1);
  });
});

describe('PageGate: a released fetch aborted while it was judged never left', () => {
  it('gives the release back for the retry, once, and only for where that request went', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    expect(g.judge(submission('fetch'))).toMatchObject({ pass: true, usedTicket: true });
    expect(g.giveBack('http://cms.test/elsewhere')).toBe(false);
    expect(g.giveBack(shownEndpoint(URL_))).toBe(true);
    expect(g.giveBack(shownEndpoint(URL_))).toBe(false);
    expect(g.judge(submission('fetch'))).toMatchObject({ pass: true, usedTicket: true });
    expect(g.judge(submission('fetch'))).toMatchObject({ pass: false, reason: 'needs-signoff' });
  });
});
