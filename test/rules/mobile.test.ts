import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/mobile';
import { scan } from '../../lib/scan/engine';
import { runRuleTable } from '../helpers/rule-table';

const M = '13912345678';
const table = (row: string) => `序号\t姓名\t住址\t联系电话\n1\t张三\t和平村\t${row}`;

runRuleTable(rule, {
  flagged: [
    // A list of people: a tab table, a space-aligned table under a header, list words on the line.
    { text: table(M), severity: 'block', value: M },
    { text: `2024年低保对象公示\n序号\t姓名\t手机\n1\t张三\t${M}`, severity: 'block', value: M },
    { text: `姓名    住址    身份证号    手机\n张三    和平村    640221********1234    ${M}`, severity: 'block', value: M },
    { text: `公示：王五 ${M}`, severity: 'block', value: M },
    { text: `拟录用人员名单：王五，${M}`, severity: 'block', value: M },
    { text: `申请人：李四 电话：${M}`, severity: 'block', value: M },
    { text: `户主李四，${M}`, severity: 'block', value: M },
    { text: `住址：和平村三组 ${M}`, severity: 'block', value: M },
    { text: `${M}（身份证号已核验）`, severity: 'block', value: M },
    // One person's record: 申请人 or an ID on the same line, however far from the number.
    { text: `申请人：张三，身份证号：640221199001011234，联系电话：${M}`, severity: 'block', value: M },
    { text: '申请人：张三，身份证号：６４０２２１１９９００１０１１２３４，联系电话：１３９－１２３４－５６７８', severity: 'block', value: '１３９－１２３４－５６７８' },
    { text: `张三，640221********1234，城关镇和平村，联系电话 139 1234 5678`, severity: 'block', value: '139 1234 5678' },
    { text: `户主：李四  家庭人口：3人  住址：城关镇和平村三组  联系电话：${M}`, severity: 'block', value: M },
    // Entries of a 公示 or 名单, numbered or not, tables or not.
    { text: `关于2024年公益性岗位拟聘用人员的公示\n1. 张三  男  城关镇  ${M}\n2. 李四  女  城关镇  139 1234 5678`, severity: 'block', value: '139 1234 5678' },
    { text: `拟聘用人员名单\n张三，城关镇和平村，${M}；\n李四，高仁乡永丰村，139-1234-5678。`, severity: 'block', value: '139-1234-5678' },
    { text: `2024年城乡低保对象名单\n（1）王五，和平村，１３９１２３４５６７８`, severity: 'block', value: '１３９１２３４５６７８' },
    // A people table whose header is far above (space-aligned, as a PDF copy gives it).
    { text: `序号  姓名    住址        联系电话\n1     张三    和平村      13812345678\n2     李四    永丰村      13712345678\n3     王五    星火村      ${M}`, severity: 'block', value: M },
    // A mobile a line break split.
    { text: `联系人：张三  手机：139123\n45678`, severity: 'warn', value: '139123' },
    { text: `序号\t姓名\t手机\n1\t张三\t1391234\n5678`, severity: 'block', value: '1391234' },
    // A lone contact mobile.
    { text: `联系人：张三  手机：${M}`, severity: 'warn', value: M },
    { text: M, severity: 'warn' },
    { text: `电话${M}请勿转发`, severity: 'warn', value: M },
    { text: `手机：${M}。`, severity: 'warn', value: M },
    { text: `手机：${M}.`, severity: 'warn', value: M },
    { text: `两人手机${M}分别登记`, severity: 'warn', value: M },
    // The list title two lines up does not make a footer contact part of the list.
    { text: `请各单位于会前报送参会人员名单。\n\n联系人：郭丽娟  手机：${M}`, severity: 'warn', value: M },
    { text: `平罗县公示\n联系人：张三 ${M}`, severity: 'warn', value: M },
    // An office line on an applicant's line, and a contact line of a 公示, are still only contacts.
    { text: `申请人如需了解审批结果和办理进度，可拨打咨询电话${M}`, severity: 'warn', value: M },
    { text: `城乡低保对象公示\n公示期间如有异议，请与民政局联系，联系电话：${M}`, severity: 'warn', value: M },
    { text: `拟聘用人员名单\n联系人：郭丽娟，手机：${M}`, severity: 'warn', value: M },
    // Separators, full-width digits, invisible characters.
    { text: '手机：139 1234 5678', severity: 'warn', value: '139 1234 5678' },
    { text: '手机：139-1234-5678', severity: 'warn', value: '139-1234-5678' },
    { text: '手机：１３９１２３４５６７８', severity: 'warn', value: '１３９１２３４５６７８' },
    { text: '手机：１３９ １２３４ ５６７８', severity: 'warn', value: '１３９ １２３４ ５６７８' },
    { text: '手机：139\u200B1234\u200D5678', severity: 'warn', value: '139\u200B1234\u200D5678' },
    // Country and trunk prefixes.
    { text: `+86 ${M}`, severity: 'warn' },
    { text: '+86 139 1234 5678', severity: 'warn' },
    { text: '+86-139-1234-5678', severity: 'warn' },
    { text: `+86${M}`, severity: 'warn' },
    { text: `0086${M}`, severity: 'warn' },
    { text: '0086 139 1234 5678', severity: 'warn' },
    { text: `(86)${M}`, severity: 'warn' },
    { text: `（86）${M}`, severity: 'warn' },
    { text: `0${M}`, severity: 'warn' },
    // Every segment family.
    ...['13012345678', '14512345678', '14912345678', '15012345678', '15312345678', '15512345678', '16212345678',
      '16512345678', '16612345678', '16712345678', '17012345678', '17812345678', '18012345678', '18912345678',
      '19012345678', '19312345678', '19512345678', '19912345678'].map((n) => ({ text: `手机 ${n}`, severity: 'warn' as const, value: n })),
  ],
  quiet: [
    // Masked.
    '139****5678',
    '手机：139＊＊＊＊5678',
    '手机：139 **** 5678',
    '1391234****',
    table('139****5678'),
    // Unassigned segments and wrong lengths.
    '14012345678', '14412345678', '15412345678', '16012345678', '16412345678', '16812345678', '17912345678',
    '19412345678', '12012345678', '11012345678', '1391234567', '139123456789',
    // Inside longer digit runs or words: IDs, cards, serials.
    `8${M}`, `${M}9`, `A${M}`, `${M}B`, `SN${M}`, `8613912345678`, `${M}**`,
    '513912345678901234', `${M}901234X`, '6213912345678901234', '6222 1391 2345 6789',
    // Amounts and decimals.
    `${M}元`, `${M} 元`, `${M}.50元`, `${M}万元`, `合计：￥${M}`, `¥${M}`, `0.${M}`, `${M}.25`,
  ],
});

describe('mobile boundaries', () => {
  const digits = fc.stringMatching(/^[0-9]{1,8}$/);
  it('never reports a mobile glued to other digits', () => {
    fc.assert(
      fc.property(digits, digits, (before, after) => {
        const text = `编号${before}${M}${after}号`;
        return scan(text, { rules: [rule] }).length === 0;
      }),
    );
  });

  it('covers the country prefix in the span and never shows the number', () => {
    const text = '电话：+86 139 1234 5678';
    const [f] = scan(text, { rules: [rule] });
    expect(text.slice(f!.start, f!.end)).toBe('+86 139 1234 5678');
    expect(f!.excerpt.replace(/\D/g, '')).not.toContain('12345');
  });

  it('gives a masked-but-wrongly-grouped number no finding at all', () => {
    expect(scan('联系电话：139****5678、158****1234', { rules: [rule] })).toEqual([]);
  });
});
