import rule from '../../rules/cn-id-legacy';
import { runRuleTable } from '../helpers/rule-table';

runRuleTable(rule, {
  flagged: [
    { text: '李军，男，公民身份号码：621027790320604，原住址', severity: 'block', value: '621027790320604' },
    { text: '身份证号 640402930228548', severity: 'block', value: '640402930228548' },
    { text: '序号\t姓名\t身份证号码\n1\t李军\t540623920710859', severity: 'block', value: '540623920710859' },
  ],
  quiet: [
    '621027790320604',
    '订单号 621027790320604',
    '身份证号：621027791320604',
    '身份证号：999999790320604',
    '身份证号：1621027790320604',
  ],
});
