import { describe, expect, it } from 'vitest';
import { groupFindings, type GroupItem } from '../../lib/fix/groups';
import type { Finding } from '../../lib/scan/types';

let n = 0;
function item(kind: Finding['kind'], severity: Finding['severity'], extra: Partial<GroupItem> = {}): GroupItem {
  const start = (n += 20);
  return { key: `k${n}`, where: 'body', source: 0, finding: { ruleId: kind, kind, severity, start, end: start + 18, excerpt: '110***2X', message: '' }, ...extra };
}
const column = (index: number, header: string | null, table = 0) => ({ table, index, header });

describe('groupFindings', () => {
  it('puts a table column of one kind in one group, apart from the same kind elsewhere', () => {
    const ids = Array.from({ length: 25 }, () => item('cn-id', 'block', { column: column(2, '身份证号码') }));
    const phones = Array.from({ length: 25 }, () => item('phone', 'block', { column: column(3, '联系电话') }));
    const prose = item('cn-id', 'block');
    const groups = groupFindings([...ids, ...phones, prose]);
    expect(groups.map((g) => [g.kind, g.column?.header ?? null, g.items.length])).toEqual([
      ['cn-id', '身份证号码', 25],
      ['phone', '联系电话', 25],
      ['cn-id', null, 1],
    ]);
    expect(groups.every((g) => g.maskable)).toBe(true);
  });

  it('keeps tables, editors and the title apart, worst severity first', () => {
    const groups = groupFindings([
      item('phone', 'warn', { column: column(1, '电话', 0) }),
      item('phone', 'warn', { column: column(1, '电话', 1) }),
      item('phone', 'block', { source: 1 }),
      item('cn-id', 'block', { where: 'title', source: -1 }),
      item('classification', 'block'),
      item('phone', 'info'),
    ]);
    expect(groups.map((g) => `${g.where}/${g.source}/${g.kind}/${g.column?.table ?? '-'}/${g.severity}`)).toEqual([
      'title/-1/cn-id/-/block',
      'body/0/classification/-/block',
      'body/1/phone/-/block',
      'body/0/phone/0/warn',
      'body/0/phone/1/warn',
      'body/0/phone/-/info',
    ]);
    // The title is the CMS's field and a marking is removed, not masked.
    expect(groups.filter((g) => g.maskable).map((g) => g.where + g.kind)).toEqual(['bodyphone', 'bodyphone', 'bodyphone', 'bodyphone']);
  });

  it('counts each severity and takes the worst for the group', () => {
    const [g] = groupFindings([item('cn-id', 'warn', { column: column(0, 'ID') }), item('cn-id', 'block', { column: column(0, 'ID') })]);
    expect(g).toMatchObject({ severity: 'block', counts: { block: 1, warn: 1, info: 0 } });
  });
});
