import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rule, { splitAreaCode } from '../../rules/landline';
import { scan } from '../../lib/scan/engine';
import { runRuleTable } from '../helpers/rule-table';

const N = '0952-6995536';
const peopleTable = (phone: string) => `序号\t姓名\t住址\t联系电话\n1\t张三\t和平村\t${phone}`;

runRuleTable(rule, {
  flagged: [
    // A person's own line: a row of a people list, or a home-phone label.
    { text: peopleTable(N), severity: 'warn', value: N },
    { text: peopleTable('010-62345678'), severity: 'warn', value: '010-62345678' },
    { text: peopleTable('（0952）6995536'), severity: 'warn', value: '（0952）6995536' },
    { text: `城乡低保公示\n序号\t姓名\t家庭电话\t备注\n1\t张三\t${N}\t`, severity: 'warn', value: N },
    { text: `户主张三，住宅电话(0952)6995536`, severity: 'warn', value: '(0952)6995536' },
    // The 住宅电话 column header far above, in a table pasted with spaces.
    { text: `序号  户主    住宅电话\n1     张三    0952-6995537\n2     李四    0952-6995538\n3     王五    ${N}`, severity: 'warn', value: N },
    { text: `家庭电话：0952 6995536`, severity: 'warn', value: '0952 6995536' },
    { text: `户主：李四  ${N}`, severity: 'warn', value: N },
    { text: '宅电：０９５２－６９９５５３６', severity: 'warn', value: '０９５２－６９９５５３６' },
    { text: '住宅电话：0952-69\u200B95536', severity: 'warn', value: '0952-69\u200B95536' },
    // Office numbers: found, but only noted.
    { text: `监督电话：${N}`, severity: 'info', value: N },
    { text: `咨询电话：（0952）6995536转123`, severity: 'info', value: '（0952）6995536转123' },
    { text: `举报电话：${N}`, severity: 'info', value: N },
    { text: `投诉电话 ${N}`, severity: 'info', value: N },
    { text: `传真：010-62345678`, severity: 'info', value: '010-62345678' },
    { text: `24小时热线：021-62345678`, severity: 'info', value: '021-62345678' },
    { text: `办公室电话：0311-82345678`, severity: 'info', value: '0311-82345678' },
    { text: `联系人：郭丽娟  联系电话：${N}  手机：15919913133`, severity: 'info', value: N },
    { text: `解读机关：县人民政府办公室  咨询电话：${N}`, severity: 'info', value: N },
    // An office-phone column of a staff table stays a note even though the rows name people.
    { text: `姓名\t职务\t办公电话\n张三\t科长\t${N}`, severity: 'info', value: N },
    // Unlabelled and extension forms.
    { text: N, severity: 'info' },
    { text: '09526995536', severity: 'info' },
    { text: '(0952) 6995536', severity: 'info' },
    { text: `${N}-8001`, severity: 'info' },
    { text: `${N} ext.123`, severity: 'info' },
    { text: `${N}分机123`, severity: 'info' },
    { text: '0951-5012345', severity: 'info' },
    { text: '010-62345678', severity: 'info' },
  ],
  quiet: [
    `监督电话：${N}  政务服务便民热线：12345`,
    '公示期：7个工作日。如有异议，请在公示期内向县民政局反映。\n监督电话：0952-6995536  政务服务便民热线：12345',
    `公示时间：5个工作日。监督电话：${N}`,
    peopleTable('0952-699****'),
  ],
});

/** Texts where the rule must report nothing at all, not even a note. */
const silent = [
  // Service numbers.
  '政务服务便民热线：12345', '12380', '报警电话110', '客服电话95588', '400-810-8888', '4008108888', '800-810-8888',
  '0952-12345', '0952-95588', '0952-96110',
  // Unknown area codes; codes shadowed by a shorter one; subscriber starting with 0 or 1.
  '026-12345678', '0000-1234567', '0100-2345678', '0211-2345678', '0952-1234567', '0952-0234567',
  // Wrong lengths, longer runs, letters around.
  '0952-699553', '0952-69955361234567', `A09526995536`, `109526995536`, '09526995536B', '0.09526995536',
  // A mobile with the trunk 0 is not a landline; an amount is not a phone.
  '013912345678', '09526995536元', '(0952)6995536万元',
];

describe('landline: silent cases', () => {
  it.each(silent.map((t) => [t]))('reports nothing on %j', (text) => {
    expect(scan(text, { rules: [rule] })).toEqual([]);
  });
});

describe('landline span and area codes', () => {
  it.each([
    ['咨询电话：0952-6995536转123。', '0952-6995536转123'],
    ['咨询电话：0952-6995536 转 123。', '0952-6995536 转 123'],
    ['咨询电话：(0952)6995536-123。', '(0952)6995536-123'],
    ['咨询电话：0952-6995536ext.12。', '0952-6995536ext.12'],
    ['咨询电话：0952-6995536分机号：8。', '0952-6995536分机号：8'],
  ])('includes the extension in %j', (text, value) => {
    const [f] = scan(text, { rules: [rule] });
    expect(text.slice(f!.start, f!.end)).toBe(value);
  });

  it.each([
    ['09526995536', '0952', '6995536'],
    ['01062345678', '010', '62345678'],
    ['02162345678', '021', '62345678'],
    ['031182345678', '0311', '82345678'],
    ['01002345678', '010', '02345678'],
  ])('splits %s as %s + %s', (digits, area, rest) => {
    expect(splitAreaCode(digits)).toEqual({ area, rest });
  });

  it.each(['02612345678', '00001234567', '1234567890'])('finds no area code in %s', (digits) => {
    expect(splitAreaCode(digits)).toBeNull();
  });

  it('never shows the number in the excerpt', () => {
    const [f] = scan(peopleTable(N), { rules: [rule] });
    expect(f!.excerpt).not.toContain('6995536');
  });

  // libphonenumber-js carries ~150 kB of metadata: only the generated table may ship in the content script.
  it.each(['rules/landline.ts', 'rules/mobile.ts', 'rules/data/area-codes.ts'])('%s does not import libphonenumber-js', (file) => {
    const src = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    expect(src).not.toMatch(/(?:from|import\(|require\()\s*['"]libphonenumber/);
  });
});
