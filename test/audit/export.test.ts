import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { linkRecord } from '../../lib/audit/chain';
import { CSV_COLUMNS, exportFileName, toCsv, toJsonl } from '../../lib/audit/export';
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
  { event: 'publish-outcome', title: '=HYPERLINK("http://evil")', detail: { status: 200, outcome: 'ok' } },
  { event: 'log-exported', detail: { format: 'csv', count: 2, throughSeq: 2 } },
]);

describe('toCsv', () => {
  const csv = toCsv(records);

  it('starts with a UTF-8 BOM and the Chinese-first header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(CSV_COLUMNS[0]).toBe('序号 seq');
  });

  it('parses back to one row per record with the fields flattened', () => {
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(3);
    const [first, second, third] = parsed.data as [Record<string, string>, Record<string, string>, Record<string, string>];
    expect(first).toMatchObject({
      '序号 seq': '1',
      '时间 time': '2025-03-01T09:00:00.000+08:00',
      '事件 event': '签发 (signoff-given)',
      '标题 title': '关于2025年城乡低保对象的公示',
      '栏目 channel': '通知公告',
      '公开方式 disclosure': '主动公开',
      '编辑 editor': '王小明',
      '签发人 signers': '张审核(审核人) 2025-03-01T09:00:00.000+08:00; 李主任(主要负责人) 2025-03-01T09:01:00.000+08:00',
      '发现 findings': '身份证号 阻止×2; 电话号码 警告×1',
      '发现摘录 excerpts': '110*************2X; 139******78',
      '审核确认 confirmations': '准确:是; 完整:是; 及时:否; 保密:是; 涉及单位:县民政局',
      '详情 detail': 'role=principal; important=true',
      '策略版本 policyVersion': 'abc123def456',
      '记录编号 id': 'id-1',
      '前一哈希 prevHash': '',
      '哈希 hash': records[0]!.hash,
    });
    expect(second['前一哈希 prevHash']).toBe(records[0]!.hash);
    expect(second['详情 detail']).toBe('status=200; outcome=ok');
    expect(third['事件 event']).toBe('导出日志 (log-exported)');
  });

  it('keeps a formula-looking title from running in a spreadsheet', () => {
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data[1]!['标题 title']).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('writes only the header for an empty log', () => {
    expect(toCsv([])).toBe('\ufeff' + CSV_COLUMNS.join(',') + '\r\n');
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
