import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatePass, digitsAround, PLAIN, PLAIN_WHOLE, wordTable } from '../../lib/scan/candidates';
import { scan } from '../../lib/scan/engine';
import { normalize } from '../../lib/scan/normalize';
import { rules } from '../../rules';
import { drafts } from '../bench/drafts';
import { referenceScan } from './reference-scan';

/**
 * The single pass only decides what the rules are handed; it must never cost (or add) a finding.
 * The reference normalises the whole text and runs every pattern over all of it.
 */
function sameFindings(text: string): void {
  expect(scan(text, { rules }), JSON.stringify(text.slice(0, 300))).toEqual(referenceScan(text, rules));
}

// Pieces that make numbers, labels, tables and markings: digits and stars that add up to (or fall
// just short of) every number shape, separators and full-width forms normalisation folds or joins,
// line breaks that split numbers, and the labels and header words the rules' context checks read.
const PIECES = [
  ...'0123456789012345678*X x.-+()（）:：，。 \t|｜\n\n\r\u3000\u200B－１２３＊Ｘ'.split(''),
  '1391234', '5678', '6228480906369142', '11010519491231002X', '640205198011', '07117X', '640221********1234', '139****5678',
  '0952-', '6995536', '+86 ', '(0952)', '（０９５２）', '转12', '１３９', '１２３４ ５６７８',
  'E1234567', 'C1234567', 'G', 'H', '92640221MA76BU4X22', '621027790320604',
  '姓名', '身份证号', '银行卡号', '卡号', '一折通账号', '开户银行', '联系电话', '住宅电话', '办公电话', '户主', '申请人', '公示', '名单', '护照', '通行证', '台胞证', '经营者', '元', '万元', '¥',
  '机密', '秘 密', '绝密★启用前', '秘密★6个月', '密级：', '★', '内部资料', '（此件不予公开）', '此件依申请公开', '不得外传', '国家秘密',
  'zhangsan@163.com', 'li＠qq.com', 'bgs@pingluo.gov.cn', '@', '联系人', '[bookmark: _GoBack]', '［bookmark: _GoBack］', '<o:p>', '<o:p\n>', 'ＭＥＲＧＥＦＯＲＭＡＴ', 'mso-font: 宋体;', '平罗县', '张三',
];
const draft = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((p) => p.join(''));

describe('the single pass', () => {
  it('finds exactly what full passes find on random drafts', () => {
    fc.assert(fc.property(draft, (text) => sameFindings(text)), { numRuns: 1500 });
  });

  it('finds exactly what full passes find on the development corpus', () => {
    const dir = new URL('../fixtures/corpus-dev/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) sameFindings(readFileSync(new URL(f, dir), 'utf8'));
  });

  it('finds exactly what full passes find on the benchmark drafts', () => {
    for (const d of drafts(7, 400_000)) sameFindings(d);
  });

  it('is compared on drafts that give every kind of rule something to find', () => {
    const found = new Set([...drafts(7, 400_000)].flatMap((d) => referenceScan(d, rules).map((f) => f.ruleId)));
    for (const id of ['cn-id', 'bank-card', 'mobile', 'landline', 'classification']) expect(found).toContain(id);
  });
});

describe('the pass pattern', () => {
  it('finds every separator normalisation removes, so offsets map back exactly', () => {
    const text = '139 1234 5678 与 X 1 2 和 PLX-2025-123456，第 3 季度 150702194104190630 18049344958 1 2 3 4';
    const pass = candidatePass(text, wordTable([]));
    const norm = normalize(text);
    expect(pass.removed.map((o, k) => o - k)).toEqual(norm.removedAt);
  });

  // Each run: may it hold seven digits in a row once normalised? A run marked 0 is not read for unmasked tokens.
  it.each([
    ['640205********1234', [0]],
    ['640205********1234  139****5678', [0]],
    ['139 1234 5678', [1]],
    ['１３９１２３４５６７８', [1]],
    ['1234567', [1]],
    ['123 456 7', [1]],
    ['123  4567', [0]],
    ['123456X7890', [0]],
    ['PLX-2025-123456', [1]], // both hyphens are removed: PLX2025123456
    ['12*4567 89*1234567', [1]],
    ['139****5678 与 6228480012345678901', [0, 1]],
  ])('digitRows of %s', (text, rows) => {
    expect(candidatePass(text, wordTable([])).digitRows).toEqual(rows);
  });

  // Each run holding a star: may it be typed plain, so that its masked tokens can be read as typed
  // (when it is in ASCII, which its reader checks)? PLAIN_WHOLE: and it is one token.
  it.each([
    ['640205********1234', [PLAIN_WHOLE]],
    ['640205********1234  139****5678', [PLAIN]],
    ['ID640205********1234', [0]], // the token goes on through the letters before it
    ['640205********1234ｘ', [PLAIN_WHOLE]], // ｘ is in the run: its reader finds it is not ASCII
    ['640205********1234y', [0]],
    ['139 ****5678', [0]], // the space is removed: 139****5678
    ['号640205********1234，', [PLAIN_WHOLE]],
    ['139****5678 与 6228480012345678901', [PLAIN]], // the run ends with the space after it
  ])('plainStars of %s', (text, plain) => {
    expect(candidatePass(text, wordTable([])).plainStars).toEqual(plain);
  });

  it('keeps the first on each line of a character that is each of its words by itself', () => {
    const text = '国家秘密、商业秘密\n密级：机密';
    expect(candidatePass(text, wordTable(['密'])).words).toEqual([3, 10]);
    // 密码 needs every 密: the first on a line may not open it.
    expect(candidatePass(text, wordTable(['密', '密码'])).words).toEqual([3, 8, 10, 14]);
  });

  it('hands over texts with invisible characters to the full normalisation', () => {
    expect(candidatePass('身份\u200B证号', wordTable(['证号'])).invisible).toBe(true);
  });

  it('marks line breaks with a digit on each side', () => {
    const text = '身份证号 640205198011 \n 07117X\n金额 300\n元';
    const breaks = [...text.matchAll(/\n/g)].map((m) => m.index);
    expect(breaks.filter((nl) => digitsAround(text, nl))).toEqual([text.indexOf('\n')]);
  });
});

describe('normalisation', () => {
  it('is idempotent (the slow path scans a normalised text with the same pass)', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const once = normalize(text).text;
        expect(normalize(once).text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
