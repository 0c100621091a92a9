import { describe, expect, it } from 'vitest';
import { scan } from '../../lib/scan/engine';
import { scanOptionsFromPolicy } from '../../lib/policy/scan-options';
import { defaultRuleSetting } from '../../lib/policy/rule-ids';
import { rules } from '../../rules';

const allRules = () => Object.fromEntries(rules.map((r) => [r.id, defaultRuleSetting(r.id)]));
const page = (over: Partial<Parameters<typeof scanOptionsFromPolicy>[0]> = {}) => ({
  rules: allRules(),
  allowList: { phones: [], emails: [] },
  customWords: [],
  ...over,
});

describe('scan options from a page policy', () => {
  const mobile = '联系人：张三 手机：13912345678';

  it('reports what the defaults report', () => {
    expect(scan(mobile, scanOptionsFromPolicy(page(), rules)).map((f) => f.kind)).toEqual(['phone']);
  });

  it('keeps allow-listed office numbers and mailboxes quiet, in any spelling', () => {
    const opts = scanOptionsFromPolicy(page({ allowList: { phones: ['13912345678', '09526012345'], emails: ['zhangsan@163.com'] } }), rules);
    expect(scan(mobile, opts)).toEqual([]);
    expect(scan('联系人张三 手机 +86 139-1234-5678', opts)).toEqual([]);
    expect(scan('户主 住宅电话：0952-6012345转123', opts)).toEqual([]);
    expect(scan('申请人邮箱 ZhangSan@163.com', opts)).toEqual([]);
    expect(scan('联系人：李四 手机：13912345679', opts).map((f) => f.kind)).toEqual(['phone']);
  });

  it('reports the unit’s own sensitive words at their severity, longest word first', () => {
    const opts = scanOptionsFromPolicy(page({ customWords: [{ word: '内部资料', severity: 'warn' }, { word: '内部资料汇编', severity: 'block', note: '不对外' }] }), rules);
    const [f] = scan('本期内部资料汇编如下', opts).filter((x) => x.kind === 'custom-word');
    expect(f).toMatchObject({ severity: 'block', excerpt: '内部资料汇编' });
    expect(f!.message).toContain('不对外');
  });

  it('applies a changed severity and a disabled rule, but leaves a restated default alone', () => {
    const list = '序号\t姓名\t联系电话\n1\t张三\t13912345678';
    expect(scan(list, scanOptionsFromPolicy(page(), rules))[0]!.severity).toBe('block');
    const info = allRules();
    info.mobile = { ...info.mobile!, severity: 'info' };
    expect(scan(list, scanOptionsFromPolicy(page({ rules: info }), rules))[0]!.severity).toBe('info');
    const off = allRules();
    off.mobile = { ...off.mobile!, enabled: false };
    expect(scan(list, scanOptionsFromPolicy(page({ rules: off }), rules))).toEqual([]);
  });
});
