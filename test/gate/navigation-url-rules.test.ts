import { describe, expect, it } from 'vitest';
import { NAVIGATION_NUMBER_PATTERN, NAVIGATION_RULE_PRIORITY, navigationUrlRules } from '../../lib/gate/navigation-url-rules';
import { LIFT_PRIORITY } from '../../lib/gate/startup-rules';

/** RE2 reads this pattern as JavaScript does (no look-around, no back-references): one table for both. */
const refused = (url: string) => new RegExp(NAVIGATION_NUMBER_PATTERN, 'i').test(url);
const CMS = 'http://cms.county.gov.cn:8080';

describe('a frame or window sent to a URL carrying a personal number: refused', () => {
  it.each([
    ['an ID in the query', '/sink/r/x?content=11010519491231002X'],
    ['an ID with a lower-case x', '/x?content=11010519491231002x'],
    ['an ID of 18 digits', '/x?id=110105194912310021'],
    ['an ID at the end of the URL', '/x?id=110105200001010021'],
    ['an ID after Chinese text (an encoded byte ending in a digit)', '/x?content=%E4%B8%8011010519491231002X'],
    ['an ID after Chinese text (form-encoded)', '/x?content=%E6%9D%8E%E5%9B%9B11010519491231002X%E3%80%82'],
    ['an ID in the path', '/view/11010519491231002X'],
    ['an ID after a space (+)', '/x?q=%E8%BA%AB%E4%BB%BD%E8%AF%81+11010519491231002X'],
  ])('%s', (_name, path) => {
    expect(refused(CMS + path)).toBe(true);
  });
});

describe('frames and windows a CMS opens all day: they load', () => {
  it.each([
    ['an article by id', '/admin/article/edit?id=42'],
    ['a 19-digit snowflake id', '/admin/article/edit/1732412345678901234'],
    ['an 18-digit id that is no ID (no birth date)', '/admin/item?id=123456789012345678'],
    ['a 13-digit timestamp', '/admin/frame.jsp?_=1733212800123'],
    ['a 10-digit timestamp', '/admin/frame.jsp?t=1733212800'],
    ['a date-time stamp', '/admin/frame.jsp?v=20241203114815123'],
    ['Chinese search words', '/admin/search?kw=%E4%BD%8E%E4%BF%9D%E5%85%AC%E7%A4%BA'],
    ['a 12-digit number', '/admin/item?id=138001380001'],
    ['a 17-digit run', '/admin/item?id=11010519491231002'],
    ['an ID glued to one more digit (19 long)', '/admin/item?id=1101051949123100210'],
    ['a member or message search by mobile (a warning for the page gate, not a block)', '/admin/member/list?mobile=13800138000'],
  ])('%s', (_name, path) => {
    expect(refused(CMS + path)).toBe(false);
  });
});

describe('the rule', () => {
  it('covers frames and windows opened from the covered hosts, above the startup lift', () => {
    const [rule] = navigationUrlRules(['http://cms.a.gov.cn:8080/*', 'https://*.b.gov.cn/*']);
    expect(rule!.condition.resourceTypes).toEqual(['sub_frame', 'main_frame']);
    expect(rule!.condition.initiatorDomains).toEqual(['b.gov.cn', 'cms.a.gov.cn']);
    expect(rule!.condition.isUrlFilterCaseSensitive).toBe(false);
    expect(NAVIGATION_RULE_PRIORITY).toBeGreaterThan(LIFT_PRIORITY);
  });

  it('is not made without covered hosts', () => {
    expect(navigationUrlRules([])).toEqual([]);
  });
});
