import { describe, expect, it } from 'vitest';
import { base64Reading } from '../../lib/gate/base64-text';

const ID = '11010519491231002X';
const utf8Base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const urlSafe = (b: string) => b.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('base64Reading', () => {
  const text = `<p>申请人张三，身份证号 ${ID}</p>`;
  const decoded: [string, string, string][] = [
    ['UTF-8 bytes in base64 (js-base64 Base64.encode)', utf8Base64(text), text],
    ['btoa(encodeURIComponent(html)): percent-encoding undone', btoa(encodeURIComponent(text)), text],
    ['base64url without padding', urlSafe(utf8Base64(text)), text],
    ['a "+" that arrived as a space', utf8Base64('身份证>>' + ID).replace(/\+/g, ' '), '身份证>>' + ID],
    ['padded, with blanks around', `  ${utf8Base64(ID)}\n`, ID],
    ['a bare ID number', utf8Base64(ID), ID],
    ['a long text whose head cuts a character in two', utf8Base64('a' + '身'.repeat(100) + ID), 'a' + '身'.repeat(100) + ID],
  ];
  it.each(decoded)('decodes %s', (_, value, expected) => {
    expect(base64Reading(value)).toEqual(expected === null ? null : { text: expected });
  });

  const left: [string, string][] = [
    ['markup', text],
    ['prose', '本单位拟于下周发布通知，请各科室核对'],
    ['an ID number itself (digits are base64 characters, the bytes are no UTF-8)', ID],
    ['a random token', 'Zx8Q0pL3vT9mB2nK7wR4yH6uJ1cF5dA='],
    ['a SHA-256 hex digest', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    ['bytes that are UTF-8 control characters', Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]).toString('base64')],
    ['too short to hold anything', utf8Base64('abc')],
    ['not base64 (length 4n+1)', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo1Q'],
    ['an empty string', ''],
    ['a picture (PNG bytes)', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('x'.repeat(200))]).toString('base64')],
    ['text after a head of bytes', Buffer.concat([Buffer.from([0, 1, 2, 3, 4, 5, 6, 7]), Buffer.from('身份证'.repeat(40))]).toString('base64')],
  ];
  it.each(left)('leaves %s', (_, value) => {
    expect(base64Reading(value)).toBeNull();
  });
});
