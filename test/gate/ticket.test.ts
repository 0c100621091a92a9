import { describe, expect, it } from 'vitest';
import { decodeOutgoing } from '../../lib/gate/decode';
import { issueTicket, matchesTicket } from '../../lib/gate/ticket';
import type { Entry } from '../../lib/gate/types';

const body = '关于2026年第四季度城乡低保资金发放情况的公示。\n全县共发放低保资金 120 万元。';
const ticket = issueTicket({ digest: 'd', body, fields: [{ name: 'info[title]', value: '低保公示' }] }, 1000, 5000);
const post = (entries: Entry[]) => decodeOutgoing({ route: 'form', method: 'POST', url: 'http://cms.test/save', body: { kind: 'entries', entries } });

describe('matchesTicket', () => {
  it('the signed content as the editor submits it (HTML) matches', () => {
    const html = '<p>关于2026年第四季度城乡低保资金发放情况的公示。</p><p>全县共发放低保资金&nbsp;120&nbsp;万元。</p>';
    expect(matchesTicket(ticket, post([['info[title]', '低保公示'], ['content', html]]), 2000)).toBe(true);
  });
  it('an edited body does not', () => {
    expect(matchesTicket(ticket, post([['content', body.replace('120', '130')]]), 2000)).toBe(false);
  });
  it('a body with something added does not', () => {
    expect(matchesTicket(ticket, post([['content', `${body}<p>附：名单</p>`]]), 2000)).toBe(false);
  });
  it('a changed signed field does not', () => {
    expect(matchesTicket(ticket, post([['info[title]', '低保公示（修订）'], ['content', body]]), 2000)).toBe(false);
  });
  it('an expired ticket does not', () => {
    expect(matchesTicket(ticket, post([['content', body]]), 7000)).toBe(false);
  });
});

describe('matchesTicket: what the request carries beside the signed body', () => {
  const UNSIGNED = '未经审核签发的补充说明第二段落内容';
  const signed = issueTicket(
    { digest: 'd', body, fields: [{ name: 'info[title]', value: '低保公示' }], beside: ['张三', '本站原创', '\n公示附图\n/uploads/2026/a.png\n'] },
    1000,
    5000,
  );
  const get = (url: string, entries: Entry[]) => decodeOutgoing({ route: 'fetch', method: 'POST', url, body: { kind: 'entries', entries } });
  const cases: [label: string, entries: Entry[], url: string, matches: boolean][] = [
    ['ids, tokens, flags and dates beside it', [['content', body], ['id', '42'], ['pc_hash', 'a9f3c0d1'], ['status', '99'], ['inputtime', '2026-12-07 09:30']], 'http://cms.test/save', true],
    ['a summary the CMS cut from the body', [['content', body], ['description', '关于2026年第四季度城乡低保资金发放情况的公示']], 'http://cms.test/save', true],
    ['keywords cut from the body, comma separated', [['content', body], ['keywords', '低保资金，公示,第四季度']], 'http://cms.test/save', true],
    ['the author and source the form held at the sign-off', [['content', body], ['author', '张三'], ['copyfrom', '本站原创']], 'http://cms.test/save', true],
    ['an author the form did not hold', [['content', body], ['author', '王五']], 'http://cms.test/save', false],
    ['a summary with words no one signed', [['content', body], ['summary', UNSIGNED]], 'http://cms.test/save', false],
    ['a second title with words no one signed', [['info[title]', '低保公示'], ['info[title]', UNSIGNED], ['content', body]], 'http://cms.test/save', false],
    ['words no one signed in the query', [['content', body]], `http://cms.test/save?memo=${encodeURIComponent(UNSIGNED)}`, false],
    ['words no one signed in an HTML comment after the body', [['content', `<p>${body}</p><!-- ${UNSIGNED} -->`]], 'http://cms.test/save', false],
    ["words no one signed in a span's title around the body", [['content', `<span title="${UNSIGNED}">${body}</span>`]], 'http://cms.test/save', false],
    ["an image's alt the editor's markup held at the sign-off", [['content', `<p>${body}</p><img src="/uploads/2026/a.png" alt="公示附图">`]], 'http://cms.test/save', true],
    ["an image's alt it did not hold", [['content', `<p>${body}</p><img src="/uploads/2026/a.png" alt="另一张图">`]], 'http://cms.test/save', false],
    ['a Latin-letter note beside it (a value, not prose)', [['content', body], ['note', 'draft-v2 ok']], 'http://cms.test/save', true],
  ];
  it.each(cases)('%s', (_label, entries, url, matches) => {
    expect(matchesTicket(signed, get(url, entries), 2000)).toBe(matches);
  });
});
