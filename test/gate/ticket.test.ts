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
