import { describe, expect, it } from 'vitest';
import { itemIdsOf } from '../../lib/gate/item-ids';
import { decodeOutgoing } from '../../lib/gate/decode';
import { isDraftLabel, isDraftUrl, isPublishLabel, isPublishUrl } from '../../lib/gate/words';

describe('words', () => {
  it.each(['发布', '立即发布', '审核通过', '提交', '确定发布到网站', 'Publish'])('%s is a publish label', (l) => expect(isPublishLabel(l)).toBe(true));
  it.each(['保存草稿', '预览', '取消', '', '保存', '确定'])('%s is not a publish label', (l) => expect(isPublishLabel(l)).toBe(false));
  it.each(['保存草稿', '存为草稿', '暂存', 'Save draft'])('%s is a draft label', (l) => expect(isDraftLabel(l)).toBe(true));
  it.each(['http://c/publish.do?id=42', 'http://c/index.php?m=content&c=content&a=pass', 'http://c/api/drafts/42/publish', 'http://c/dede/archives_do.php?dopost=checkArchives'])(
    '%s is a publish URL',
    (u) => expect(isPublishUrl(u)).toBe(true),
  );
  it.each(['http://c/list.do?page=2', 'http://c/passport/login', 'http://c/api/articles/42'])('%s is not a publish URL', (u) => expect(isPublishUrl(u)).toBe(false));
  it.each(['http://c/article/autosave', 'http://c/api/drafts/42', 'http://c/save.do?type=caogao'])('%s is a draft URL', (u) => expect(isDraftUrl(u)).toBe(true));
});

describe('itemIdsOf', () => {
  const ids = (url: string, body = '') => itemIdsOf(decodeOutgoing({ route: 'xhr', method: 'POST', url, body: { kind: 'text', text: body, contentType: 'application/x-www-form-urlencoded' } }));
  it.each([
    ['http://c/publish.do?id=42', '', ['42']],
    ['http://c/index.php?a=pass', 'ids%5B%5D=3&ids%5B%5D=5', ['3', '5']],
    ['http://c/archives_do.php?dopost=checkArchives', 'aid=7', ['7']],
    ['http://c/batch', 'ids=1,2,3', ['1', '2', '3']],
    ['http://c/list.do?page=2&catid=6', '', []],
  ])('%s %s → %j', (url, body, want) => expect(ids(url, body)).toEqual(want));
});
