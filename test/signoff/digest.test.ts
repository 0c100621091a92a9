import { describe, expect, it } from 'vitest';
import { bodyDigest, draftDigest, normaliseForDigest, sha256Hex } from '../../lib/signoff/digest';
import type { DigestInput } from '../../lib/signoff/types';

const BASE: DigestInput = {
  title: '关于2024年度城乡低保资金发放情况的公示',
  body: '根据县民政局安排，现将有关情况公示如下。\n一、发放对象\n二、发放标准：每人每月 600 元。',
  category: '12',
  disclosure: '主动公开',
  reviewer: '王审核',
};

describe('draftDigest', () => {
  // Sign-offs are stored by digest: a refactor of how the digest is written must not change its value.
  it('keeps the value sign-offs were stored under', async () => {
    const input = { title: '关于"低保"公示', body: '<p>正文 &amp; １２３\u200b</p>', category: ' 01 ', disclosure: '主动公开', reviewer: '李四' };
    expect(await draftDigest(input)).toBe('8f02c88b22d2d3a2efd0db9cf440c374a380ec47a96ccc1271c6eb2871c86781');
  });
});

describe('sha256Hex', () => {
  it('matches the known vector for "abc"', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes the UTF-8 bytes of Chinese text like Node does', async () => {
    const { createHash } = await import('node:crypto');
    expect(await sha256Hex('主动公开')).toBe(createHash('sha256').update('主动公开', 'utf8').digest('hex'));
  });
});

describe('normaliseForDigest', () => {
  it.each([
    ['a b\tc\r\nd', 'abcd'],
    ['全角\u3000空格', '全角空格'],
    ['不\u00a0换行', '不换行'],
    ['零\u200b宽\u200c字\u200d符\ufeff', '零宽字符'],
    ['１２３ＡＢＣ', '123ABC'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseForDigest(input)).toBe(expected);
  });
});

describe('draftDigest', () => {
  it('is 64 hex characters', async () => {
    expect(await draftDigest(BASE)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, Partial<DigestInput>]>([
    ['CRLF line endings', { body: BASE.body.replace(/\n/g, '\r\n') }],
    ['paragraphs split differently', { body: BASE.body.replace('。\n一、', '。\n\n\n一、') }],
    ['indentation with full-width spaces', { body: BASE.body.replace(/\n/g, '\n\u3000\u3000') }],
    ['nbsp instead of a space', { body: BASE.body.replace('600 元', '600\u00a0元') }],
    ['no space at all', { body: BASE.body.replace('600 元', '600元') }],
    ['zero-width characters', { body: BASE.body.replace('民政局', '民\u200b政\ufeff局') }],
    ['full-width digits', { body: BASE.body.replace('600', '６００') }],
    ['a title with surrounding spaces', { title: `  ${BASE.title}\n` }],
    ['padded category, mode and reviewer', { category: ' 12 ', disclosure: '主动公开 ', reviewer: '\t王审核' }],
  ])('stays the same for %s', async (_, change) => {
    expect(await draftDigest({ ...BASE, ...change })).toBe(await draftDigest(BASE));
  });

  it.each<[string, Partial<DigestInput>]>([
    ['one changed digit in the body', { body: BASE.body.replace('600', '601') }],
    ['a removed sentence', { body: BASE.body.replace('二、发放标准：每人每月 600 元。', '') }],
    ['a changed title', { title: `${BASE.title}（更正）` }],
    ['another category', { category: '05' }],
    ['another disclosure mode', { disclosure: '依申请公开' }],
    ['another reviewer', { reviewer: '李审核' }],
    ['text moved from the title into the body', { title: '关于2024年度', body: `城乡低保资金发放情况的公示${BASE.body}` }],
  ])('changes for %s', async (_, change) => {
    expect(await draftDigest({ ...BASE, ...change })).not.toBe(await draftDigest(BASE));
  });
});

describe('bodyDigest', () => {
  it('ignores whitespace and line breaks, as a published page lays the text out differently', async () => {
    const published = BASE.body.replace(/\n/g, '\n\n  ').replace('600 元', '600\u00a0元');
    expect(await bodyDigest(published)).toBe(await bodyDigest(BASE.body));
  });

  it('changes when the text does', async () => {
    expect(await bodyDigest(BASE.body.replace('600', '800'))).not.toBe(await bodyDigest(BASE.body));
  });

  it('is the hash of the normalised text', async () => {
    expect(await bodyDigest(BASE.body)).toBe(await sha256Hex(normaliseForDigest(BASE.body)));
  });
});

describe('markup in the body (a textarea holding HTML source)', () => {
  it.each([
    ['<p>公示期七天。</p>\n<p>特此公告。</p>', '公示期七天。\n特此公告。'],
    ['<p style="text-indent:2em">城关镇&nbsp;公示</p>', '城关镇 公示'],
    ['面积 &lt; 100 平方米 &amp; 单价&#65306;3 元', '面积 < 100 平方米 & 单价：3 元'],
  ])('source %j digests like its rendered text', async (source, rendered) => {
    expect(await bodyDigest(source)).toBe(await bodyDigest(rendered));
  });

  it('a changed word inside the markup still changes the digest', async () => {
    expect(await bodyDigest('<p>公示期七天。</p>')).not.toBe(await bodyDigest('<p>公示期十天。</p>'));
  });
});
