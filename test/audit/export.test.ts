import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { linkRecord } from '../../lib/audit/chain';
import { csvColumns, exportFileName, toCsv, toJsonl } from '../../lib/audit/export';
import type { AuditEntry, AuditRecord } from '../../lib/audit/types';

function chain(entries: AuditEntry[]): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (const [i, e] of entries.entries()) {
    out.push(linkRecord(out[i - 1], e, { id: `id-${i + 1}`, time: `2025-03-01T09:0${i}:00.000+08:00`, policyVersion: 'abc123def456' }));
  }
  return out;
}

const records = chain([
  {
    event: 'signoff-given',
    origin: 'https://www.pingluo.gov.example',
    url: 'https://www.pingluo.gov.example/cms/edit?id=7',
    title: '关于2025年城乡低保对象的公示',
    channel: '通知公告',
    category: '09',
    disclosure: '主动公开',
    editor: '王小明',
    signers: [
      { id: 'zhang', name: '张审核', role: 'reviewer', at: '2025-03-01T09:00:00.000+08:00' },
      { id: 'li', name: '李主任', role: 'principal', at: '2025-03-01T09:01:00.000+08:00' },
    ],
    digest: 'a'.repeat(64),
    findings: { total: 3, counts: { 'cn-id': { block: 2 }, phone: { warn: 1 } }, excerpts: ['110*************2X', '139******78'] },
    confirmations: { accuracy: true, completeness: true, timeliness: false, secrecy: true, otherUnit: '县民政局' },
    detail: { role: 'principal', important: true },
  },
  { event: 'publish-outcome', title: '=HYPERLINK("http://evil")', detail: { via: 'click', endpoint: '', status: 200, result: 'ok' } },
  { event: 'log-exported', detail: { format: 'csv', count: 2, throughSeq: 2 } },
]);

describe('toCsv', () => {
  const csv = toCsv(records, 'zh');
  const parse = (text: string) => Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });

  it('starts with a UTF-8 BOM and Chinese headers only', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe(csvColumns('zh').join(','));
    expect(csvColumns('zh')[0]).toBe('序号');
    for (const header of csvColumns('zh')) expect(header).not.toMatch(/[a-z]/);
  });

  it('parses back to one row per record, every value in words', () => {
    const parsed = parse(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(3);
    const [first, second, third] = parsed.data as [Record<string, string>, Record<string, string>, Record<string, string>];
    expect(first).toMatchObject({
      序号: '1',
      时间: '2025-03-01T09:00:00.000+08:00',
      事件: '签发',
      标题: '关于2025年城乡低保对象的公示',
      栏目: '通知公告',
      公开方式: '主动公开',
      编辑: '王小明',
      签发人: '张审核（审核人，2025-03-01 09:00:00）；李主任（主要负责人，2025-03-01 09:01:00）',
      敏感信息: '敏感信息 3 处：身份证号 2（阻止 2）、电话号码 1（警告 1）',
      遮盖后的片段: '110*************2X；139******78',
      审核确认: '准确性：是；完整性：是；时效性：否；保密审查：是；涉及其他单位：县民政局',
      策略版本: 'abc123def456',
      记录编号: 'id-1',
      前一条哈希值: '',
      本条哈希值: records[0]!.hash,
    });
    expect(second['前一条哈希值']).toBe(records[0]!.hash);
    expect(second['说明']).toBe('发布成功（服务器返回状态码 200）');
    expect(third['事件']).toBe('导出日志');
    expect(third['说明']).toBe('导出 CSV 文件 2 条记录（截至第 2 条）');
  });

  it('keeps a formula-looking title from running in a spreadsheet', () => {
    expect(parse(csv).data[1]!['标题']).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('writes only the header for an empty log', () => {
    expect(toCsv([], 'zh')).toBe('\ufeff' + csvColumns('zh').join(',') + '\r\n');
  });

  it('is English only for an English exporter, apart from what the CMS wrote', () => {
    const en = parse(toCsv(records, 'en')).data[0]!;
    expect(Object.keys(en)[0]).toBe('No.');
    expect(en['Event']).toBe('Signed off');
    expect(en['Findings']).toBe('3 findings: resident ID number 2 (Block 2), phone number 1 (Warning 1)');
    expect(en['Signed off by']).toBe('张审核 (Reviewer, 2025-03-01 09:00:00); 李主任 (Unit head, 2025-03-01 09:01:00)');
    expect(en['Confirmations']).toBe('Accuracy: Yes; Completeness: Yes; Timeliness: No; Secrecy review: Yes; Concerns another unit: 县民政局');
    for (const header of csvColumns('en')) expect(header).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('toJsonl', () => {
  it('writes one whole record per line, hashes included', () => {
    const lines = toJsonl(records).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l) as AuditRecord)).toEqual(records);
  });
});

describe('exportFileName', () => {
  it('names the file by local date and time', () => {
    const now = new Date(2025, 0, 2, 9, 5);
    expect(exportFileName('csv', now)).toBe('precheck-audit-20250102-0905.csv');
    expect(exportFileName('jsonl', now)).toBe('precheck-audit-20250102-0905.jsonl');
  });
});
