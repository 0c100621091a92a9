import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan, triggerSegments } from '../../lib/scan/engine';
import type { Rule } from '../../lib/scan/types';
import { rules } from '../../rules';
import { drafts } from '../bench/drafts';

/**
 * Triggers (PatternRule.trigger) only make the engine skip lines; they must never cost a finding.
 * The reference is the same rule pack with the triggers taken away: every pattern then runs over
 * the whole text, as before triggers existed.
 */
const fullPass: readonly Rule[] = rules.map((r) => ('pattern' in r ? { ...r, trigger: undefined } : r));

function sameFindings(text: string): void {
  expect(scan(text, { rules }), JSON.stringify(text.slice(0, 200))).toEqual(scan(text, { rules: fullPass }));
}

// Pieces that make numbers, labels, tables and markings: digits and stars that add up to (or fall
// just short of) every number shape, separators and full-width forms normalisation folds or joins,
// and the labels and header words the rules' context checks read, on this line or rows above.
const PIECES = [
  ...'0123456789012345678*X x.-+()（）:：，。 \t|\n\n\u3000\u200B－１２３'.split(''),
  '1391234', '5678', '6228480906369142', '11010519491231002X', '640221********1234', '139****5678', '0952-', '6995536', '+86 ', '(0952)', '转12',
  'E1234567', 'C1234567', 'G', 'H', '92640221MA76BU4X22', '621027790320604',
  '姓名', '身份证号', '银行卡号', '卡号', '开户银行', '联系电话', '住宅电话', '办公电话', '户主', '公示', '名单', '护照', '通行证', '台胞证', '经营者', '元', '万元', '¥',
  '机密', '秘 密', '绝密★启用前', '秘密★6个月', '密级：', '★', '内部资料', '（此件不予公开）', '此件依申请公开', '不得外传', '国家秘密',
  'zhangsan@163.com', 'bgs@pingluo.gov.cn', '@', '联系人', '[bookmark: _GoBack]', '<o:p>', '<o:p\n>', 'mso-font: 宋体;', '平罗县', '张三',
];
const draft = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((p) => p.join(''));

describe('rule triggers', () => {
  it('find exactly what full passes find on random drafts', () => {
    fc.assert(fc.property(draft, (text) => sameFindings(text)), { numRuns: 1500 });
  });

  it('find exactly what full passes find on the development corpus', () => {
    const dir = new URL('../fixtures/corpus-dev/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) sameFindings(readFileSync(new URL(f, dir), 'utf8'));
  });

  it('find exactly what full passes find on the benchmark drafts', () => {
    for (const d of drafts(7, 400_000)) sameFindings(d);
  });

  it('are compared on drafts that give the triggered rules something to find', () => {
    const found = new Set([...drafts(7, 400_000)].flatMap((d) => scan(d, { rules: fullPass }).map((f) => f.ruleId)));
    for (const id of ['cn-id', 'bank-card', 'mobile', 'landline', 'classification']) expect(found).toContain(id);
  });
});

describe('trigger segments', () => {
  it('are whole lines holding a trigger match, adjacent lines merged', () => {
    const text = 'a\n12345678\nb 1234567\nc\n\nxx 7654321 yy\nz';
    const segs = triggerSegments(text, /\d{7}/);
    expect(segs.map(([s, e]) => text.slice(s, e))).toEqual(['12345678\nb 1234567', 'xx 7654321 yy']);
  });

  it('cover the first and the last line', () => {
    const text = '1234567\nmiddle\n7654321';
    expect(triggerSegments(text, /\d{7}/).map(([s, e]) => text.slice(s, e))).toEqual(['1234567', '7654321']);
    expect(triggerSegments('none here', /\d{7}/)).toEqual([]);
  });
});
