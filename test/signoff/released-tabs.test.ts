import { describe, expect, it } from 'vitest';
import { ReleasedTabs } from '../../lib/signoff/released-tabs';

describe('an item id from the save response of a released publish', () => {
  const at = (t: { v: number }) => new ReleasedTabs(() => t.v);

  it.each([
    ['the released tab, its site, within a minute', 7, 'http://cms.test', 59_000, true],
    ['another tab', 8, 'http://cms.test', 1_000, false],
    ['another site', 7, 'http://other.test', 1_000, false],
    ['after a minute', 7, 'http://cms.test', 61_000, false],
  ] as const)('%s → %s', (_what, tab, origin, later, want) => {
    const t = { v: 1_000 };
    const tabs = at(t);
    tabs.released(7, 'http://cms.test');
    t.v += later;
    expect(tabs.take(tab, origin)).toBe(want);
  });

  it('is taken once per release', () => {
    const t = { v: 0 };
    const tabs = at(t);
    tabs.released(7, 'http://cms.test');
    expect(tabs.take(7, 'http://cms.test')).toBe(true);
    expect(tabs.take(7, 'http://cms.test')).toBe(false);
  });
});

describe('an item id from the page a released form post leads to', () => {
  const origin = 'http://cms.test';
  type Take = [from: 'page' | 'response', taken: boolean];

  it.each<[string, string | null, Take[]]>([
    // the list the CMS jumps to next names other items: nothing more is taken
    ['the first page loaded after a navigating release, and only it', origin, [['page', true], ['page', false]]],
    ['a release that went out by fetch/XHR: its response answers, not a page', null, [['page', false], ['response', true]]],
    ['a release that left as a navigation: not a response', origin, [['response', false], ['page', true]]],
    ['a navigation reported for another site changes nothing', 'http://other.test', [['page', false], ['response', true]]],
  ])('%s', (_what, navigatedOn, takes) => {
    const tabs = new ReleasedTabs(() => 0);
    tabs.released(7, origin);
    if (navigatedOn) tabs.navigated(7, navigatedOn);
    expect(takes.map(([from]) => tabs.take(7, origin, from))).toEqual(takes.map(([, taken]) => taken));
  });
});
