import { describe, expect, it } from 'vitest';
import { SCRIPT_TEXT_PATTERN } from '../../lib/gate/script-text-pattern';
import { SCRIPT_RULE_PRIORITY, scriptUrlRules } from '../../lib/gate/script-url-rules';
import { LIFT_PRIORITY } from '../../lib/gate/startup-rules';

/** RE2 reads this pattern as JavaScript does (no look-around, no back-references): one table for both. */
const refused = (url: string) => new RegExp(SCRIPT_TEXT_PATTERN, 'i').test(url);
const CMS = 'http://cms.county.gov.cn:8080';

describe('script URLs that can only be carrying text out: refused', () => {
  it.each([
    ['an ID in the query', '/x.js?content=11010519491231002X'],
    ['an ID with a lower-case x', '/x.js?content=11010519491231002x'],
    ['an ID of 18 digits', '/x.js?content=110105194912310021'],
    ['an ID from a province coded 2x', '/x.js?id=210102199001011234'],
    ['an old 15-digit ID', '/x.js?id=110105491231002'],
    ['a mobile', '/x.js?tel=13800138000'],
    ['a mobile before another parameter', '/x.js?tel=13800138000&v=1'],
    ['a mobile in a list', '/x.js?ids=1,13800138000'],
    ['a bank card', '/x.js?card=6222021234567890123'],
    ['an ID in the path', '/x/11010519491231002X.js'],
    ['after an encoded =', '/x.js?q=id%3D11010519491231002X'],
    ['after an encoded space', '/x.js?q=%2013800138000'],
    ['Chinese text, UTF-8', '/x.js?content=%E7%8E%8B%E4%B8%BD'],
    ['Chinese text, GBK', '/x.js?content=%CD%F5%C0%F6'],
    ['lower-case percent-encoding', '/x.js?content=%e7%8e%8b'],
    // the price of refusing the shape: a long item id (a snowflake id) in a script URL
    ['a 19-digit item id', '/api/item.js?id=1732412345678901234'],
  ])('%s', (_name, path) => {
    expect(refused(CMS + path)).toBe(true);
  });
});

describe('script loads a CMS makes all day: they load', () => {
  it.each([
    ['no query', '/lib/a.js'],
    ['a version number', '/lib/a.js?v=3'],
    ['a version string', '/lib/a.js?v=1.2.3'],
    ['a date', '/lib/a.js?v=20241203'],
    ['a timestamp in seconds (10 digits)', '/lib/a.js?t=1733212800'],
    ['a timestamp in milliseconds (13 digits)', '/lib/a.js?_=1733212800123'],
    ['yyyyMMddHHmmss (14 digits)', '/lib/a.js?v=20241203153000'],
    ['yyyyMMddHHmmssSSS (17 digits)', '/lib/a.js?v=20241203153000123'],
    ['Math.random()', '/lib/a.js?r=0.8234567890123456'],
    ['a jQuery JSONP callback', '/api/list?callback=jQuery37101234567890123456_1733212800123&_=1733212800124'],
    ['an encoded space (ASCII)', '/lib/my%20file.js'],
    ['a short id', '/api/item.js?id=42'],
    ['12 digits', '/api/item.js?id=123456789012'],
  ])('%s', (_name, path) => {
    expect(refused(CMS + path)).toBe(false);
  });

  it('the host and port never count', () => {
    expect(refused('http://10.12.3.4:8080/lib/a.js')).toBe(false);
  });
});

describe('the rule', () => {
  it('refuses script requests from the CMS pages (and their workers) only, above the startup lift', () => {
    const [rule] = scriptUrlRules(['https://cms.county.gov.cn/*']);
    expect(rule!.condition).toMatchObject({ resourceTypes: ['script'], initiatorDomains: ['cms.county.gov.cn'], isUrlFilterCaseSensitive: false });
    expect(rule!.action.type).toBe('block');
    expect(SCRIPT_RULE_PRIORITY).toBeGreaterThan(LIFT_PRIORITY);
    expect(scriptUrlRules([])).toEqual([]);
  });
});
