import { describe, expect, it } from 'vitest';
import { keyframeText } from '../../lib/intercept/main/hooks/css';
import { cookieEntry } from '../../lib/intercept/main/hooks/state';
import { mayCarryText, textHeaders, urlMayCarryText } from '../../lib/intercept/main/serialize';

const ID = '11010519491231002X';
const DRAFT = `城关镇低保公示：王丽，身份证号 ${ID}`;

describe('cookieEntry: a cookie write as the server reads it', () => {
  it.each([
    ['percent-encoded value with attributes', `draft=${encodeURIComponent(DRAFT)}; path=/; max-age=60`, ['draft', DRAFT]],
    ['plain value', `id=${ID}`, ['id', ID]],
    ['no name', `${ID}; path=/`, ['', ID]],
    ['a malformed escape stays as written', 'c=%E5%; path=/', ['c', '%E5%']],
    ['a deletion', 'draft=; max-age=0; path=/', ['draft', '']],
  ])('%s', (_name, cookie, entry) => {
    expect(cookieEntry(cookie)).toEqual(entry);
  });
});

describe('keyframeText: the CSS values of a keyframe list', () => {
  it.each([
    ['an array of keyframes', [{ backgroundImage: `url(/x?c=${ID})` }, { opacity: 1 }]],
    ['an object of arrays', { backgroundImage: ['none', `url(/x?c=${ID})`] }],
    ['one keyframe object', { backgroundImage: `url(/x?c=${ID})` }],
  ])('%s', (_name, keyframes) => {
    expect(keyframeText(keyframes)).toContain(`url(/x?c=${ID})`);
  });

  it('nothing to read in null or numbers', () => {
    expect(keyframeText(null)).toBe('');
    expect(keyframeText([{ opacity: 0 }, { opacity: 1 }])).toBe('');
  });
});

describe('textHeaders: which request headers are worth a verdict', () => {
  const enc = encodeURIComponent(DRAFT);
  it.each([
    ['a record', { 'X-Content': enc, Accept: 'application/json' }],
    ['an array of pairs', [['X-Content', enc], ['Accept', 'application/json']]],
    ['a Headers object', new Headers({ 'X-Content': enc, Accept: 'application/json' })],
  ])('%s: only the one that can hold text', (_name, headers) => {
    const found = textHeaders(headers);
    expect(found).toHaveLength(1);
    expect(found[0]![0].toLowerCase()).toBe('x-content');
    expect(found[0]![1]).toBe(enc);
  });

  it('a header holding the draft in base64 is one that can hold text', () => {
    expect(textHeaders({ 'X-Data': Buffer.from(DRAFT).toString('base64'), Accept: 'application/json' })).toEqual([['X-Data', Buffer.from(DRAFT).toString('base64')]]);
  });

  it('plain headers, tokens and nothing at all cost no question', () => {
    expect(textHeaders({ Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-CSRF-Token': 'a1b2c3d4e5' })).toEqual([]);
    expect(textHeaders(undefined)).toEqual([]);
  });

  it.each([
    [ID, true],
    [encodeURIComponent('低保'), true],
    ['低保', true],
    ['preview_main', false],
    ['_blank', false],
    ['12345', false],
    // escape()'s %uXXXX: Chinese text with no byte escape and no digits
    [escape('低保公示'), true],
    // base64 of text: both cases and a digit in a run of 16 or more
    [Buffer.from(DRAFT).toString('base64'), true],
    [Buffer.from(ID).toString('base64url'), true],
    // a hex hash, a UUID, a word: one case only
    ['3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c', false],
    ['f47ac10b-58cc-4372-a567-0e02b2c3d479', false],
    ['application/x-www-form-urlencoded', false],
    ['XMLHttpRequest', false],
  ])('mayCarryText(%s) = %s', (value, expected) => {
    expect(mayCarryText(value)).toBe(expected);
  });

  it.each([
    ['a query', 'http://cms.test/list.do?page=2', true],
    ['a plain path', 'http://cms.test/static/js/app.3f9a8b7c.js', false],
    ['a UUID path', 'http://cms.test/files/f47ac10b-58cc-4372-a567-0e02b2c3d479', false],
    ['base64 of the draft in the path', `http://cms.test/log/${Buffer.from(DRAFT).toString('base64')}`, true],
    ['url-safe base64 in the path', `http://cms.test/log/${Buffer.from(DRAFT).toString('base64url')}`, true],
    ['escape() text in the path', `http://cms.test/log/${escape('城关镇低保公示')}`, true],
  ])('urlMayCarryText: %s', (_what, url, expected) => {
    expect(urlMayCarryText(url)).toBe(expected);
  });
});
