import { describe, expect, it } from 'vitest';
import { keyframeText } from '../../lib/intercept/main/hooks/css';
import { cookieEntry } from '../../lib/intercept/main/hooks/state';
import { mayCarryText, textHeaders } from '../../lib/intercept/main/serialize';

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
  ])('mayCarryText(%s) = %s', (value, expected) => {
    expect(mayCarryText(value)).toBe(expected);
  });
});
