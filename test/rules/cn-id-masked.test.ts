import rule from '../../rules/cn-id-masked';
import { runRuleTable } from '../helpers/rule-table';

runRuleTable(rule, {
  flagged: [
    { text: '44132219771202**33', severity: 'warn' },
    { text: '64032319570223**73', severity: 'warn' },
    { text: '身份证 6402211990010112*4', severity: 'warn', value: '6402211990010112*4' },
    // Eight hidden but the birth day still visible.
    { text: '640221****0101**3X', severity: 'warn' },
    { text: '640221******01**34', severity: 'warn' },
  ],
  quiet: [
    '640221********1234',
    '6402**********123X',
    '2304**********209X',
    '610402********177X',
    '******************',
    '11010519491231002X',
    // Stars in a serial number whose visible part is no ID.
    '99999919771202**33',
    '44132219771302**33',
    'ABC44132219771202**33',
  ],
});
