import { describe, expect, it } from 'vitest';
import { scan } from '../../lib/scan/engine';
import rule, { isOfficeAddress } from '../../rules/email';
import { runRuleTable } from '../helpers/rule-table';

const PEOPLE_LIST = [
  '2025年度优秀志愿者拟表彰名单公示',
  '序号\t姓名\t单位\t电子邮箱',
  '1\t张三\t城关镇\tzhangsan1988@163.com',
  '2\t李四\t姚伏镇\tlisi_0615@qq.com',
].join('\n');

runRuleTable(rule, {
  flagged: [
    { text: '联系人：张三，邮箱：zhangsan1988@163.com', severity: 'warn', value: 'zhangsan1988@163.com' },
    { text: '申请人电子邮箱 li.si@qq.com', severity: 'warn', value: 'li.si@qq.com' },
    { text: '请本人将材料发送至 wang.wu+apply@gmail.com。', severity: 'warn', value: 'wang.wu+apply@gmail.com' },
    { text: 'zhaoliu@sina.com.cn（联系人）', severity: 'warn', value: 'zhaoliu@sina.com.cn' },
    { text: PEOPLE_LIST, severity: 'warn', value: 'zhangsan1988@163.com' },
    { text: PEOPLE_LIST, severity: 'warn', value: 'lisi_0615@qq.com' },
    // Full-width @ and letters fold to ASCII; Chinese text right next to the address.
    { text: '联系人邮箱ｚｈａｎｇｓａｎ＠１６３．ｃｏｍ', severity: 'warn', value: 'ｚｈａｎｇｓａｎ＠１６３．ｃｏｍ' },
    { text: '联系人邮箱zhangsan@163.com。', severity: 'warn', value: 'zhangsan@163.com' },
    // Unlabelled personal-looking addresses are a note only.
    { text: '来稿请发 zhangsan1988@163.com', severity: 'info', value: 'zhangsan1988@163.com' },
    { text: '如有疑问，可发送邮件至abc123@126.com咨询。', severity: 'info', value: 'abc123@126.com' },
    // A label on another line is not this address's label.
    { text: '联系人：张三\n\n投稿：abc123@126.com', severity: 'info', value: 'abc123@126.com' },
  ],
  quiet: [
    // Public-sector domains, even when a person is named.
    '联系人：张三，邮箱：zhangsan@pingluo.gov.cn',
    '投稿邮箱：bgs@nx.gov.cn',
    '联系人 李四 lisi@redcross.org.cn',
    '申请人邮箱 student01@nxu.edu.cn',
    'contact: john@agency.gov',
    '联系人：张三 zs@mail.GOV.CN',
    // Office mailboxes.
    '联系人：县政府办公室 bgs@163.com',
    '政务公开邮箱 zwgk@126.com',
    '联系人邮箱：info@example.com',
    'service@example.com',
    '联系人 office@company.cn',
    '申请人可发送至 plxbgs@163.com',
    '联系人 nxplzwgk2@126.com',
    PEOPLE_LIST.replace('zhangsan1988@163.com', 'zwgk@pingluo.gov.cn').replace('lisi_0615@qq.com', 'bgs@pingluo.gov.cn'),
    // Not addresses.
    '联系人 logo@2x.png',
    '联系人 张三@平罗县',
    '联系人：张三 @163.com',
    '联系人：张三 zhangsan@localhost',
    '联系人：张三 zhangsan@163',
    // Masked.
    '联系人：张三 z***@163.com',
  ],
});

describe('email', () => {
  it('recognises office addresses', () => {
    expect(isOfficeAddress('bgs@pingluo.gov.cn')).toBe(true);
    expect(isOfficeAddress('info.pl@163.com')).toBe(true);
    expect(isOfficeAddress('information@163.com')).toBe(false);
    expect(isOfficeAddress('zhangsan@163.com')).toBe(false);
    expect(isOfficeAddress('zhangsan@gov.cn.example.com')).toBe(false);
  });

  it('masks the mailbox in the excerpt', () => {
    const [f] = scan('联系人：张三，邮箱：zhangsan1988@163.com', { rules: [rule] });
    expect(f!.excerpt).toBe('z***@163.com');
  });

  it('does not run away on long runs of address characters', () => {
    const text = `${'a.'.repeat(20000)}@${'b-'.repeat(20000)}`;
    const t0 = Date.now();
    scan(text, { rules: [rule] });
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
