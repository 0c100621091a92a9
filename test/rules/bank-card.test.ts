import { describe, expect, it } from 'vitest';
import { scan } from '../../lib/scan/engine';
import { idCheckChar, isValidIdChecksum, luhnValid } from '../../lib/scan/checksums';
import rule, { cardColumn } from '../../rules/bank-card';
import { runRuleTable } from '../helpers/rule-table';

// Corpus cards (subsidy payout tables) and the same numbers with the last digit changed.
const CARD16 = '6228480906369142';
const CARD19 = '6214834049226247005';
const CARD16_BAD = '6228480906369143';
const CARD19_BAD = '6214834049226247006';
// Luhn-valid, no UnionPay prefix: only a label makes it a card.
const VISA = '4367420012345673';
// A real-looking resident ID (Gansu 620102) that is ALSO Luhn-valid and 62-prefixed: the trap.
const ID62 = '620102198506151202';
// SIM card ICCID, Luhn-valid like the real ones.
const ICCID19 = '8986011234567890128';

const PAYOUT_TABLE = [
  '平罗县耕地地力保护补贴发放明细表',
  '',
  '序号\t姓名\t身份证号码\t开户银行\t银行卡号\t补贴金额（元）',
  `1\t吴晓东\t540302196604058257\t中国邮政储蓄银行\t${CARD16}\t4957.00`,
  `2\t王海燕\t${ID62}\t黄河农商银行\t${VISA}\t3345.00`,
  `3\t朱海燕\t640522197808110568\t黄河农商银行\t${CARD19_BAD}\t4368.00`,
].join('\n');

describe('test data', () => {
  it('has the check digits it claims', () => {
    expect(luhnValid(CARD16) && luhnValid(CARD19) && luhnValid(VISA) && luhnValid(ICCID19)).toBe(true);
    expect(luhnValid(CARD16_BAD) || luhnValid(CARD19_BAD)).toBe(false);
    expect(isValidIdChecksum(ID62) && luhnValid(ID62)).toBe(true);
    expect(idCheckChar(ID62.slice(0, 17))).toBe(ID62[17]);
  });
});

runRuleTable(rule, {
  flagged: [
    // UnionPay 62 + Luhn needs no label.
    { text: CARD16, severity: 'block' },
    { text: CARD19, severity: 'block' },
    { text: `银行卡号：${CARD16}`, severity: 'block', value: CARD16 },
    { text: `请将补贴打入${CARD16}账户`, severity: 'block', value: CARD16 },
    // Separators, full-width digits and invisible characters arrive joined by normalisation.
    { text: '卡号 6228 4809 0636 9142', severity: 'block', value: '6228 4809 0636 9142' },
    { text: '6228-4809-0636-9142', severity: 'block' },
    { text: '账号：6214 8340 4922 6247 005', severity: 'block', value: '6214 8340 4922 6247 005' },
    { text: '卡号：６２２８４８０９０６３６９１４２', severity: 'block', value: '６２２８４８０９０６３６９１４２' },
    { text: '6228480\u200B906369142', severity: 'block' },
    // Luhn-valid without the 62 prefix: only with a label.
    { text: `开户行：中国银行 卡号 ${VISA}`, severity: 'block', value: VISA },
    { text: `存折${VISA}`, severity: 'block', value: VISA },
    { text: `一卡通：${VISA}`, severity: 'block', value: VISA },
    // Luhn fails but the label is there: a mistyped real card.
    { text: `卡号：${CARD16_BAD}`, severity: 'warn', value: CARD16_BAD },
    { text: `一折通账号${CARD19_BAD}`, severity: 'warn', value: CARD19_BAD },
    { text: `帐号 ${CARD16_BAD}。`, severity: 'warn', value: CARD16_BAD },
    // A number that would also pass as an ID, explicitly labelled as a card.
    { text: `银行卡号：${ID62}`, severity: 'block', value: ID62 },
    // Table: the column header names the card; the bank name beside it is no label.
    { text: PAYOUT_TABLE, severity: 'block', value: CARD16 },
    { text: PAYOUT_TABLE, severity: 'block', value: VISA },
    { text: PAYOUT_TABLE, severity: 'warn', value: CARD19_BAD },
    { text: `姓名|银行卡号\n张三|${VISA}`, severity: 'block', value: VISA },
    // The 一折通账号 / 银行账号 column header two rows or 100+ characters above, however pasted.
    { text: `序号\t姓名\t一折通账号\t金额（元）\n1\t张三\t${CARD16}\t300\n2\t李四\t${CARD19}\t300\n3\t王五\t${CARD16_BAD}\t300`, severity: 'warn', value: CARD16_BAD },
    { text: `补贴发放明细\n序号  姓名    银行账号                 金额\n1     张三    ${CARD16}         300\n2     李四    ${CARD19_BAD}      300`, severity: 'warn', value: CARD19_BAD },
    { text: `序号 姓名 一折通账号 金额\n1 张三 ${CARD16} 300\n2 李四 ${CARD19} 300\n3 王五 ${CARD19_BAD} 300`, severity: 'warn', value: CARD19_BAD },
    { text: `一折通账号\n${CARD16}\n${CARD19}\n${VISA}\n${CARD16_BAD}`, severity: 'warn', value: CARD16_BAD },
    { text: `一折通账号\n${CARD16}\n${CARD19}\n${VISA}`, severity: 'block', value: VISA },
    // A card number a line break split.
    { text: `银行卡号：${CARD16.slice(0, 8)}\n${CARD16.slice(8)}`, severity: 'block', value: CARD16.slice(0, 8) },
    { text: `姓名\t一折通账号\n张三\t${CARD19.slice(0, 12)}\n${CARD19.slice(12)}`, severity: 'block', value: CARD19.slice(0, 12) },
  ],
  quiet: [
    // SIM ICCIDs, even beside 卡号.
    ICCID19,
    `SIM卡号：${ICCID19}`,
    '物联网卡 ICCID 8986 0112 3456 7890 1234',
    '89860112345678901234',
    // A valid resident ID without a card label is the ID rule's business.
    ID62,
    `身份证号：${ID62}`,
    `身份证号：${ID62}，开户行：农业银行`,
    `持卡人身份证 ${ID62} 银行卡另行提供`,
    // 62 prefix but Luhn fails, no label.
    CARD16_BAD,
    CARD19_BAD,
    `订单号 ${CARD16_BAD}`,
    // Luhn-valid but neither 62 nor a label.
    VISA,
    `合同编号：${VISA}`,
    // Inside longer runs of digits or letters.
    `1${CARD16}000`,
    `A${CARD16}`,
    `${CARD16}B`,
    `NO${CARD19}X`,
    // Amounts and decimals.
    `${CARD16}元`,
    `${CARD16} 万元`,
    `卡号对应金额 ${CARD16}.00`,
    `¥${CARD16}`,
    // Masked cards are what should be published.
    '卡号 6228 **** **** 9142',
    '银行卡号：6228********9142',
    `银行卡号：****${CARD16}`,
    // Too short / too long.
    '卡号 622848090636914',
    '卡号 62284809063691420012',
    // A list headed by something else; a sentence under a card title is no row of its column.
    `合同编号\n${VISA}\n${CARD16_BAD}`,
    `一折通账号\n各村于本月底前将补贴发放情况报乡镇，乡镇汇总后编号${CARD16_BAD}。`,
  ],
});

describe('bank-card column headers', () => {
  it('never reports the ID column of a payout table as a card', () => {
    const findings = scan(PAYOUT_TABLE, { rules: [rule] }).filter((f) => f.severity !== 'info');
    const values = findings.map((f) => PAYOUT_TABLE.slice(f.start, f.end));
    expect(values).toEqual([CARD16, VISA, CARD19_BAD]);
  });

  it('finds the header cell of the match column, skipping data rows', () => {
    const at = PAYOUT_TABLE.indexOf(VISA);
    expect(cardColumn(PAYOUT_TABLE, at)).toBe('column');
    expect(cardColumn(PAYOUT_TABLE, PAYOUT_TABLE.indexOf(ID62))).toBeNull();
  });

  it('accepts a merged header that names a card when cells do not line up', () => {
    const text = `补贴发放 银行卡号\n张三\t${VISA}`;
    expect(cardColumn(text, text.indexOf(VISA))).toBeNull(); // header line is no table row
    const merged = `姓名\t银行卡号 / 金额\n张三\t${VISA}\t300`;
    expect(cardColumn(merged, merged.indexOf(VISA))).toBe('table');
  });

  it('does not take a header naming another column for a card header', () => {
    const text = `姓名\t合同编号\t开户银行\n张三\t${VISA}\t农业银行`;
    expect(cardColumn(text, text.indexOf(VISA))).toBeNull();
    expect(scan(text, { rules: [rule] }).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
