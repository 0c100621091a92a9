/**
 * A fake audit log for the UI tests: records are made up from their seq on demand, so a log of
 * 100,000 costs nothing until a page asks for rows. Every call is kept for the assertions.
 */
import { vi } from 'vitest';
import { AUDIT_EVENTS, type AuditFilter, type AuditReader, type AuditRecord, type VerifyResult } from '../../lib/audit/types';
import type { AuditClient, ExportFormat } from '../../components/audit/client';

/** seq → a plausible record; every 6th is a publish-allowed one with two signers. */
export function fakeRecord(seq: number): AuditRecord {
  const event = AUDIT_EVENTS[seq % AUDIT_EVENTS.length] ?? 'publish-blocked';
  const minute = String(seq % 60).padStart(2, '0');
  return {
    seq,
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    time: `2025-03-${String(1 + (seq % 28)).padStart(2, '0')}T09:${minute}:00.000+08:00`,
    event,
    origin: 'https://cms.example.gov.cn',
    url: `https://cms.example.gov.cn/admin/article/${seq}`,
    title: `关于第${seq}号事项的公示`,
    channel: '通知公告',
    category: '02 政策文件',
    disclosure: '主动公开',
    editor: seq % 2 ? '王编辑' : '李编辑',
    signers: event === 'publish-allowed' ? [{ id: 'r1', name: '张审核', role: 'reviewer', at: '2025-03-01T09:00:00.000+08:00' }] : undefined,
    findings: { total: 2, counts: { 'cn-id': { block: 1 }, phone: { warn: 1 } }, excerpts: ['640221********1234', '139****5678'] },
    detail: event === 'finding-overridden' ? { ruleId: 'mobile', reason: '单位办公电话' } : undefined,
    policyVersion: 'p-1a2b3c',
    prevHash: '',
    hash: `h${seq}`,
  };
}

export interface FakeReader extends AuditReader {
  queries: { filter: AuditFilter; offset: number; limit: number }[];
  alls: (AuditFilter | undefined)[];
  /** Records reader.all answers. */
  exportable: AuditRecord[];
  /** Extra records by seq for get() (e.g. a full sample). */
  extra: Map<number, AuditRecord>;
  /** Makes query() fail with this error. */
  fail?: Error;
}

const isEmpty = (f: AuditFilter) => Object.keys(f).length === 0;

/** `total` records without a filter; any filter leaves 42 (seqs 1…42, newest first). */
export function fakeReader(total = 100_000): FakeReader {
  const reader: FakeReader = {
    queries: [],
    alls: [],
    exportable: [fakeRecord(7), fakeRecord(8), fakeRecord(9)],
    extra: new Map(),
    query(filter, offset, limit) {
      reader.queries.push({ filter, offset, limit });
      if (reader.fail) return Promise.reject(reader.fail);
      const count = isEmpty(filter) ? total : 42;
      const records: AuditRecord[] = [];
      for (let i = offset; i < Math.min(count, offset + limit); i++) records.push(fakeRecord(count - i));
      return Promise.resolve({ records, total: count });
    },
    all(filter) {
      reader.alls.push(filter);
      return Promise.resolve(reader.exportable);
    },
    get(seq) {
      return Promise.resolve(reader.extra.get(seq) ?? (seq >= 1 && seq <= total ? fakeRecord(seq) : undefined));
    },
    facets() {
      return Promise.resolve({ editors: ['李编辑', '王编辑'], reviewers: ['张审核'], categories: ['02 政策文件'], sites: ['https://cms.example.gov.cn'] });
    },
  };
  return reader;
}

export interface FakeAuditClient extends AuditClient {
  verifies: number;
  reports: { format: ExportFormat; count: number; throughSeq: number }[];
  answer: VerifyResult;
}

export function fakeAuditClient(answer: VerifyResult = { ok: true, count: 100_000, lastSeq: 100_000 }): FakeAuditClient {
  const client: FakeAuditClient = {
    verifies: 0,
    reports: [],
    answer,
    verify() {
      client.verifies++;
      return Promise.resolve(client.answer);
    },
    exported(req) {
      client.reports.push(req);
      return Promise.resolve({ ok: true, seq: 100_001, id: 'x' });
    },
  };
  return client;
}

/**
 * happy-dom lays nothing out, so the table's scroll box would be 0px high and the virtualiser would
 * show no row: give it the height a browser would (60vh of a 900px window). Restored by
 * vi.restoreAllMocks().
 */
export const SCROLL_BOX_HEIGHT = 540;

export function layoutScrollBox(): void {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.dataset.auditScroll ? SCROLL_BOX_HEIGHT : 0;
  });
}
