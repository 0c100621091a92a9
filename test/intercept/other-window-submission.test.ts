// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://cms.example/admin/list.html"}
import { describe, expect, it } from 'vitest';
import type { Outgoing, RefuseReason, Verdict } from '../../lib/gate/types';
import type { NavigationJudge } from '../../lib/intercept/isolated/navigation';
import { submitCall } from '../../lib/intercept/isolated/other-window-submission';

/** A judge whose verdict is `decide`'s, recording what it was asked and what it reported. */
function judgeBy(decide: (o: Outgoing) => RefuseReason | null) {
  const asked: Outgoing[] = [];
  const reported: Outgoing[] = [];
  const verdict = (o: Outgoing): Verdict => {
    const reason = decide(o);
    return reason ? { pass: false, reason, publish: true, findings: [] } : { pass: true, reason: 'clean' };
  };
  const judge: NavigationJudge = {
    peek: (o) => (asked.push(o), verdict(o)),
    judge: (o) => (reported.push(o), verdict(o)),
    control: () => undefined,
  };
  return { judge, asked, reported };
}

function form(action: string, fields = '<input name="ids" value="43">'): HTMLFormElement {
  document.body.innerHTML = `<form method="post" action="${action}">${fields}</form>`;
  return document.querySelector('form')!;
}

describe('submitCall: a submission aimed at another window, while it can be cancelled', () => {
  it.each<[string, RefuseReason | null, string]>([
    ['its URL carries a block finding or the draft: refused now, whatever the entries', 'block-finding', 'refuse'],
    ['its URL carries the draft unsigned', 'needs-signoff', 'refuse'],
    ['its URL names unsigned items: the entries may change that (judged after the form’s listeners)', 'unsigned-items', 'by-entries'],
    ['a publish URL naming no item', 'no-item-ids', 'by-entries'],
    ['its URL passes: the entries are judged as the browser builds them', null, 'let-go'],
  ])('%s', (_what, reason, call) => {
    const { judge, reported } = judgeBy(() => reason);
    expect(submitCall(window, judge, form('cmsContent/check?ids=43'), null, true)).toBe(call);
    expect(reported.length).toBe(call === 'refuse' ? 1 : 0);
  });

  it('a GET is asked without its query (that is its entries, judged with them)', () => {
    const { judge, asked } = judgeBy(() => null);
    const f = form('search.php?q=old');
    f.method = 'get';
    submitCall(window, judge, f, null, true);
    expect(asked[0]!.url).toBe('https://cms.example/admin/search.php');
  });

  it('one aimed at this window is left to its navigate event', () => {
    const { judge, asked } = judgeBy(() => 'unsigned-items');
    expect(submitCall(window, judge, form('publish.php?ids=43'), null, false)).toBe('let-go');
    expect(asked).toEqual([]);
  });
});
