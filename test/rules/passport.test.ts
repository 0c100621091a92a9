import rule from '../../rules/passport';
import { runRuleTable } from '../helpers/rule-table';

const TABLE = [
  '出访人员名单',
  '姓名\t性别\t单位\t职务\t护照号码',
  '约翰\t男\t县外事办公室\t科员\tE12345678',
  '玛丽\t女\t县商务和经济技术合作局\t副局长\tEA7654321',
  '王五\t男\t县人民政府办公室\t主任\tG12345678',
].join('\n');

runRuleTable(rule, {
  flagged: [
    { text: '护照号码：E12345678', severity: 'warn', value: 'E12345678' },
    // The 护照号码 column header far above, in a table pasted with single spaces.
    { text: '序号 姓名 职务 护照号码\n1 约翰 科员 E12345678\n2 玛丽 副局长 EA7654321\n3 王五 主任 G12345678', severity: 'warn', value: 'G12345678' },
    { text: '护照号：EA1234567', severity: 'warn', value: 'EA1234567' },
    { text: '旧版护照G12345678已注销', severity: 'warn', value: 'G12345678' },
    { text: '外交护照 D1234567', severity: 'warn', value: 'D1234567' },
    { text: '公务护照S7654321', severity: 'warn', value: 'S7654321' },
    { text: '因公普通护照：P1234567', severity: 'warn', value: 'P1234567' },
    { text: '公务护照 SE1234567', severity: 'warn', value: 'SE1234567' },
    { text: 'Passport No.: E98765432', severity: 'warn', value: 'E98765432' },
    { text: 'PASSPORT E98765432', severity: 'warn', value: 'E98765432' },
    // Context after the number, full-width letters and digits, zero-width characters inside.
    { text: 'E12345678（护照）', severity: 'warn', value: 'E12345678' },
    { text: '护照号码：Ｅ１２３４５６７８', severity: 'warn', value: 'Ｅ１２３４５６７８' },
    { text: '护照号码：E1234\u200B5678', severity: 'warn', value: 'E1234\u200B5678' },
    // In a table the header names the column, rows below are far from the word.
    { text: TABLE, severity: 'warn', value: 'G12345678' },
  ],
  quiet: [
    // The same shapes without a passport word are model, room and order numbers.
    'E12345678',
    '型号 E12345678',
    '设备编号G12345678',
    '房间号 D1234567',
    // Wrong lengths and letters.
    '护照号 E1234567',
    '护照号 E123456789',
    '护照号 G1234567',
    '护照号 D12345678',
    '护照号 EI1234567',
    '护照号 EO1234567',
    '护照号 A12345678',
    // Inside longer runs.
    '护照 XE12345678',
    '护照 E123456789',
    '护照 E12345678A',
    // Masked values are fine.
    '护照号码：E1234****',
    '护照号码：E****5678',
    // Lowercase is not how the numbers are printed.
    '护照 e12345678',
    // The word far from the number.
    '出国（境）人员须提前办理护照，相关审批材料由各单位另行汇总报送组织部。办公室门牌编号 E12345678',
    // A table whose header says nothing about passports.
    '姓名\t单位\t设备编号\n约翰\t县外事办\tE12345678',
  ],
});
