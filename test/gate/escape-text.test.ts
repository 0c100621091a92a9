import { describe, expect, it } from 'vitest';
import { unescapedText } from '../../lib/gate/escape-text';

const ID = '11010519491231002X';

describe('unescapedText', () => {
  const read: [string, string, string][] = [
    ['Chinese and an ID, as escape() writes them', escape(`<p>身份证${ID}</p>`), `<p>身份证${ID}</p>`],
    ['%uXXXX beside plain %XX escapes', '%u7533%u8BF7%u4EBA%3A%20%u5F20%u4E09', '申请人: 张三'],
    ['lower-case hex', '%u8eab%u4efd', '身份'],
  ];
  it.each(read)('reads %s', (_, value, expected) => {
    expect(unescapedText(value)).toBe(expected);
    // The browser's own unescape() agrees.
    expect(unescapedText(value)).toBe(unescape(value));
  });

  const left: [string, string][] = [
    ['encodeURIComponent text (read by percent-decoding)', encodeURIComponent(`身份证${ID}`)],
    ['plain text', `申请人 ${ID}`],
    ['a %u without four hex digits', '100%u of it'],
  ];
  it.each(left)('leaves %s', (_, value) => {
    expect(unescapedText(value)).toBeNull();
  });
});
