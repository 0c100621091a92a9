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

  it('is taken from the first page loaded after a navigating release, and only from it', () => {
    const tabs = new ReleasedTabs(() => 0);
    tabs.released(7, origin);
    tabs.navigated(7, origin);
    expect(tabs.take(7, origin, 'page')).toBe(true);
    // the list the CMS jumps to next names other items: nothing more is taken
    expect(tabs.take(7, origin, 'page')).toBe(false);
  });

  it('is not taken from a page when the release went out by fetch/XHR (its response answers)', () => {
    const tabs = new ReleasedTabs(() => 0);
    tabs.released(7, origin);
    expect(tabs.take(7, origin, 'page')).toBe(false);
    expect(tabs.take(7, origin, 'response')).toBe(true);
  });

  it('is not taken from a response once the release left as a navigation', () => {
    const tabs = new ReleasedTabs(() => 0);
    tabs.released(7, origin);
    tabs.navigated(7, origin);
    expect(tabs.take(7, origin, 'response')).toBe(false);
    expect(tabs.take(7, origin, 'page')).toBe(true);
  });

  it('a navigation reported for another site changes nothing', () => {
    const tabs = new ReleasedTabs(() => 0);
    tabs.released(7, origin);
    tabs.navigated(7, 'http://other.test');
    expect(tabs.take(7, origin, 'page')).toBe(false);
    expect(tabs.take(7, origin, 'response')).toBe(true);
  });
});
