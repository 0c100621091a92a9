import rule from '../../rules/hk-macau-pass';
import { runRuleTable } from '../helpers/rule-table';

const TABLE = [
  '赴港澳招商人员名单',
  '姓名\t单位\t职务\t往来港澳通行证号码',
  '张三\t县商务和经济技术合作局\t科员\tC12345678',
  '李四\t县发展和改革局\t副局长\tCB7654321',
  '王五\t县人民政府办公室\t主任\tW87654321',
].join('\n');

runRuleTable(rule, {
  flagged: [
    // 往来港澳通行证, card and booklet.
    { text: '往来港澳通行证号码：C12345678', severity: 'warn', value: 'C12345678' },
    { text: '港澳通行证 CA1234567', severity: 'warn', value: 'CA1234567' },
    { text: '通行证号W12345678', severity: 'warn', value: 'W12345678' },
    { text: 'C12345678（往来港澳通行证）', severity: 'warn', value: 'C12345678' },
    { text: '港澳通行证：Ｃ１２３４５６７８', severity: 'warn', value: 'Ｃ１２３４５６７８' },
    { text: '港澳通行证：C1234\u200B5678', severity: 'warn', value: 'C1234\u200B5678' },
    { text: TABLE, severity: 'warn', value: 'CB7654321' },
    { text: TABLE, severity: 'warn', value: 'W87654321' },
    // 台湾居民来往大陆通行证, 8 and 10 digits.
    { text: '台胞证号码：12345678', severity: 'warn', value: '12345678' },
    { text: '台湾居民来往大陆通行证 1234567890', severity: 'warn', value: '1234567890' },
    { text: '台胞证0123456789（B）', severity: 'warn', value: '0123456789' },
    // 港澳居民来往内地通行证 (回乡证).
    { text: '回乡证号码：H12345678', severity: 'warn', value: 'H12345678' },
    { text: '港澳居民来往内地通行证 M1234567801', severity: 'warn', value: 'M1234567801' },
  ],
  quiet: [
    // The shapes alone are ordinary codes and numbers.
    'C12345678',
    '合同编号 C12345678',
    '型号CA1234567',
    'W12345678',
    '编号 12345678',
    '1234567890',
    'H12345678',
    // Permit words without a permit-shaped number.
    '通行证办理地点：县政务服务中心',
    '港澳通行证 C1234567',
    '港澳通行证 C123456789',
    '港澳通行证 CI1234567',
    '港澳通行证 CO1234567',
    // 8 digits next to 港澳 / 通行证 are no 台胞证.
    '港澳通行证 12345678',
    '通行证 12345678',
    // Inside longer runs.
    '港澳通行证 XC12345678',
    '港澳通行证 C12345678A',
    '台胞证 123456789',
    '台胞证 12345678901',
    // Amounts.
    '台胞证办理补助 12345678元',
    // Masked.
    '往来港澳通行证：C1234****',
    '台胞证：1234****',
    // A table whose header names no permit.
    '姓名\t单位\t设备编号\n张三\t县外事办\tC12345678',
  ],
});
