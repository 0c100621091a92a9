import { describe, expect, it } from 'vitest';
import { letters } from '../../lib/gate/draft-match';
import { besideCover, uncoveredWord } from '../../lib/gate/unsigned-words';

const body = letters('城关镇2026年第四季度低保新增对象公示。经审核，新增低保对象三户。');
const cover = { body, beside: besideCover(['张三', 'abc', '本站原创']) };

describe('uncoveredWord', () => {
  const cases: [label: string, text: string, word: string | null][] = [
    ['the body itself', '城关镇2026年第四季度低保新增对象公示。经审核，新增低保对象三户。', null],
    ['a sentence of it', '经审核，新增低保对象三户', null],
    ['its sentences out of order', '新增低保对象三户。城关镇2026年第四季度低保新增对象公示', null],
    ['a word from beside it', '作者：张三', '作者'],
    ['a value beside it', '张三', null],
    ['words in neither', '补充说明', '补充说明'],
    ['the first uncovered word of several', '公示，补充说明，另附名单', '补充说明'],
    ['no Chinese at all', 'token=9f3c; id=42', null],
    ['full-width letters fold as the body did', '２０２６年第四季度', null],
  ];
  it.each(cases)('%s', (_label, text, word) => {
    expect(uncoveredWord(text, cover)).toBe(word);
  });

  it('keeps only the Chinese-bearing texts beside the body, apart', () => {
    expect(besideCover(['张三', 'abc', '本站'])).toBe('张三\u0000本站');
  });
});

describe('uncoveredWord on a large body rearranged', () => {
  it('gives up within its budget and names a word (refused: fail closed) instead of searching the body once per sentence', () => {
    const sentences = Array.from({ length: 40_000 }, (_, i) => `第${i}条公示内容`);
    const big = { body: letters(sentences.join('。')), beside: '' };
    expect(uncoveredWord(sentences.join('。'), big)).toBeNull();
    expect(uncoveredWord([...sentences].reverse().join('。'), big)).not.toBeNull();
  });
});
