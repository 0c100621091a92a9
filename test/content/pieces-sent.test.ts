/**
 * A draft a script sends in pieces, one request each: the gate reads each field with what it carried
 * to the same endpoint just before (lib/gate/recent-sends.ts, lib/gate/pieces-sent.ts).
 */
import { describe, expect, it } from 'vitest';
import { issueTicket } from '../../lib/gate/ticket';
import type { Outgoing } from '../../lib/gate/types';
import { pageGate } from './page-gate-fixture';

const ID = '11010519491231002X';
const DRAFT =
  '关于2026年第四季度城乡低保资金发放情况的公示。全县共发放低保资金一百二十万元，惠及困难群众三千余人，现予公示，接受社会监督。' +
  '城关镇发放四十万元，和平乡发放三十万元，青山镇发放五十万元。监督电话由县民政局另行公布，公示期七天。';
const SAVE = 'http://cms.test/admin/chunk.do';

const gate = (clock: { t: number }, draft = DRAFT) => pageGate(clock, draft);

const TITLE = '低保资金发放公示';
const piece = (content: string, url = SAVE, index = 0): Outgoing => ({
  route: 'fetch',
  method: 'POST',
  url,
  body: { kind: 'text', text: `title=${encodeURIComponent(TITLE)}&index=${index}&content=${encodeURIComponent(content)}`, contentType: 'application/x-www-form-urlencoded' },
});

/** The text cut into `n` pieces of (nearly) equal length. */
const cut = (text: string, n: number) => Array.from({ length: n }, (_, i) => text.slice(Math.round((i * text.length) / n), Math.round(((i + 1) * text.length) / n)));

describe('a number cut between two requests', () => {
  const notice = `申请人张三，身份证号 ${ID}，住址城关镇。`;
  const at = notice.indexOf(ID) + 9;
  const [a, b] = [notice.slice(0, at), notice.slice(at)];

  it('each piece alone holds no ID: the second is refused, the ID never leaves whole', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    expect(g.judge(piece(a, SAVE, 0)).pass).toBe(true);
    clock.t += 200;
    const v = g.judge(piece(b, SAVE, 1));
    expect(v).toMatchObject({ pass: false, reason: 'block-finding' });
    expect(JSON.stringify(v)).not.toContain(ID);
  });

  it('control: the same pieces to two endpoints, or half a minute apart, are two sendings', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    expect(g.judge(piece(a, SAVE)).pass).toBe(true);
    expect(g.judge(piece(b, 'http://cms.test/admin/other.do')).pass).toBe(true);
    const later = gate(clock);
    expect(later.judge(piece(a)).pass).toBe(true);
    clock.t += 31_000;
    expect(later.judge(piece(b)).pass).toBe(true);
  });

  it('a refused piece is not part of what left: the next piece is read after the last one that left', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    expect(g.judge(piece(`身份证号 ${ID}`)).pass).toBe(false);
    expect(g.judge(piece('城关镇和平村')).pass).toBe(true);
  });
});

describe('the draft sent in pieces', () => {
  it('unsigned: pieces pass until together they carry the draft; from then on refused, the checklist opens', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    const verdicts = cut(DRAFT, 6).map((p, i) => {
      clock.t += 100;
      return g.judge(piece(p, SAVE, i));
    });
    const first = verdicts.findIndex((v) => !v.pass);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(3);
    for (const v of verdicts.slice(first)) expect(v).toMatchObject({ pass: false, reason: 'needs-signoff', publish: true });
  });

  it('control: each piece judged alone (a fresh gate each time) is not the draft', () => {
    const clock = { t: 1000 };
    for (const p of cut(DRAFT, 6)) expect(gate(clock).judge(piece(p)).pass).toBe(true);
  });

  it('signed: every piece of the signed draft passes (the signed title with each), the last spends the release; sent again, refused', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    g.setTicket(issueTicket({ digest: 'd', body: DRAFT, fields: [{ name: 'title', value: TITLE }] }, clock.t, 60_000));
    const verdicts = cut(DRAFT, 6).map((p, i) => {
      clock.t += 100;
      return g.judge(piece(p, SAVE, i));
    });
    expect(verdicts.every((v) => v.pass)).toBe(true);
    expect(verdicts.map((v) => v.pass && v.usedTicket === true)).toEqual([false, false, false, false, false, true]);
    clock.t += 40_000;
    const again = cut(DRAFT, 6).map((p, i) => {
      clock.t += 100;
      return g.judge(piece(p, SAVE, i));
    });
    expect(again.some((v) => !v.pass)).toBe(true);
  });

  it('refused unsigned, signed off, sent again at once: the new sending passes, begun anew after the refused one', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    const send = () =>
      cut(DRAFT, 4).map((p, i) => {
        clock.t += 100;
        return g.judge(piece(p, SAVE, i));
      });
    expect(send().some((v) => !v.pass)).toBe(true);
    g.setTicket(issueTicket({ digest: 'd', body: DRAFT, fields: [{ name: 'title', value: TITLE }] }, clock.t, 60_000));
    const again = send();
    expect(again.map((v) => v.pass)).toEqual([true, true, true, true]);
    expect(again.at(-1)).toMatchObject({ usedTicket: true });
  });

  it('a body that opens with its title: the title sent with an edited piece does not make that piece a signed one', () => {
    const clock = { t: 1000 };
    const body = `${TITLE}\n${DRAFT}`;
    const g = gate(clock, body);
    g.setTicket(issueTicket({ digest: 'd', body, fields: [{ name: 'title', value: TITLE }] }, clock.t, 60_000));
    const pieces = cut(body, 4);
    pieces[3] = `${pieces[3]!}（另加的一句话）`;
    const verdicts = pieces.map((p, i) => {
      clock.t += 100;
      return g.judge(piece(p, SAVE, i));
    });
    expect(verdicts.map((v) => v.pass)).toEqual([true, true, true, false]);
  });

  it('signed, but a piece differs from the signed text: refused', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    g.setTicket(issueTicket({ digest: 'd', body: DRAFT, fields: [] }, clock.t, 60_000));
    const pieces = cut(DRAFT, 6);
    pieces[2] = `${pieces[2]!}（另加的一句话）`;
    const verdicts = pieces.map((p, i) => {
      clock.t += 100;
      return g.judge(piece(p, SAVE, i));
    });
    expect(verdicts.some((v) => !v.pass)).toBe(true);
  });
});

describe('long pieces', () => {
  it('an ID cut between two pieces of 100,000 characters is found across the join', () => {
    const clock = { t: 1000 };
    const g = gate(clock);
    const filler = '城关镇和平村委会'.repeat(12_500);
    expect(g.judge(piece(`${filler}身份证号 ${ID.slice(0, 9)}`)).pass).toBe(true);
    expect(g.judge(piece(`${ID.slice(9)}，${filler}`))).toMatchObject({ pass: false, reason: 'block-finding' });
  });
});
