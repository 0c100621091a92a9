import { describe, expect, it } from 'vitest';
import { percentText } from '../../lib/gate/percent-text';

const ID = '11010519491231002X';

describe('percentText', () => {
  const read: [string, string, string][] = [
    ['a field encoded twice, as read once', decodeURIComponent(encodeURIComponent(encodeURIComponent(`身份证${ID}`))), `身份证${ID}`],
    ['encodeURI text', encodeURI(`<p>申请人 张三</p>`), '<p>申请人 张三</p>'],
    ['"+" for a space', '%E5%BC%A0%E4%B8%89+%E6%9D%8E%E5%9B%9B', '张三 李四'],
  ];
  it.each(read)('reads %s', (_, value, expected) => {
    expect(percentText(value)).toBe(expected);
  });

  const left: [string, string][] = [
    ['plain text', `申请人 ${ID}`],
    ['a percentage', '完成率 95%，同比增长'],
    ['an escape that is no UTF-8', '%E8%BA'],
    ['escape() text (read by unescapedText)', '%u8EAB%u4EFD'],
    ['an HTML draft with its Chinese and an encoded picture URL (read once is enough)', '<p>申请人张三</p><img src="/up/a%20b.png">'],
  ];
  it.each(left)('leaves %s', (_, value) => {
    expect(percentText(value)).toBeNull();
  });
});
