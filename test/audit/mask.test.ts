import { describe, expect, it } from 'vitest';
import { maskEntry, maskText, MIN_VALUE_DIGITS } from '../../lib/audit/mask';
import { scan } from '../../lib/scan/engine';
import { rules } from '../../rules/index';
import type { AuditEntry } from '../../lib/audit/types';

const ID = '11010519491231002X';
const MOBILE = '13912345678';
const CARD = '6222021234567890128';

describe('maskText', () => {
  it.each([
    ['关于张三 11010519491231002X 的公示', '关于张三 110*************2X 的公示'],
    ['申请人 张三 电话 139 1234 5678', '申请人 张三 电话 139******78'],
    ['开户行卡号 6222021234567890128', '开户行卡号 622**************28'],
    ['full width １１０１０５１９４９１２３１００２Ｘ', 'full width 110*************2X'],
    ['https://cms.example/edit?idcard=11010519491231002X&tel=13912345678', 'https://cms.example/edit?idcard=110*************2X&tel=139******78'],
    ['联系邮箱 zhangsan@163.com', '联系邮箱 z***@163.com'],
    ['关于印发《2025年工作要点》的通知', '关于印发《2025年工作要点》的通知'],
    ['机密★1年', '机密★1年'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it('cuts very long text after masking, never through a value', () => {
    const long = 'x'.repeat(1995) + ID;
    const out = maskText(long);
    expect(out).not.toContain('0519491231');
    expect(out.length).toBe(2001);
  });
});

describe('the shortcut past the scan', () => {
  const personal = rules.filter((r) => r.personal);

  it.each(personal.map((r) => [r.id, r] as const))('holds for every value %s finds', (_id, rule) => {
    for (const example of rule.examples.flagged) {
      for (const f of scan(example, { rules: [rule] })) {
        const value = example.slice(f.start, f.end);
        const digits = (value.match(/[0-9０-９]/g) ?? []).length;
        expect(digits >= MIN_VALUE_DIGITS || /[@＠]/.test(value), `${rule.id}: ${value}`).toBe(true);
      }
    }
  });
});

describe('maskEntry', () => {
  const raw: AuditEntry = {
    event: 'finding-overridden',
    origin: 'https://cms.example',
    url: `https://cms.example/edit?tel=${MOBILE}`,
    title: `关于张三 ${ID} 的公示`,
    channel: `公示 ${MOBILE}`,
    category: '09',
    disclosure: '主动公开',
    editor: `王编辑 ${MOBILE}`,
    signers: [{ id: 'zhang', name: `张审核 ${MOBILE}`, role: 'reviewer', at: '2025-03-01T09:00:00.000+08:00' }],
    digest: 'ab'.repeat(32),
    bodyDigest: `身份证 ${ID}`,
    findings: { total: 2, counts: { 'cn-id': { block: 1 }, 'bank-card': { warn: 1 } }, excerpts: [ID, `卡号 ${CARD}`] },
    confirmations: { accuracy: true, completeness: true, timeliness: true, secrecy: true, otherUnit: `县民政局 ${MOBILE}` },
    detail: { reason: `已核实 ${ID} 为公开信息`, phone: 13912345678, status: 200, important: true },
  };
  const masked = maskEntry(raw);

  it('leaves no raw ID, phone or card anywhere', () => {
    const json = JSON.stringify(masked);
    for (const value of [ID, MOBILE, CARD, '0519491231', '12345678', '1234567890']) expect(json).not.toContain(value);
  });

  it('keeps everything else as it was', () => {
    expect(masked).toMatchObject({
      event: 'finding-overridden',
      origin: 'https://cms.example',
      title: '关于张三 110*************2X 的公示',
      category: '09',
      disclosure: '主动公开',
      digest: 'ab'.repeat(32),
      signers: [{ id: 'zhang', role: 'reviewer', at: '2025-03-01T09:00:00.000+08:00' }],
      findings: { total: 2, counts: { 'cn-id': { block: 1 }, 'bank-card': { warn: 1 } }, excerpts: ['110*************2X', '卡号 622**************28'] },
      confirmations: { accuracy: true, completeness: true, timeliness: true, secrecy: true },
      detail: { status: 200, important: true, phone: '139******78' },
    });
  });

  it('stores only the known fields', () => {
    const sneaky = { ...raw, note: ID, findings: { ...raw.findings!, raw: [ID] } } as unknown as AuditEntry;
    expect(JSON.stringify(maskEntry(sneaky))).not.toContain(ID);
  });

  it('drops values of the wrong type', () => {
    const odd = { event: 'publish-blocked', title: 42, signers: [{ id: 'x', name: 'y', role: 'boss', at: '' }], findings: { total: -3, counts: { 'cn-id': { block: 'many' } }, excerpts: 'no' } };
    expect(maskEntry(odd as unknown as AuditEntry)).toEqual({ event: 'publish-blocked', signers: [], findings: { total: 0, counts: { 'cn-id': {} }, excerpts: [] } });
  });

  it('caps the excerpts at 20', () => {
    const many = maskEntry({ event: 'publish-blocked', findings: { total: 30, counts: {}, excerpts: Array.from({ length: 30 }, (_, i) => `e${i}`) } });
    expect(many.findings?.excerpts).toHaveLength(20);
  });
});
