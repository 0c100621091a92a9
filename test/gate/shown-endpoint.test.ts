import { describe, expect, it } from 'vitest';
import { shownEndpoint } from '../../lib/gate/shown-endpoint';

const ID = '11010519491231002X';
const DRAFT = `城关镇低保新增对象公示：王丽，身份证号 ${ID}`;

describe('the address the panel and the audit log show', () => {
  it.each<[string, string, string]>([
    ['a plain path as it is', 'http://cms.test/admin/article/save.do?id=42', '/admin/article/save.do'],
    ['a REST path with a short id', 'http://cms.test/api/drafts/42/publish', '/api/drafts/42/publish'],
    ['a hex hash and a UUID stay', 'http://cms.test/static/3f9a8b7c6d5e4f3a/f47ac10b-58cc-4372-a567-0e02b2c3d479', '/static/3f9a8b7c6d5e4f3a/f47ac10b-58cc-4372-a567-0e02b2c3d479'],
    ['base64 of the draft is left out', `http://cms.test/log/${Buffer.from(DRAFT).toString('base64url')}`, '/log/…'],
    ['escape() text is left out', `http://cms.test/log/${escape(DRAFT)}/p.gif`, '/log/…/p.gif'],
    ['an ID number is left out', `http://cms.test/log/${ID}`, '/log/…'],
    ['percent-encoded Chinese is left out', `http://cms.test/${encodeURIComponent('低保公示')}/list`, '/…/list'],
    ['an address that cannot be read: nothing', 'not a url', ''],
  ])('%s', (_what, url, shown) => {
    expect(shownEndpoint(url)).toBe(shown);
  });
});
